// Which country a record's identifiers point to, so a surrogate town stays in the original's country: the town's
// own country lists first, then the record's other identifiers (a +44 or 07xxx number, a UK postcode, a US state
// or a NANP number) to choose between lists that share a town (Manchester, Birmingham, Dublin, Perth).
import { foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { US_STATE_ABBR, US_STATE_NAMES } from './span.js';
import type { PiiSpan } from './types.js';

const CALLING_CODES: [string, string][] = [
  ['44', 'GB'],
  ['353', 'IE'],
  ['49', 'DE'],
  ['33', 'FR'],
  ['61', 'AU'],
  ['64', 'NZ'],
  ['91', 'IN'],
  ['34', 'ES'],
  ['39', 'IT'],
  ['31', 'NL'],
  ['1', 'US'],
];
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const US_STATE_AFTER = new RegExp(String.raw`^,?[ \t]*(?:${US_STATE_ABBR}|${US_STATE_NAMES})\b`);
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;

/** The country a phone number's format says, when it says one. */
export function phoneCountry(text: string): string | undefined {
  const t = text.trim();
  if (t.startsWith('+')) {
    const digits = t.replace(/\D/g, '');
    return CALLING_CODES.find(([code]) => digits.startsWith(code))?.[1];
  }
  if (/^07\d{3} ?\d{3} ?\d{3}$/.test(t)) return 'GB';
  if (/^04\d{2} \d{3} \d{3}$/.test(t)) return 'AU';
  if (/^0[67](?:[ .]\d{2}){4}$/.test(t)) return 'FR';
  if (NANP_SHAPE.test(t) && !t.startsWith('0')) return 'US';
  return undefined;
}

/** The country the record's phone numbers and postcodes point to, or undefined when they say nothing clear. */
export function recordCountry(spans: readonly Pick<PiiSpan, 'type' | 'text'>[]): string | undefined {
  for (const s of spans) {
    if (s.type === 'PHONE' || s.type === 'FAX') {
      const c = phoneCountry(s.text);
      if (c) return c;
    }
    if (s.type === 'ZIP' && UK_POSTCODE.test(s.text.trim())) return 'GB';
  }
  return undefined;
}

/**
 * The country of a town: its only list, or among its lists the one the hints name (a US state right after the
 * town, then the record's country), else the first list it is in. Undefined for a town in no list.
 */
export function townCountry(town: string, res: PiiResources, hints: { after?: string; record?: string } = {}): string | undefined {
  const lists = res.cityCountries.get(foldKey(town)) ?? [];
  if (lists.length <= 1) return lists[0];
  if (hints.after !== undefined && US_STATE_AFTER.test(hints.after) && lists.includes('US')) return 'US';
  if (hints.record && lists.includes(hints.record)) return hints.record;
  return lists[0];
}
