// Found names spread to their other mentions: the name words of a record seed the other records of a dataset
// (nameKeys), and the name words of one piece of a long text reach the other pieces (propagateNames). The same
// eponym and "d/b/a" guards as the mentions detectNames spreads to within one text.
import { PARTICLES, foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { makeSpan } from './span.js';
import type { PiiSpan } from './types.js';
import { CAP, tokenizeWords, wordKey } from './wordTokens.js';

/** Folded name words of NAME spans: seed for detectNames in the other records of the same dataset. */
export function nameKeys(spans: Iterable<Pick<PiiSpan, 'type' | 'text'>>, res: PiiResources): Set<string> {
  const out = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'NAME') continue;
    const t = tokenizeWords(s.text);
    for (let i = 0; i < t.count; i++) {
      if (!((t.flags[i] ?? 0) & CAP)) continue;
      const key = wordKey(t, i);
      if (key.length > 1 && !PARTICLES.has(key) && !res.ambiguous.has(key)) out.add(key);
    }
  }
  return out;
}

/** A found name word is not spread to a mention that is an eponym ("Parkinson disease") or a trade name. */
export function propagationBlocked(input: string, start: number, end: number, res: PiiResources): boolean {
  const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(end, end + 30));
  if (follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) return true;
  return /\b(?:d\/b\/a|dba)[ \t]+$/i.test(input.slice(Math.max(0, start - 12), start));
}

/**
 * Other mentions of name words found elsewhere (another piece of the same long text), in a text whose own spans are
 * already known: the words of `seeds` that no span covers, with the same eponym and "d/b/a" guards as detectNames.
 * One walk over the words; spans must be sorted by start.
 */
export function propagateNames(input: string, spans: readonly PiiSpan[], seeds: ReadonlySet<string>, res: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  const t = tokenizeWords(input);
  let si = 0;
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i] ?? 0;
    const end = t.end[i] ?? 0;
    while (si < spans.length && (spans[si]?.end ?? 0) <= start) si++;
    if (!((t.flags[i] ?? 0) & CAP) || !seeds.has(wordKey(t, i))) continue;
    const s = spans[si];
    if (s && s.start < end) continue;
    if (propagationBlocked(input, start, end, res)) continue;
    out.push(makeSpan(input, start, end, 'NAME', 0.5, 'propagation'));
  }
  return out;
}
