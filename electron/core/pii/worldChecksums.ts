// Check-digit validators for identifiers issued outside the US: UK, Irish, Canadian, Australian, Indian and EU
// national, health and tax numbers. Each is the issuer's published arithmetic, a few lines; no maintained npm package
// covering this set is installed (validator.js has some tax ids but not NHS, Medicare, TFN or Aadhaar's Verhoeff).
import { luhnValid } from './checksums.js';

const digits = (v: string) => v.replace(/[^0-9]/g, '');
const nums = (d: string) => [...d].map((c) => c.charCodeAt(0) - 48);
const weighted = (d: string, weights: readonly number[]) => nums(d).reduce((s, n, i) => s + n * (weights[i] ?? 0), 0);

/** UK NHS number: 10 digits, weights 10..2 over the first nine, check = 11 - sum mod 11 (11 -> 0, 10 never issued). */
export function nhsValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 10 || /^(\d)\1{9}$/.test(d)) return false;
  const check = 11 - (weighted(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(d[9]);
}

/** Canadian SIN: 9 digits, Luhn; 0 (fictitious) and 8 (unused) are never a first digit. */
export function sinValid(value: string): boolean {
  const d = digits(value);
  return d.length === 9 && !/^[08]/.test(d) && luhnValid(d);
}

/** Australian TFN: 8 or 9 digits, weighted sum divisible by 11. */
export function tfnValid(value: string): boolean {
  const d = digits(value);
  if (d.length === 9) return weighted(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
  if (d.length === 8) return weighted(d, [10, 7, 8, 4, 6, 3, 5, 1]) % 11 === 0;
  return false;
}

/** Australian Medicare card: 10 digits (an 11th, the person's number on the card, is allowed), first 2-6, check in 9th. */
export function medicareAuValid(value: string): boolean {
  const d = digits(value);
  if ((d.length !== 10 && d.length !== 11) || !/^[2-6]/.test(d)) return false;
  return weighted(d.slice(0, 8), [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === Number(d[8]);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff: catches every single-digit error and every swap of neighbours (Aadhaar's check). */
export function verhoeffValid(d: string): boolean {
  let c = 0;
  const n = nums(d).reverse();
  for (let i = 0; i < n.length; i++) c = VERHOEFF_D[c]?.[VERHOEFF_P[i % 8]?.[n[i] ?? 0] ?? 0] ?? 0;
  return c === 0;
}

/** Indian Aadhaar: 12 digits, first 2-9, Verhoeff check digit last. */
export function aadhaarValid(value: string): boolean {
  const d = digits(value);
  return d.length === 12 && /^[2-9]/.test(d) && verhoeffValid(d);
}

/** ISO 7064 MOD 11,10 (German VAT and tax id, Croatian OIB). */
export function mod11_10Valid(d: string): boolean {
  let p = 10;
  for (let i = 0; i < d.length - 1; i++) {
    let s = (Number(d[i]) + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  let check = 11 - p;
  if (check === 10) check = 0;
  return check === Number(d[d.length - 1]);
}

const MOD23 = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): letter = number mod 23. */
export function dniValid(value: string): boolean {
  const v = value.replace(/[\s.-]/g, '').toUpperCase();
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(v);
  if (!m || !m[2] || !m[3]) return false;
  if (m[1] ? m[2].length !== 7 : m[2].length !== 8) return false;
  const n = Number(`${m[1] ? 'XYZ'.indexOf(m[1]) : ''}${m[2]}`);
  return MOD23[n % 23] === m[3];
}

/** French NIR (numéro de sécurité sociale): 13 characters + key = 97 - n mod 97 (Corsica's 2A/2B count as 19/18). */
export function nirValid(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  const m = /^([12]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(v);
  if (!m || !m[1] || !m[2]) return false;
  const body = m[1].replace('2A', '19').replace('2B', '18');
  const rem = Number(BigInt(body) % 97n);
  return 97 - rem === Number(m[2]);
}

const CF_ODD: Record<string, number> = Object.fromEntries(
  [...'0123456789']
    .map((c, i) => [c, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21][i] ?? 0])
    .concat(
      [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
        c,
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][i] ?? 0,
      ]),
    ),
);

/** Italian codice fiscale: 15 characters + a check letter from odd/even position tables, mod 26. */
export function codiceFiscaleValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v[i] ?? '0';
    if (i % 2 === 0) sum += CF_ODD[c] ?? 0;
    else sum += c.charCodeAt(0) <= 57 ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}

/** Dutch BSN: 9 digits, "elfproef" with weights 9..2 and -1. */
export function bsnValid(value: string): boolean {
  const d = digits(value).padStart(9, '0');
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  return (weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, -1]) + 11 * 9) % 11 === 0;
}

/** Irish PPSN: 7 digits + check letter (+ optional letter, weighted 9 in the newer form), mod 23, 0 -> W. */
export function ppsnValid(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  const m = /^(\d{7})([A-W])([A-IW]?)$/.exec(v);
  if (!m || !m[1] || !m[2]) return false;
  const extra = m[3] && m[3] !== 'W' ? (m[3].charCodeAt(0) - 64) * 9 : 0;
  const r = (weighted(m[1], [8, 7, 6, 5, 4, 3, 2]) + extra) % 23;
  return (r === 0 ? 'W' : String.fromCharCode(64 + r)) === m[2];
}

/** Belgian national register number: 9 digits + 97 - n mod 97 (a 2 prefixed for births from 2000). */
export function beNationalValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 11) return false;
  const body = d.slice(0, 9);
  const check = Number(d.slice(9));
  return 97 - (Number(body) % 97) === check || 97 - (Number(`2${body}`) % 97) === check;
}

/** Polish PESEL: 11 digits, weights 1,3,7,9 repeating. */
export function peselValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 11) return false;
  return (10 - (weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10 === Number(d[10]);
}

/** German tax id (Steuer-IdNr): 11 digits, first not 0, ISO 7064 MOD 11,10. */
export function steuerIdValid(value: string): boolean {
  const d = digits(value);
  return d.length === 11 && d[0] !== '0' && mod11_10Valid(d);
}

/** Swedish personnummer: YYMMDD-NNNC (or with the century), Luhn over the last 10 digits. */
export function personnummerValid(value: string): boolean {
  const d = digits(value);
  const ten = d.length === 12 ? d.slice(2) : d;
  if (ten.length !== 10) return false;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91)) && luhnValid(ten);
}

/** Finnish henkilötunnus: DDMMYY, century sign, 3 digits, check character = 9 digits mod 31. */
export function hetuValid(value: string): boolean {
  const m = /^(\d{6})[-+A-FU-Y](\d{3})([0-9A-Y])$/.exec(value.toUpperCase());
  if (!m || !m[1] || !m[2]) return false;
  return '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(m[1] + m[2]) % 31] === m[3];
}

/** Swiss AHV/AVS number: 756 + 10 digits, EAN-13 check digit (weights 1 and 3 alternating). */
export function ahvValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 13 || !d.startsWith('756')) return false;
  const sum = weighted(d.slice(0, 12), [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}
