// The check-digit validators that read characters by code (ibanValid, vinValid, codiceFiscaleValid) against the
// per-character regex versions they replaced, kept here as the reference: same answer on every IBAN-, VIN- and
// codice-fiscale-shaped string of random characters and on known valid numbers.
import { describe, expect, it } from 'vitest';
import { ibanValid, vinValid } from './checksums.js';
import { codiceFiscaleValid } from './worldChecksums.js';
import { seeded } from '../../../test/unit/fuzzPayloads.js';

function ibanReference(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v)) return false;
  const moved = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const n = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of n) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem === 1;
}

const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGHJKLMNPRSTUVWXYZ'].map((c, i) => [c, [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9][i] ?? 0]),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
function vinReference(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i] ?? '0';
    sum += (/\d/.test(c) ? Number(c) : (VIN_VALUES[c] ?? 0)) * (VIN_WEIGHTS[i] ?? 0);
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? 'X' : String(check));
}

const rnd = seeded(5);
const from = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(rnd() * chars.length)]).join('');
const CAPS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIG = '0123456789';

describe('check digits read by character code', () => {
  it('ibanValid answers as the per-character version on known and random IBAN shapes', () => {
    const known = ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'gb82 west 1234 5698 7654 32'];
    for (const k of known) expect(ibanValid(k)).toBe(true);
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      // Random check digits make about 1 in 97 of these valid.
      const s = from(CAPS, 2) + from(DIG, 2) + from(CAPS + DIG + DIG, 10 + Math.floor(rnd() * 21));
      const got = ibanValid(s);
      expect(got, s).toBe(ibanReference(s));
      if (got) valid++;
    }
    expect(valid).toBeGreaterThan(100);
    expect(ibanValid('DE89 3704 0044 0532 0130 0é')).toBe(false);
  });

  it('vinValid answers as the per-character version on known and random VIN shapes', () => {
    expect(vinValid('1HGCM82633A004352')).toBe(true);
    expect(vinValid('1HGCM82633A004353')).toBe(false);
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      const s = from('ABCDEFGHJKLMNPRSTUVWXYZ' + DIG + DIG, 8) + from(DIG + 'X', 1) + from('ABCDEFGHJKLMNPRSTUVWXYZ' + DIG, 8);
      const got = vinValid(s);
      expect(got, s).toBe(vinReference(s));
      if (got) valid++;
    }
    expect(valid).toBeGreaterThan(100);
  });

  it('codiceFiscaleValid takes a digit at an even position as its value, a letter as its offset from A', () => {
    expect(codiceFiscaleValid('RSSMRA85T10A562S')).toBe(true);
    // The same number with omocodia (digits replaced by letters L-V) has its own check letter.
    expect(codiceFiscaleValid('RSSMRA85T10A562T')).toBe(false);
    let valid = 0;
    const D = '0123456789LMNPQRSTUV';
    for (let i = 0; i < 5000; i++) {
      const s = from(CAPS, 6) + from(D, 2) + from('ABCDEHLMPRST', 1) + from(D, 2) + from(CAPS, 1) + from(D, 3) + from(CAPS, 1);
      if (codiceFiscaleValid(s)) valid++;
    }
    // One check letter in 26.
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(300);
  });
});
