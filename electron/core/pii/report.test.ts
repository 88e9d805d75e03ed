// Issue 13: the report's numbers must add up for every kind: found + added by the reviewer = replaced + kept.
import { describe, expect, it } from 'vitest';
import { redactDataset } from './dataset.js';
import { buildRedactionReport, countByType, countedRedactionReport, type RedactionReport } from './report.js';
import { loadPiiResources } from './resources.js';
import { PII_TYPES, type PiiSpan, type PiiType } from './types.js';

const resources = loadPiiResources();

function expectBalanced(r: RedactionReport) {
  for (const t of PII_TYPES) {
    expect(r.detected[t] + r.added[t], `${t}: found + added`).toBe(r.redacted[t] + r.kept[t]);
  }
  expect(r.totalRedacted).toBe(PII_TYPES.reduce((n, t) => n + r.redacted[t], 0));
}

const span = (text: string, at: string, type: PiiType): PiiSpan => {
  const start = at.indexOf(text);
  return { start, end: start + text.length, type, text, confidence: 0.9, source: 'pattern' };
};

describe('redaction report arithmetic', () => {
  it('counts spans, not decisions: found, added, replaced and kept by kind, the policy included', () => {
    const text = 'Call 07700 900461 or 07700 900462 or 0161 496 0000; 0161 496 0000 after six. Mail a@b.example.';
    const p1 = span('07700 900461', text, 'PHONE');
    const p2 = span('07700 900462', text, 'PHONE');
    const added1 = span('0161 496 0000', text, 'PHONE');
    const added2 = { ...added1, start: text.lastIndexOf('0161'), end: text.lastIndexOf('0161') + 13 };
    const email = span('a@b.example', text, 'EMAIL');
    const reviewed = [p1, added1, added2, email]; // p2 rejected; one added decision made two spans
    const report = buildRedactionReport({
      mode: 'mask',
      policy: { types: ['PHONE'] },
      records: [{ text, detected: [p1, p2, email], reviewed, redacted: [p1, added1, added2] }],
      decisions: [
        { decision: 'reject', type: 'PHONE', text: p2.text },
        { decision: 'added', type: 'PHONE', text: added1.text },
      ],
    });
    expect([report.detected.PHONE, report.added.PHONE, report.redacted.PHONE, report.kept.PHONE]).toEqual([2, 2, 3, 1]);
    // Outside the policy: found and kept, never replaced.
    expect([report.detected.EMAIL, report.added.EMAIL, report.redacted.EMAIL, report.kept.EMAIL]).toEqual([1, 0, 0, 1]);
    // The decision counts stay what they were: one decision of each kind.
    expect(report.review.byType.PHONE).toEqual({ accepted: 0, rejected: 1, added: 1 });
    expectBalanced(report);
  });

  it('adds up over a whole dataset: two phones found, one kept by the reviewer, one added', () => {
    const records = [
      { id: 'r1', text: 'Patient: Priya Sharma. Mobile: 07700 900461. Landline: 0161 496 0000.' },
      { id: 'r2', text: 'Priya Sharma rang from 07700 900461 again; her sister is on ext 4471-22.' },
    ];
    const { report } = redactDataset(records, {
      mode: 'pseudonym',
      policy: { types: ['NAME', 'PHONE'] },
      secret: 's',
      resources,
      decisions: [
        { decision: 'reject', type: 'PHONE', text: '0161 496 0000' },
        { decision: 'added', type: 'PHONE', text: '4471-22' },
      ],
    });
    expect(report.detected.PHONE).toBe(3);
    expect(report.added.PHONE).toBe(1);
    expect(report.kept.PHONE).toBe(1);
    expect(report.redacted.PHONE).toBe(3);
    expectBalanced(report);
  });

  it('counts a record with no review (reviewed left out) as one whose reviewed spans are its found ones', () => {
    const text = 'Dr. Ana Ruiz, Ana Ruiz, MRN 00482913, 07700 900461, seen 03/03/2024.';
    const detected = [span('Ana Ruiz', text, 'NAME'), span('00482913', text, 'MRN'), span('07700 900461', text, 'PHONE'), span('03/03/2024', text, 'DATE')];
    const again = text.lastIndexOf('Ana Ruiz');
    const found: PiiSpan[] = [...detected, { ...span('Ana Ruiz', text, 'NAME'), start: again, end: again + 8 }];
    const redacted = found.filter((s) => s.type !== 'DATE');
    const now = new Date('2026-01-01T00:00:00Z');
    const policy = { types: ['NAME', 'MRN', 'PHONE'] as PiiType[] };
    // One array for both (the shortcut) and a copy (the per-string tally) must give the same report.
    const short = buildRedactionReport({ mode: 'mask', policy, now, records: [{ text, detected: found, redacted }] });
    const full = buildRedactionReport({ mode: 'mask', policy, now, records: [{ text, detected: found, reviewed: [...found], redacted }] });
    expect(short).toEqual(full);
    // data redact's report from counts by type alone is the same report
    const counted = countedRedactionReport({
      mode: 'mask',
      policy,
      now,
      characters: text.length,
      detected: countByType(found),
      redacted: countByType(redacted),
    });
    expect(JSON.stringify(counted)).toBe(JSON.stringify(short));
    expect(() => countedRedactionReport({ mode: 'mask', policy, now, characters: 1, detected: countByType(redacted), redacted: countByType(found) })).toThrow(
      /more DATE spans replaced than found/,
    );
    expect(short.detected.NAME).toBe(2);
    expect(short.kept.DATE).toBe(1);
    expect(short.added.NAME).toBe(0);
    expectBalanced(short);
  });
});
