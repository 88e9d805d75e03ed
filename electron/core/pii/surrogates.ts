// Deterministic surrogate values. Every choice is drawn from HMAC-SHA256(dataset secret, type + normalized key), so
// the same identifier gets the same surrogate in every record and every run, and nobody without the secret can
// go back from a surrogate to the original.
import { createHmac } from 'node:crypto';
import { townCountry } from './locale.js';
import { foldKey, PARTICLES } from './resources.js';
import type { PiiResources } from './resources.js';
import { surrogateEmail, surrogatePhone } from './surrogateForms.js';
import type { PiiType } from './types.js';

export type Secret = string | Uint8Array;

export const NAME_WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** A stream of pseudo-random bytes for one (purpose, key). */
export function keyedBytes(secret: Secret, purpose: string, key: string, length = 32): Buffer {
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < length; i++) {
    chunks.push(createHmac('sha256', secret).update(`${purpose}\u0000${key}\u0000${i}`).digest());
  }
  return Buffer.concat(chunks).subarray(0, length);
}

function pick<T>(list: readonly T[], bytes: Buffer, offset = 0): T {
  const n = bytes.readUInt32BE(offset % (bytes.length - 3));
  const v = list[n % list.length];
  if (v === undefined) throw new Error('empty surrogate list');
  return v;
}

