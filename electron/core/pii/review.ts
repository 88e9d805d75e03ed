// Reviewer decisions over detected spans: reject a span, accept it, or add one the detector missed. Decisions are
// remembered by (type, exact text) so one decision applies to every identical string in the dataset.
import { isPiiType } from './types.js';
import type { PiiSpan, PiiType } from './types.js';

export type ReviewDecisionKind = 'accept' | 'reject' | 'added';

export interface ReviewDecision {
  decision: ReviewDecisionKind;
  type: PiiType;
  text: string;
  /** Where the reviewer made it (record and offsets); rules apply to identical strings everywhere. */
  recordId?: string;
  start?: number;
  end?: number;
}

const ruleKey = (type: PiiType, text: string) => `${type}\u0000${text}`;

/**
 * Applies remembered decisions to one record's detected spans: rejected strings are dropped, strings the reviewer
 * added are found (every whole occurrence) and added where they overlap nothing already kept.
 */
export function applyDecisions(input: string, spans: readonly PiiSpan[], decisions: readonly ReviewDecision[]): PiiSpan[] {
  const rejected = new Set(decisions.filter((d) => d.decision === 'reject').map((d) => ruleKey(d.type, d.text)));
  const accepted = new Set(decisions.filter((d) => d.decision === 'accept').map((d) => ruleKey(d.type, d.text)));
  const kept = spans
    .filter((s) => !rejected.has(ruleKey(s.type, s.text)))
    .map((s) => (accepted.has(ruleKey(s.type, s.text)) ? { ...s, confidence: 1, source: 'reviewer' as const } : s));
  for (const d of decisions) {
    if (d.decision !== 'added' || !d.text || !isPiiType(d.type)) continue;
    for (let i = input.indexOf(d.text); i >= 0; i = input.indexOf(d.text, i + d.text.length)) {
      const end = i + d.text.length;
      // Whole words only: "Ana" added must not hit inside "Anatomy".
      if (/[\p{L}\p{N}]/u.test(input[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(input[end] ?? '')) continue;
      if (kept.some((k) => i < k.end && end > k.start)) continue;
      kept.push({ start: i, end, type: d.type, text: d.text, confidence: 1, source: 'reviewer' });
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
