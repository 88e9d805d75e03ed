// Check-digit validators for identifiers that carry one. Hand-written because no maintained npm package covering
// Luhn, NPI, VIN, DEA, ABA and IBAN together is installed, and each is a few lines of published arithmetic.

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Luhn mod-10 (payment cards, IMEI, NPI with its 80840 prefix). */
export function luhnValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function ssnValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  const serial = Number(d.slice(5));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

/** NPI: 10 digits starting 1 or 2, Luhn over the 80840 prefix + number. */
export function npiValid(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 10 && /^[12]/.test(d) && luhnValid(`80840${d}`);
}

const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North-American VIN check digit (position 9). */
export function vinValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i] ?? '0';
    const code = v.charCodeAt(i);
    const n = code >= 48 && code <= 57 ? code - 48 : (VIN_VALUES[c] ?? 0);
    sum += n * (VIN_WEIGHTS[i] ?? 0);
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? 'X' : String(check));
}

/** DEA registration: 2 letters + 7 digits, (d1+d3+d5) + 2*(d2+d4+d6) last digit = d7. */
export function deaValid(value: string): boolean {
  const m = /^[A-Z][A-Z9](\d{7})$/i.exec(value);
  if (!m || !m[1]) return false;
  const n = [...m[1]].map(Number) as number[];
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0] = n;
  return (a + c + e + 2 * (b + d + f)) % 10 === g;
}

/** ABA routing number: weights 3,7,1. */
export function abaValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (w[i % 3] ?? 0);
  return sum % 10 === 0 && sum > 0;
}

/** IBAN mod-97 = 1. */
export function ibanValid(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v)) return false;
  const moved = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  // A digit is one decimal digit of the number, a letter two (A = 10 ... Z = 35): char codes, no string per character.
  for (let i = 0; i < moved.length; i++) {
    const code = moved.charCodeAt(i);
    rem = code <= 57 ? (rem * 10 + code - 48) % 97 : (rem * 100 + code - 55) % 97;
  }
  return rem === 1;
}

/** IPv4 with each octet 0..255. */
export function ipv4Valid(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')));
}
