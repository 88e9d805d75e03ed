// A dataset through the whole pipeline: review decisions, pseudonyms, report (the core of the redaction e2e).
import { describe, expect, it } from 'vitest';
import { redactDataset } from './dataset.js';
import { DEFAULT_POLICY } from './types.js';
import { loadPiiResources } from './resources.js';

const resources = loadPiiResources();
const records = [
  { id: 'r1', text: 'Patient: Brzęczyszczykiewicz, Anna. Seen 03/03/2024 by Dr. Renée Dubois. Ward clerk Bo Lin present.' },
  { id: 'r2', text: 'Brzęczyszczykiewicz called on 03/10/2024 about metformin 500 mg. Mrs. Dubois-Hart is her sister.' },
  { id: 'r3', text: 'Anna Brzęczyszczykiewicz: HbA1c 7.2% on 04/01/2024.' },
];

describe('redactDataset', () => {
  it('applies decisions, keeps one surrogate per person across records, and reports', () => {
    const {
      records: out,
      map,
      report,
    } = redactDataset(records, {
      mode: 'pseudonym',
      policy: DEFAULT_POLICY,
      secret: 'dataset-secret',
      resources,
      decisions: [
        { decision: 'added', type: 'NAME', text: 'Bo Lin' },
        { decision: 'reject', type: 'NAME', text: 'Dubois-Hart' },
      ],
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const family = map.entries.NAME?.['brzeczyszczykiewicz'];
    expect(family).toBeDefined();
    // Record 2 has no title or label before the surname: it is found because record 1 named the person.
    for (const r of out) expect(r.text).toContain(family!);
    for (const r of out) expect(r.text).not.toMatch(/Brzęczyszczykiewicz|Renée|Bo Lin/);
    expect(out[1]!.text).toContain('Dubois-Hart'); // rejected by the reviewer, kept as written
    expect(out[1]!.text).toContain('metformin 500 mg');
    expect(report.review).toMatchObject({ added: 1, rejected: 1 });
    expect(report.records).toBe(3);
    expect(report.redacted.NAME).toBeGreaterThanOrEqual(5);
    expect(Object.keys(map.dateShifts).sort()).toEqual(['r1', 'r2', 'r3']);
  });

  it('stops when cancelled', () => {
    const ac = new AbortController();
    ac.abort(new Error('cancelled by user'));
    expect(() => redactDataset(records, { mode: 'mask', policy: DEFAULT_POLICY, secret: 's', resources, signal: ac.signal })).toThrow(/cancelled by user/);
  });
});
