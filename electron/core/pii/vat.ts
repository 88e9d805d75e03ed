// EU VAT numbers: the country prefix, then that country's shape and, where the tax office publishes it, its check.
// Countries without a check here are still found by shape (prefix + the right number of digits), trusted less.
import { luhnValid } from './checksums.js';
import { dniValid, mod11_10Valid, ppsnValid } from './worldChecksums.js';

const nums = (d: string) => [...d].map((c) => c.charCodeAt(0) - 48);
const weighted = (d: string, w: readonly number[]) => nums(d).reduce((s, n, i) => s + n * (w[i] ?? 0), 0);
const mod97 = (s: string) => [...s].reduce((r, c) => (r * 10 + (c.charCodeAt(0) - 48)) % 97, 0);

/** Shapes after the two-letter prefix (spaces and dots removed). */
export const VAT_SHAPES: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
};

const CHECKS: Record<string, (v: string) => boolean> = {
  AT: (v) => {
    const d = v.slice(1);
    let s = 0;
    for (let i = 0; i < 7; i++) {
      const n = (d.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
      s += n > 9 ? n - 9 : n;
    }
    return (10 - ((s + 4) % 10)) % 10 === Number(d[7]);
  },
  BE: (v) => 97 - (Number(v.slice(0, 8)) % 97) === Number(v.slice(8)),
  DE: (v) => mod11_10Valid(v),
  DK: (v) => weighted(v, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
  ES: (v) => !/^\d{8}[A-Z]$|^[XYZ]\d{7}[A-Z]$/.test(v) || dniValid(v),
  FI: (v) => {
    const c = 11 - (weighted(v, [7, 9, 10, 5, 8, 4, 2]) % 11);
    return c !== 10 && (c === 11 ? 0 : c) === Number(v[7]);
  },
  FR: (v) => !/^\d{2}/.test(v) || (12 + 3 * (Number(v.slice(2)) % 97)) % 97 === Number(v.slice(0, 2)),
  IE: (v) => !/^\d{7}/.test(v) || ppsnValid(v),
  IT: (v) => luhnValid(v),
  LU: (v) => Number(v.slice(0, 6)) % 89 === Number(v.slice(6)),
  NL: (v) => {
    const d = v.slice(0, 9);
    const old = weighted(d.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    // Since 2020 sole traders get numbers checked by mod 97 over "NL" + the number, as an IBAN is.
    return (old !== 10 && old === Number(d[8])) || mod97(`2321${v.replace('B', '11')}`) === 1;
  },
  PL: (v) => weighted(v, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(v[9]),
  PT: (v) => {
    const c = 11 - (weighted(v, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
    return (c >= 10 ? 0 : c) === Number(v[8]);
  },
  SE: (v) => luhnValid(v.slice(0, 10)),
};

/** 'checked' when the country's check passes, 'shape' when only the shape is known, undefined when invalid. */
export function vatValid(value: string): 'checked' | 'shape' | undefined {
  const v = value.replace(/[\s.-]/g, '').toUpperCase();
  const country = v.slice(0, 2);
  const rest = v.slice(2);
  const shape = VAT_SHAPES[country];
  if (!shape || !shape.test(rest)) return undefined;
  const check = CHECKS[country];
  if (!check) return 'shape';
  return check(rest) ? 'checked' : undefined;
}