/** The key two mentions share when they are the same identifier: folded case/diacritics, no separators. */
export function normalizeKey(type: PiiType, text: string): string {
  if (type === 'NAME' || type === 'LOCATION')
    return foldKey(text)
      .replace(/[\s.,]+/g, ' ')
      .trim();
  if (type === 'EMAIL' || type === 'URL') return text.toLowerCase();
  return text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** Same shape, new characters: digits stay digits, letters stay letters in the same case, separators stay. */
export function formatPreserving(text: string, bytes: Buffer): string {
  let i = 0;
  let out = '';
  for (const ch of text) {
    const b = bytes[i++ % bytes.length] ?? 0;
    if (/\d/.test(ch)) out += String(b % 10);
    else if (/[A-Z]/.test(ch)) out += String.fromCharCode(65 + (b % 26));
    else if (/[a-z]/.test(ch)) out += String.fromCharCode(97 + (b % 26));
    else out += ch;
  }
  return out;
}

export function styleLike(original: string, surrogate: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() ? surrogate.toUpperCase() : surrogate;
}

/**
 * One name word, as the pool writes it (the caller applies the original's case): a given name for a given name, a
 * family name otherwise; never the original itself, and never a surrogate `taken` says another name already has,
 * so two people stay two people (up to 31 candidates; a dataset with more names than the pools can still collide).
 */
export function surrogateNameWord(word: string, secret: Secret, res: PiiResources, taken: (candidate: string) => boolean = () => false): string {
  const key = foldKey(word);
  const isFirst = res.firstNames.has(key) && !res.lastNames.has(key);
  const pool = isFirst ? res.firstNameForms : res.lastNameForms;
  const bytes = keyedBytes(secret, isFirst ? 'given' : 'family', key, 128);
  let s = pick(pool, bytes);
  for (let k = 4; (foldKey(s) === key || taken(s)) && k < 124; k += 4) s = pick(pool, bytes, k);
  return s;
}

/**
 * What the surroundings say: the text right after a place (a US state), the country the record's other identifiers
 * name, and the surrogate already given to a name word (so priya.sharma@ follows Priya Sharma's pseudonym).
 */
export interface PlaceHints {
  after?: string;
  record?: string;
  nameOf?: (word: string) => string | undefined;
}

/**
 * A town from the original's country when the town lists know it (or the record names a country), else from the
 * whole city pool; never the original, nor a town `taken` says is in use or real.
 */
export function surrogateCity(
  text: string,
  secret: Secret,
  res: PiiResources,
  taken: (candidate: string) => boolean = () => false,
  hints: PlaceHints = {},
): string {
  const key = foldKey(text);
  const country = townCountry(text, res, hints) ?? hints.record;
  const local = country ? res.countryCities[country] : undefined;
  const pool = local && local.length > 1 ? local : res.cityForms;
  const bytes = keyedBytes(secret, 'LOCATION', key, 128);
  let s = pick(pool, bytes);
  for (let k = 4; (foldKey(s) === key || taken(s)) && k < 124; k += 4) s = pick(pool, bytes, k);
  return styleLike(text, s);
}

/** The comparison key of an identifier: folded case and diacritics, separators dropped ("07700 900461" = "07700900461"). */
export function idKey(text: string): string {
  return foldKey(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Name words of a text, folded, as real-name checks compare them (no initials, no particles). */
export function nameWords(text: string): string[] {
  return (text.match(NAME_WORD) ?? []).map(foldKey).filter((w) => w.length > 1 && !PARTICLES.has(w));
}

/**
 * The real identifiers of a dataset, which no surrogate may equal: every value (by idKey) and every word of a
 * real name (so "87 Ferreira Street" is never made up while a Ferreira is a patient). Build it from every span
 * found or added in the dataset before pseudonymizing, and pass it to pseudonymizeText as `avoid`.
 */
export class RealIdentifiers {
  private readonly values = new Set<string>();
  private readonly words = new Set<string>();

  add(type: PiiType, text: string): this {
    this.values.add(idKey(text));
    if (type === 'NAME') for (const w of nameWords(text)) this.words.add(w);
    return this;
  }

  addAll(spans: Iterable<{ type: PiiType; text: string }>): this {
    for (const s of spans) this.add(s.type, s.text);
    return this;
  }

  /** Whether a candidate surrogate equals a real value or holds a real name word. */
  collides(candidate: string): boolean {
    return this.values.has(idKey(candidate)) || nameWords(candidate).some((w) => this.words.has(w));
  }
}

/** The surrogate drawn for one attempt; surrogateFor draws again while `taken` objects. */
function draw(type: PiiType, text: string, secret: Secret, res: PiiResources, bytes: Buffer, taken: (candidate: string) => boolean, hints: PlaceHints): string {
  switch (type) {
    case 'NAME':
      // Initials carry too little to pseudonymize one by one and are kept.
      return text.replace(NAME_WORD, (w) => (/^\p{L}$/u.test(w) ? w : styleLike(w, surrogateNameWord(w, secret, res, taken))));
    case 'LOCATION': {
      const street = /^(\d+[A-Za-z]?)(\s+)(.*?)(\s+)(\S+)$/u.exec(text);
      if (street && /^\d/.test(text)) {
        return `${formatPreserving(street[1] ?? '', bytes)} ${pick(res.lastNameForms, bytes, 8)} Street`;
      }
      return surrogateCity(text, secret, res, taken, hints);
    }
    case 'EMAIL':
      return surrogateEmail(text, bytes, res, taken, hints.nameOf);
    case 'PHONE':
    case 'FAX':
      return surrogatePhone(text, bytes);
    case 'URL':
      return `https://example.org/${formatPreserving('aaaaaaaa', bytes)}`;
    case 'IP':
      return text.includes(':') ? `2001:db8::${bytes.readUInt16BE(0).toString(16)}` : `10.${bytes[0] ?? 0}.${bytes[1] ?? 0}.${bytes[2] ?? 1}`;
    case 'SSN': {
      // Area 9xx is never issued, so a surrogate SSN can never be someone's real number.
      const s = formatPreserving(text, bytes);
      const i = s.search(/\d/);
      return i < 0 ? s : `${s.slice(0, i)}9${s.slice(i + 1)}`;
    }
    default:
      return formatPreserving(text, bytes);
  }
}

/**
 * A surrogate of the same kind and national format as `text`, never equal to it and never one `taken` objects to
 * (a real identifier of the dataset, or one already handed out): each refusal draws again from fresh keyed bytes.
 */
export function surrogateFor(
  type: PiiType,
  text: string,
  secret: Secret,
  res: PiiResources,
  taken: (candidate: string) => boolean = () => false,
  hints: PlaceHints = {},
): string {
  if (type === 'AGE') return '90+';
  const key = normalizeKey(type, text);
  const own = idKey(text);
  let s = '';
  for (let attempt = 0; attempt < 32; attempt++) {
    const bytes = keyedBytes(secret, type, attempt === 0 ? key : `${key}\u0000${attempt}`, 64);
    s = draw(type, text, secret, res, bytes, taken, hints);
    if (idKey(s) !== own && !taken(s)) return s;
  }
  return s;
}

/** Days to shift every date of one record by: in [-365, 365], never 0. */
export function dateShiftDays(secret: Secret, recordId: string): number {
  const n = keyedBytes(secret, 'date-shift', recordId).readUInt32BE(0) % 730;
  return n < 365 ? n - 365 : n - 364;
}
