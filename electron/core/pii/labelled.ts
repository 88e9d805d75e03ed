// Context-word detector: "MRN: 00482913", "State Bar No. 284119", "VIN 1HGCM8...". The label decides the type, so
// the value may have any shape as long as it looks like an identifier (has digits, no spaces).
import { anchoredScan, keywordStarts, keywords, matchesAnchored } from './anchoredScan.js';
import type { AnchoredScan } from './anchoredScan.js';
import { dateScan } from './dateScans.js';
import { escapeRe, labelRe, leadOf, leadRe, makeSpan, groupRange, trimEnd } from './span.js';
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
  const alts = byFirstLetter(labels);
  const joiner = String.raw`(?:[ \t]*(?:number|numbers|no\.?|nos\.?|num\.?|nr\.?|#|id|code))?[ \t]*(?:is[ \t]+|was[ \t]+)?[:#=]?[ \t]*(?:\r?\n[ \t]*)?`;
  // Digits in blank-separated groups ("485 777 3456": NHS, SIN) or one token with at least one digit.
  const value = String.raw`(?:\d{3}[ ]\d{3}[ ]\d{3,4}(?![ ]?\d)|(?=[A-Za-z0-9:/.\-]*\d)[A-Za-z0-9][A-Za-z0-9:/.\-]*[A-Za-z0-9])`;
  const labelWords = keywords(labels, true);
  const re = anchoredScan(
    leadRe(leadOf(labels), String.raw`(?<![\p{L}\d])(?<label>${alts})(?![\p{L}])${joiner}(?<value>${value})`, 'giu'),
    // Tried only where the text's letter run is a label's leading letters (anchoredScan.ts keywordStarts): the
    // whole-text scan of the ~340-label alternation was the costliest regex (45 ms on 1.8 MB, now ~5 plus the
    // shared walk over the text's words).
    (input) => keywordStarts(input, labelWords, true),
  );
  const out = { re, byLabel, upperLabels };
  compiledCache.set(res, out);
  return out;
}

/**
 * The labels as one alternation grouped by first character ("m(?:ember\\s+id\\.?|rn\\.?)|s(?:...)"), each group in the
 * labels' own order: the same matches as the flat list (at a position only one group's character fits: the labels are
 * lower-cased, none starts with a character that folds to another's), but irregexp picks the group by one character
 * test instead of trying ~340 alternatives in turn at every candidate (labelled.test.ts compares the two).
 */
export function byFirstLetter(labels: string[]): string {
  const groups = new Map<string, string[]>();
  for (const l of labels) {
    const first = String.fromCodePoint(l.codePointAt(0) ?? 32);
    const rest = labelRe(l.slice(first.length));
    const list = groups.get(first);
    if (list) list.push(rest);
    else groups.set(first, [rest]);
  }
  return [...groups].map(([first, rests]) => `${escapeRe(first)}(?:${rests.join('|')})`).join('|');
}

/** "State Bar of Texas No. 24077812", "Bar of the District of Columbia #": a state between "Bar" and the number. */
const BAR_OF = dateScan(
  /(?<![\p{L}])Bar[ \t]+of[ \t]+(?:the[ \t]+)?(?:[\p{Lu}][\p{L}]+[ \t]+){1,4}(?:No\.?|Number|#)[ \t]*[:#]?[ \t]*(?<v>\d[\dA-Z-]{3,})/dgu,
  // Only at each "Bar" (case-sensitive, rare): the whole-text scan ran its look-behind at every position.
  (input) => {
    const out: number[] = [];
    for (let i = input.indexOf('Bar'); i >= 0; i = input.indexOf('Bar', i + 1)) out.push(i);
    return out;
  },
);

export function detectLabelled(input: string, res: PiiResources): PiiSpan[] {
  const { re, byLabel, upperLabels } = compile(res);
  const out: PiiSpan[] = [];
  for (const m of matchesAnchored(BAR_OF, input)) {
    const v = groupRange(m, 'v');
    if (v) out.push(makeSpan(input, v[0], v[1], 'BAR_NUMBER', 0.9, 'context'));
  }
  for (const m of matchesAnchored(re, input)) {
    // The value ends the match (no 'd' flag: match indices made every match costlier).
    const valueText = m.groups?.value;
    const labelText = m.groups?.label;
    if (!valueText || !labelText) continue;
    const v = [m.index + m[0].length - valueText.length, m.index + m[0].length] as const;
    // normLabel folds blank runs itself.
    const key = normLabel(labelText);
    const type = byLabel.get(key);
    if (!type) continue;
    // Short upper-case labels ("DL", "SN", "BIN") only count as written: "mg/dL 70-99" is a lab range.
    if (upperLabels.has(key) && labelText.replace(/\.$/, '') !== labelText.replace(/\.$/, '').toUpperCase()) continue;
    const end = trimEnd(input, v[0], v[1], '.:/-');
    const value = input.slice(v[0], end);
    let digits = 0;
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) digits++;
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
