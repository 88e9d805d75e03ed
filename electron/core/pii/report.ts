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
  /** Spans the reviewer's added strings made (every occurrence counts, not the decision). */
  added: TypeCounts;
  /** Spans left as written: rejected by the reviewer, or of a kind the policy leaves alone. */
  kept: TypeCounts;
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
  /**
   * Per record: the detector's spans, the spans after the reviewer's decisions (before the policy), and the spans
   * replaced (the reviewed ones the policy covers). Counting spans, not decisions, makes every kind add up:
   * found + added = replaced + kept. `reviewed` may be left out only when no decisions were applied (it is then the
   * detected spans).
   */
  records: { text: string; detected: readonly SpanKey[]; reviewed?: readonly SpanKey[]; redacted: readonly Pick<PiiSpan, 'type'>[] }[];
  decisions?: readonly ReviewDecision[];
  /** Injected so reports are reproducible in tests. */
  now?: Date;
}

type SpanKey = Pick<PiiSpan, 'type' | 'text'>;

/** Spans by (type, text): a reject drops every span of one string, an add makes spans of one string. */
function tally(spans: readonly SpanKey[]): Map<string, { type: PiiType; n: number }> {
  const out = new Map<string, { type: PiiType; n: number }>();
  for (const s of spans) {
    const k = `${s.type}\u0000${s.text}`;
    const hit = out.get(k);
    if (hit) hit.n++;
    else out.set(k, { type: s.type, n: 1 });
  }
  return out;
}

export function buildRedactionReport(input: ReportInput): RedactionReport {
  const detected = emptyCounts();
  const redacted = emptyCounts();
  const added = emptyCounts();
  const kept = emptyCounts();
  let characters = 0;
  for (const r of input.records) {
    characters += r.text.length;
    if (!r.reviewed && input.decisions?.length) throw new Error('report: with reviewer decisions, each record needs its reviewed spans');
    const reviewedSpans = r.reviewed ?? r.detected;
    // Per string: more reviewed spans than found ones were added by the reviewer; fewer were rejected (kept). With
    // no review (`data redact`) both lists are one array and every difference is 0: no per-string tally (two maps
    // keyed by type and text, a third of the report's time on a file with 170k spans).
    if (reviewedSpans !== r.detected) {
      const found = tally(r.detected);
      const reviewed = tally(reviewedSpans);
      for (const [k, f] of found) kept[f.type] += Math.max(0, f.n - (reviewed.get(k)?.n ?? 0));
      for (const [k, v] of reviewed) added[v.type] += Math.max(0, v.n - (found.get(k)?.n ?? 0));
    }
    const foundByType = countByType(r.detected);
    const reviewedByType = reviewedSpans === r.detected ? foundByType : countByType(reviewedSpans);
    // `data redact` with every type in its policy redacts the detected spans themselves: counted once
    const redactedByType = r.redacted === r.detected ? foundByType : countByType(r.redacted);
    for (const t of PII_TYPES) {
      detected[t] += foundByType[t];
      if (redactedByType[t] > reviewedByType[t]) throw new Error(`report: more ${t} spans replaced than reviewed`);
      redacted[t] += redactedByType[t];
      // Reviewed spans the policy did not cover stay as written too.
      kept[t] += reviewedByType[t] - redactedByType[t];
    }
  }
  const byType = Object.fromEntries(PII_TYPES.map((t) => [t, { accepted: 0, rejected: 0, added: 0 }])) as RedactionReport['review']['byType'];
  const review = { accepted: 0, rejected: 0, added: 0, byType };
  for (const d of input.decisions ?? []) {
    const field = d.decision === 'accept' ? 'accepted' : d.decision === 'reject' ? 'rejected' : 'added';
    review[field]++;
    byType[d.type][field]++;
  }
  return assemble(input, input.records.length, characters, { detected, redacted, added, kept }, review);
}

/**
 * The report of a run with no reviewer (`data redact`), from counts by type of the spans found and of those
 * replaced (a subset: the policy's types), which is all such a report holds.
 */
export function countedRedactionReport(
  input: Omit<ReportInput, 'records' | 'decisions'> & { characters: number; detected: TypeCounts; redacted: TypeCounts },
): RedactionReport {
  const kept = emptyCounts();
  for (const t of PII_TYPES) {
    if (input.redacted[t] > input.detected[t]) throw new Error(`report: more ${t} spans replaced than found`);
    kept[t] = input.detected[t] - input.redacted[t];
  }
  const byType = Object.fromEntries(PII_TYPES.map((t) => [t, { accepted: 0, rejected: 0, added: 0 }])) as RedactionReport['review']['byType'];
  const counts = { detected: { ...input.detected }, redacted: { ...input.redacted }, added: emptyCounts(), kept };
  return assemble(input, 1, input.characters, counts, { accepted: 0, rejected: 0, added: 0, byType });
}

function assemble(
  input: Pick<ReportInput, 'mode' | 'policy' | 'now'>,
  records: number,
  characters: number,
  counts: Pick<RedactionReport, 'detected' | 'redacted' | 'added' | 'kept'>,
  review: RedactionReport['review'],
): RedactionReport {
  return {
    version: 1,
    createdAt: (input.now ?? new Date()).toISOString(),
    mode: input.mode,
    policy: { types: [...input.policy.types] },
    records,
    characters,
    ...counts,
    totalRedacted: Object.values(counts.redacted).reduce((a, b) => a + b, 0),
    review,
  };
}
