// Issue 13: the report's numbers must add up for every kind: found + added by the reviewer = replaced + kept.
import { describe, expect, it } from 'vitest';
import { redactDataset } from './dataset.js';
import { buildRedactionReport, type RedactionReport } from './report.js';
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
});
