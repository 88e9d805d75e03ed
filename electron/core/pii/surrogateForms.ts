// Surrogates that read like the real thing: a phone number in the original's national format (same country code,
// trunk 0 and line-type digit, same grouping), and an email that looks like a person's address at a domain
// reserved for examples (RFC 2606), built from the name pools.
import { foldKey } from './resources.js';
import type { PiiResources } from './resources.js';

/** Calling codes, longest first where one is a prefix of another. */
const CALLING_CODES = ['353', '44', '49', '33', '61', '64', '91', '34', '39', '31', '1'];
/** Domains reserved for documentation: never anyone's real address. */
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'];

const digit = (b: number, from = 0) => String(from + (b % (10 - from)));

/** How many leading digits say the country and kind of line, kept as they are. */
function keptDigits(text: string, digits: string): number {
  if (text.trimStart().startsWith('+')) {
    const code = CALLING_CODES.find((c) => digits.startsWith(c)) ?? digits.slice(0, 2);
    return code.length + (code === '1' ? 0 : 1); // the country code, then the first national digit (7 = UK mobile)
  }
  if (digits.startsWith('0')) return 2; // the trunk 0 and the line type: 07 (UK mobile), 06 (FR mobile), 04 (AU mobile)
  return 1; // "98765 43210": the first digit of an Indian mobile
}

/** 3-3-4 grouping with no trunk 0: a NANP number, whose area code and exchange (digit positions) start with 2-9. */
function nanpPositions(text: string, digits: string): Set<number> {
  if (!/^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/.test(text.trim())) return new Set();
  const offset = digits.length === 10 ? 0 : digits.length === 11 && digits.startsWith('1') ? 1 : -1;
  // An area code never starts with 0 or 1: "087 123 4567" is Irish, not NANP.
  return offset < 0 || /[01]/.test(digits[offset] ?? '0') ? new Set() : new Set([offset, offset + 3]);
}

/** A phone number with the original's separators, country code, trunk and line-type digit; the rest drawn. */
export function surrogatePhone(text: string, bytes: Buffer): string {
  const digits = text.replace(/\D/g, '');
  const nanp = nanpPositions(text, digits);
  // A bare 10-digit NANP number keeps nothing: its first digit is an area code, not a country or line type.
  const kept = nanp.size && digits.length === 10 ? 0 : keptDigits(text, digits);
  let i = 0;
  let out = '';
  for (const ch of text) {
    if (!/\d/.test(ch)) {
      out += ch;
      continue;
    }
    const b = bytes[i % bytes.length] ?? 0;
    out += i < kept ? ch : nanp.has(i) ? digit(b, 2) : digit(b);
    i++;
  }
  return out;
}

const asciiWord = (w: string) => foldKey(w).replace(/[^a-z]/g, '');

function pickWord(pool: readonly string[], b: number, avoid: (w: string) => boolean): string {
  for (let k = 0; k < 16; k++) {
    const w = asciiWord(pool[(b + k * 7919) % pool.length] ?? '');
    if (w.length > 1 && !avoid(w)) return w;
  }
  return 'alex';
}

/**
 * first.last@example.org for priya.sharma@nhs.net: the local part keeps its pieces and separators (an initial
 * stays an initial, digits stay digits), letters come from the name pools, or from `nameOf` when a word is a name
 * part that already has a pseudonym. `avoid` says which words are taken.
 */
export function surrogateEmail(
  text: string,
  bytes: Buffer,
  res: PiiResources,
  avoid: (word: string) => boolean = () => false,
  nameOf: (word: string) => string | undefined = () => undefined,
): string {
  const at = text.lastIndexOf('@');
  const local = at > 0 ? text.slice(0, at) : text;
  const pieces = local.split(/([._+-])/);
  const words = pieces.filter((p, k) => k % 2 === 0 && /[A-Za-z]{2,}/.test(p)).length;
  let n = 0;
  let wordIndex = 0;
  const next = () => bytes.readUInt16BE((n++ * 2) % (bytes.length - 1));
  const out = pieces.map((p, k) => {
    if (k % 2 === 1) return p; // a separator
    const letters = /^([A-Za-z]*)(\d*)$/.exec(p);
    const digits = (letters?.[2] ?? p.replace(/\D/g, '')).replace(/\d/g, () => String(next() % 10));
    const alpha = letters?.[1] ?? p.replace(/[^A-Za-z]/g, '');
    if (alpha.length === 0) return digits;
    if (alpha.length === 1) return String.fromCharCode(97 + (next() % 26)) + digits;
    // A word that is a pseudonymized name part keeps that person's pseudonym.
    const known = nameOf(alpha);
    if (known && asciiWord(known).length > 1) {
      wordIndex++;
      return asciiWord(known) + digits;
    }
    // Two words: given then family; one word: a family name ("psharma" style locals read as a surname).
    const pool = words >= 2 && wordIndex++ === 0 ? res.firstNameForms : res.lastNameForms;
    return pickWord(pool, next(), avoid) + digits;
  });
  return `${out.join('') || 'user'}@${EXAMPLE_DOMAINS[next() % EXAMPLE_DOMAINS.length]}`;
}
