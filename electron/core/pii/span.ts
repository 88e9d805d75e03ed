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
