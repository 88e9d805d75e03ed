// The report's span and replacement lines of `data redact`, written by hand: JSON.stringify of a fresh six-field
// object per span was the largest cost after detection on a 50 MB JSONL file (1M spans, ~1.3 us each against ~0.5
// here; bench/pii-RESULTS.md speed round 9). Each line is exactly what JSON.stringify gives for the same fields in
// the same order (reportLines.test.ts compares them), and falls back to it for anything but plain finite numbers
// and strings, where JSON.stringify would write null or leave the field out.
import type { Replacement } from './redact.js';
import type { PiiSpan } from './types.js';

const quotedWords = new Map<string, string>();

/** JSON text of a string from a small fixed vocabulary (types, sources), quoted once. */
function quotedWord(word: string): string {
  let q = quotedWords.get(word);
  if (q === undefined) quotedWords.set(word, (q = JSON.stringify(word)));
  return q;
}

const plain = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** JSON.stringify({ start, end, type, text, confidence, source }) of a span. */
export function spanJson(s: PiiSpan): string {
  const { start, end, type, text, confidence, source } = s;
  if (!plain(start) || !plain(end) || !plain(confidence) || typeof type !== 'string' || typeof text !== 'string' || typeof source !== 'string') {
    return JSON.stringify({ start, end, type, text, confidence, source });
  }
  return `{"start":${start},"end":${end},"type":${quotedWord(type)},"text":${JSON.stringify(text)},"confidence":${confidence},"source":${quotedWord(source)}}`;
}

/** JSON.stringify({ start, end, type, replacement }) of a replacement. */
export function replacementJson(r: Replacement): string {
  const { start, end, type, replacement } = r;
  if (!plain(start) || !plain(end) || typeof type !== 'string' || typeof replacement !== 'string') {
    return JSON.stringify({ start, end, type, replacement });
  }
  return `{"start":${start},"end":${end},"type":${quotedWord(type)},"replacement":${JSON.stringify(replacement)}}`;
}
