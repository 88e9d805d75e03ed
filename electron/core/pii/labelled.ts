// Context-word detector: "MRN: 00482913", "State Bar No. 284119", "VIN 1HGCM8...". The label decides the type, so
// the value may have any shape as long as it looks like an identifier (has digits, no spaces).
import { anchoredScan, matchesAnchored } from './anchoredScan.js';
import type { AnchoredScan } from './anchoredScan.js';
import { isLetterUnit, labelRe, leadOf, leadRe, makeSpan, matches, groupRange, trimEnd } from './span.js';
import type { PiiResources } from './resources.js';
import type { PiiSpan, PiiType } from './types.js';

interface Compiled {
  re: AnchoredScan;
  byLabel: Map<string, PiiType>;
  upperLabels: Set<string>;
}

const compiledCache = new WeakMap<PiiResources, Compiled>();
/** Types whose label only sets context for a shape detector (phone numbers, ZIPs); not a value grabber. */
const SKIP: ReadonlySet<PiiType> = new Set(['PHONE', 'FAX', 'ZIP']);

function normLabel(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
}

function compile(res: PiiResources): Compiled {
  const hit = compiledCache.get(res);
  if (hit) return hit;
  const byLabel = new Map<string, PiiType>();
  const upperLabels = new Set<string>();
  for (const [type, labels] of Object.entries(res.labels) as [PiiType, string[]][]) {
    if (SKIP.has(type)) continue;
    for (const l of labels) {
      if (!byLabel.has(normLabel(l))) byLabel.set(normLabel(l), type);
      if (l.length <= 4 && l === l.toUpperCase()) upperLabels.add(normLabel(l));
    }
  }
  // Longest label first so "member ID" wins over "ID" and "license plate" over "license".
  const labels = [...byLabel.keys()].sort((a, b) => b.length - a.length);
  const alts = labels.map(labelRe).join('|');
  const joiner = String.raw`(?:[ \t]*(?:number|numbers|no\.?|nos\.?|num\.?|nr\.?|#|id|code))?[ \t]*(?:is[ \t]+|was[ \t]+)?[:#=]?[ \t]*(?:\r?\n[ \t]*)?`;
  // Digits in blank-separated groups ("485 777 3456": NHS, SIN) or one token with at least one digit.
  const value = String.raw`(?:\d{3}[ ]\d{3}[ ]\d{3,4}(?![ ]?\d)|(?=[A-Za-z0-9:/.\-]*\d)[A-Za-z0-9][A-Za-z0-9:/.\-]*[A-Za-z0-9])`;
  const re = anchoredScan(
    leadRe(leadOf(labels), String.raw`(?<![\p{L}\d])(?<label>${alts})(?![\p{L}])${joiner}(?<value>${value})`, 'giud'),
    labelStarts(labels),
  );
  const out = { re, byLabel, upperLabels };
  compiledCache.set(res, out);
  return out;
}

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
/** A hash of the ASCII letters input[i..j) lower-cased (collisions only add candidates). */
function hashLetters(input: string, i: number, j: number): number {
  let h = 0;
  for (let k = i; k < j; k++) h = (Math.imul(h, 31) + (input.charCodeAt(k) | 32)) >>> 0;
  return h;
}

/**
 * Where a label can start (anchoredScan.ts), for labels lower-cased: a match opens at a letter after neither a letter
 * nor a digit, and the text's run of ASCII letters there is exactly the label's leading ASCII letters ("mrn" for
 * "MRN12345", "driver" for "Driver's license": the label goes on with a non-letter, or ends where (?![\p{L}]) wants
 * no letter). So a run is a candidate when its length, first two letters and letters' hash are a label's; a run
 * that goes on with a non-ASCII unit, and a non-ASCII opening ("αφμ"), are always candidates. One walk over the text
 * (11 ms on 1.8 MB) and ~31k sticky tries replaced a whole-text scan of the ~340-label alternation (45 ms).
 */
function labelStarts(labels: readonly string[]): (input: string) => number[] {
  const shapes = new Uint8Array(32 * 32 * 32);
  const hashes = new Set<number>();
  for (const l of labels) {
    const lead = /^[a-z]*/.exec(l)?.[0] ?? '';
    if (!lead) continue;
    const second = lead.length > 1 ? lead.charCodeAt(1) & 31 : 0;
    shapes[((lead.charCodeAt(0) & 31) * 32 + second) * 32 + Math.min(lead.length, 31)] = 1;
    hashes.add(hashLetters(lead, 0, lead.length));
  }
  return (input) => {
    const out: number[] = [];
    const len = input.length;
    let i = 0;
    while (i < len) {
      const c = input.charCodeAt(i);
      const p = input.charCodeAt(i - 1);
      const opens = !(p < 128 ? isAsciiLetter(p) || (p >= 48 && p <= 57) : isLetterUnit(input, i - 1));
      if (c >= 128) {
        if (opens) out.push(i);
        i++;
        continue;
      }
      if (!isAsciiLetter(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len && isAsciiLetter(input.charCodeAt(j))) j++;
      if (opens) {
        const n = j - i;
        const shape = ((c & 31) * 32 + (n > 1 ? input.charCodeAt(i + 1) & 31 : 0)) * 32 + Math.min(n, 31);
        if (input.charCodeAt(j) >= 128 || (shapes[shape] === 1 && hashes.has(hashLetters(input, i, j)))) out.push(i);
      }
      i = j;
    }
    return out;
  };
}

/** "State Bar of Texas No. 24077812", "Bar of the District of Columbia #": a state between "Bar" and the number. */
const BAR_OF = /(?<![\p{L}])Bar[ \t]+of[ \t]+(?:the[ \t]+)?(?:[\p{Lu}][\p{L}]+[ \t]+){1,4}(?:No\.?|Number|#)[ \t]*[:#]?[ \t]*(?<v>\d[\dA-Z-]{3,})/dgu;

export function detectLabelled(input: string, res: PiiResources): PiiSpan[] {
  const { re, byLabel, upperLabels } = compile(res);
  const out: PiiSpan[] = [];
  for (const m of matches(BAR_OF, input)) {
    const v = groupRange(m, 'v');
    if (v) out.push(makeSpan(input, v[0], v[1], 'BAR_NUMBER', 0.9, 'context'));
  }
  for (const m of matchesAnchored(re, input)) {
    const v = groupRange(m, 'value');
    const labelText = m.groups?.label;
    if (!v || !labelText) continue;
    const type = byLabel.get(normLabel(labelText.replace(/\s+/g, ' ')));
    if (!type) continue;
    // Short upper-case labels ("DL", "SN", "BIN") only count as written: "mg/dL 70-99" is a lab range.
    if (upperLabels.has(normLabel(labelText)) && labelText.replace(/\.$/, '') !== labelText.replace(/\.$/, '').toUpperCase()) continue;
    const end = trimEnd(input, v[0], v[1], '.:/-');
    const value = input.slice(v[0], end);
    const digits = value.replace(/\D/g, '').length;
    // Short values after loose labels ("group 2", "policy 4") are counts, not identifiers.
    if (digits < 3 || value.length < 4) continue;
    // A year alone after a label ("case 2019 review") is not an identifier.
    if (/^(?:19|20)\d{2}$/.test(value)) continue;
    // A time or a dose after a label ("visit 10:30", "card 5mg") is not an identifier.
    if (/^\d{1,2}:\d{2}$/.test(value)) continue;
    out.push(makeSpan(input, v[0], end, type, 0.88, 'context'));
  }
  return out;
}
