// The redaction report kept with a dataset version: what was found, what was done, under which policy, and what
// the reviewer changed. Counts only: the report itself holds no identifier text, so it can travel with the data.
import { PII_TYPES } from './types.js';
import type { PiiSpan, PiiType, RedactionMode, RedactionPolicy } from './types.js';
import type { ReviewDecision } from './review.js';

export type TypeCounts = Record<PiiType, number>;

export interface RedactionReport {
  version: 1;
  createdAt: string;
  mode: RedactionMode;
  policy: RedactionPolicy;
  records: number;
  characters: number;
  /** Spans found by the detector, before review. */
  detected: TypeCounts;
  /** Spans actually replaced (after review and policy). */
  redacted: TypeCounts;
  totalRedacted: number;
  review: {
    accepted: number;
    rejected: number;
    added: number;
    byType: Record<PiiType, { accepted: number; rejected: number; added: number }>;
  };
}

export function emptyCounts(): TypeCounts {
  return Object.fromEntries(PII_TYPES.map((t) => [t, 0])) as TypeCounts;
}

export function countByType(spans: Iterable<Pick<PiiSpan, 'type'>>): TypeCounts {
  const c = emptyCounts();
  for (const s of spans) c[s.type]++;
  return c;
}

export interface ReportInput {
  mode: RedactionMode;
  policy: RedactionPolicy;
  records: { text: string; detected: readonly PiiSpan[]; redacted: readonly Pick<PiiSpan, 'type'>[] }[];
  decisions?: readonly ReviewDecision[];
  /** Injected so reports are reproducible in tests. */
  now?: Date;
}

export function buildRedactionReport(input: ReportInput): RedactionReport {
  const detected = emptyCounts();
  const redacted = emptyCounts();
  let characters = 0;
  for (const r of input.records) {
    characters += r.text.length;
    for (const s of r.detected) detected[s.type]++;
    for (const s of r.redacted) redacted[s.type]++;
  }
  const byType = Object.fromEntries(PII_TYPES.map((t) => [t, { accepted: 0, rejected: 0, added: 0 }])) as RedactionReport['review']['byType'];
  const review = { accepted: 0, rejected: 0, added: 0, byType };
  for (const d of input.decisions ?? []) {
    const field = d.decision === 'accept' ? 'accepted' : d.decision === 'reject' ? 'rejected' : 'added';
    review[field]++;
    byType[d.type][field]++;
  }
  return {
    version: 1,
    createdAt: (input.now ?? new Date()).toISOString(),
    mode: input.mode,
    policy: { types: [...input.policy.types] },
    records: input.records.length,
    characters,
    detected,
    redacted,
    totalRedacted: Object.values(redacted).reduce((a, b) => a + b, 0),
    review,
  };
}
