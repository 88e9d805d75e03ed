// Small helpers shared by the detectors: building spans that keep the offset contract, and trimming.
import type { PiiSpan, PiiType, SpanSource } from './types.js';

export function makeSpan(input: string, start: number, end: number, type: PiiType, confidence: number, source: SpanSource): PiiSpan {
  return { start, end, type, text: input.slice(start, end), confidence, source };
}

/** Drops trailing punctuation that sentence text glues to an identifier ("see www.x.org."). */
export function trimEnd(input: string, start: number, end: number, chars = '.,;:!?)]}\'"'): number {
  while (end > start && chars.includes(input[end - 1] ?? '')) end--;
  return end;
}

/**
 * Start of the line holding `at`, looking back at most `max` characters. A bounded scan: lastIndexOf('\n') from
 * every match of a text with no line break (one long JSONL line, a PDF's text) walks back to its start each time,
 * which makes the whole pass quadratic.
 */
export function lineStartNear(input: string, at: number, max: number): number {
  const from = Math.max(0, at - max);
  for (let i = at - 1; i >= from; i--) if (input.charCodeAt(i) === 10) return i + 1;
  return from;
}

/** Every match of a global regex, with the d flag's group indices. */
export function* matches(re: RegExp, input: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** [start, end) of a named group (the regex needs the d flag), or undefined when it did not take part. */
export function groupRange(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A label phrase as a regex: case-insensitive elsewhere, spaces match any run of blanks, a final dot optional. */
export function labelRe(label: string): string {
  return escapeRe(label).replace(/\s+/g, '\\s+') + (label.endsWith('.') ? '' : '\\.?');
}

export const US_STATE_ABBR =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
export const US_STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta';
/** State codes that are also credentials or words (MD, PA, ME, OR, IN, ...): need a ZIP or a known city. */
export const AMBIGUOUS_STATE_ABBR = new Set(['MD', 'PA', 'ME', 'OR', 'IN', 'OK', 'HI', 'CO', 'LA', 'MA', 'MS', 'ID', 'AL', 'MO', 'NE', 'DE', 'DC', 'PR']);

/** Every regex made by leadRe, with the same regex without its lead-in: the test checks that they match alike. */
export const LEAD_GUARDED: { guarded: RegExp; plain: RegExp }[] = [];

/**
 * A regex with `(?=[lead])` put before `source`, where `lead` (a character-class body) holds every character a match
 * can start with. Same matches, found faster: most of these regexes open with a look-behind (`(?<![\p{L}])`), which
 * V8 evaluates at every position of the text before anything else; the one-character look-ahead first rejects most
 * positions at the cost of a class test (a CPU profile of `data redact` put these whole-text scans at ~45%).
 */
export function leadRe(lead: string, source: string, flags: string): RegExp {
  const guarded = new RegExp(`(?=[${lead}])${source}`, flags);
  LEAD_GUARDED.push({ guarded, plain: new RegExp(source, flags) });
  return guarded;
}

/** The class body of the first characters of `words` (an alternation's words as written, before escaping). */
export function leadOf(words: Iterable<string>): string {
  const firsts = new Set<string>();
  for (const w of words) {
    const c = String.fromCodePoint(w.codePointAt(0) ?? 32);
    firsts.add(/\s/.test(c) ? '\\s' : c.replace(/[\\\]^-]/g, '\\$&'));
  }
  return [...firsts].join('');
}

/**
 * [start, end) of the runs of whole lines that hold a match of `anchor` (a global regex; end is the index of the
 * run's last line break, or the text's length). Linear: each line is looked at once, the backward step stops at the
 * previous run's line break.
 */
export function anchorLines(input: string, anchor: RegExp): [number, number][] {
  const out: [number, number][] = [];
  anchor.lastIndex = 0;
  for (let m = anchor.exec(input); m !== null; m = anchor.exec(input)) {
    const start = input.lastIndexOf('\n', m.index - 1) + 1;
    const nl = input.indexOf('\n', m.index);
    const end = nl < 0 ? input.length : nl;
    const last = out[out.length - 1];
    if (last && start <= last[1] + 1) last[1] = end;
    else out.push([start, end]);
    if (end >= input.length) break;
    anchor.lastIndex = end + 1;
  }
  return out;
}

/** A regex and the anchor each of its matches holds on its own line: see matchesOnLines. */
export interface LineScan {
  re: RegExp;
  anchor: RegExp;
}

/** Every LineScan made, for the test that checks each gives the same matches as a whole-text scan. */
export const LINE_SCANS: LineScan[] = [];

export function lineScan(re: RegExp, anchor: RegExp): LineScan {
  const scan = { re, anchor };
  LINE_SCANS.push(scan);
  return scan;
}

/**
 * Every match of `re` over `input`, found by running it only on the lines that hold a match of `anchor`; indices are
 * of `input`. The same matches as matches(re, input) when (1) every match of `re` holds a match of `anchor` on its
 * own line, (2) `re` cannot match a line break, and (3) its look-arounds at a match's edges treat a line break like
 * the text's edge (a negated class that has no \n in it: (?<![\p{L}]), (?![\d\p{L}]); no ^ or $). Whole-text scans
 * of the address patterns that open with a capital were the biggest regex cost in a CPU profile of `data redact`;
 * the words they need ("County", "straße 12") are on few lines.
 */
export function matchesOnLines({ re, anchor }: LineScan, input: string): Generator<RegExpExecArray> {
  return matchesInLines(re, input, anchorLines(input, anchor));
}

/** The matches of `re` within each [start, end) run of whole lines, with match and group indices of the whole text. */
export function* matchesInLines(re: RegExp, input: string, lines: Iterable<[number, number]>): Generator<RegExpExecArray> {
  for (const [start, end] of lines) {
    if (start === 0 && end === input.length) {
      yield* matches(re, input);
      return;
    }
    for (const m of matches(re, input.slice(start, end))) {
      m.index += start;
      const shifted = new Set<[number, number]>();
      for (const range of [...(m.indices ?? []), ...Object.values(m.indices?.groups ?? {})]) {
        if (range && !shifted.has(range)) {
          range[0] += start;
          range[1] += start;
          shifted.add(range);
        }
      }
      yield m;
    }
  }
}

const LETTER = /^\p{L}$/u;
/**
 * What LETTER said of each non-ASCII code unit asked about so far (0: not asked, 1: a letter, 2: not one): the
 * walks ask about every non-ASCII character of a text, and a regex test on a one-character string each time was a
 * tenth of the shared letter walk on text with Cyrillic, Greek or CJK in it. 64 KB, filled as codes are met.
 */
const NON_ASCII_LETTER = new Uint8Array(65536);

/**
 * A letter in one UTF-16 code unit: what /\p{L}/u finds in input[i] alone (a surrogate half is none, outside the
 * text is none), ASCII by code. The backward walks of the detectors ask this for every character they pass.
 */
export function isLetterUnit(input: string, i: number): boolean {
  const c = input.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c !== c) return false;
  let known = NON_ASCII_LETTER[c] as number;
  if (known === 0) NON_ASCII_LETTER[c] = known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}
