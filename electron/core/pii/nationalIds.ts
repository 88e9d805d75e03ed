// National, health and tax numbers issued outside the US, found by shape and kept only when their check passes (or,
// for numbers with no check or a shape every digit run has, when a label names them on the same line). A checked
// number needs no label: a clinic spreadsheet cell holds just "943 476 5919".
import { ibanValid } from './checksums.js';
import { anchoredScan, matchesAnchored } from './anchoredScan.js';
import { DIGITS, alnumRuns, capsRunsWhere, charTable, digitRunsWhere, groupChars, idScan, inTable, isDigitAt, isLetterOrDigitAt } from './alnumRuns.js';
import type { AlnumRuns } from './alnumRuns.js';
import type { AnchoredScan } from './anchoredScan.js';
import { lineStartNear, makeSpan } from './span.js';
import type { PiiSpan, PiiType } from './types.js';
import { vatValid } from './vat.js';
import {
  aadhaarValid,
  ahvValid,
  beNationalValid,
  bsnValid,
  codiceFiscaleValid,
  dniValid,
  hetuValid,
  medicareAuValid,
  nhsValid,
  nirValid,
  peselValid,
  personnummerValid,
  ppsnValid,
  sinValid,
  steuerIdValid,
  tfnValid,
} from './worldChecksums.js';

interface Kind {
  name: string;
  re: RegExp;
  type: PiiType;
  valid: (v: string) => boolean;
  /** Confidence when valid. */
  confidence: number;
  /** Only kept when one of these words comes before it on the same line (numbers with no check or a common shape). */
  label?: RegExp;
}

/** Numbers with no check digit: the shape (and, where set, a label) decides. */
const NO_CHECK = (): boolean => true;
/** Not inside a longer number: no letter, digit or '+' before, nor a digit group or a calling code ("+34 612 ..."). */
const B = String.raw`(?<![\p{L}\d+]|\d[ .-]|\+\d{1,4}[ .-]?)`;
const E = String.raw`(?![\p{L}\d]|[ -]\d)`;
// grouped, so both guards hold for every alternative of a pattern (an ungrouped `a|b` left b without the look-behind)
const r = (s: string) => new RegExp(`${B}(?:${s})${E}`, 'gu');
/** A phone word on the line before a 10-digit run makes it a phone number, whatever its check digit says. */
const PHONE_BEFORE = /(?:tel|phone|call|mobile|cell|fax|ring|ph|t|m|f|téléphone|telefon|teléfono|handy|portable|móvil)\.?[ \t]*:?[ \t]*$/i;

export const NATIONAL_KINDS: readonly Kind[] = [
  { name: 'UK NHS number', re: r(String.raw`\d{3}([ -]?)\d{3}\1\d{4}`), type: 'ID', valid: nhsValid, confidence: 0.9 },
  {
    name: 'UK National Insurance number',
    re: r(String.raw`(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]`),
    type: 'ID',
    valid: NO_CHECK,
    confidence: 0.88,
  },
  { name: 'Canadian SIN', re: r(String.raw`\d{3}([ -])\d{3}\1\d{3}`), type: 'ID', valid: sinValid, confidence: 0.88 },
  { name: 'Australian TFN', re: r(String.raw`\d{3}([ -])\d{3}\1\d{2,3}`), type: 'ID', valid: tfnValid, confidence: 0.87 },
  // Spaced as on the card ("2123 45670 1"); a bare 10-11 digit run only after its label (1 in 10 passes the check).
  { name: 'Australian Medicare', re: r(String.raw`[2-6]\d{3} \d{5} \d(?:[ -/]?\d)?`), type: 'HEALTH_PLAN', valid: medicareAuValid, confidence: 0.9 },
  {
    name: 'Australian Medicare (unspaced)',
    re: r(String.raw`[2-6]\d{9,10}`),
    type: 'HEALTH_PLAN',
    valid: medicareAuValid,
    confidence: 0.9,
    label: /medicare/i,
  },
  { name: 'Indian Aadhaar', re: r(String.raw`[2-9]\d{3}([ -]?)\d{4}\1\d{4}`), type: 'ID', valid: aadhaarValid, confidence: 0.9 },
  { name: 'Indian PAN', re: r(String.raw`[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]`), type: 'ID', valid: NO_CHECK, confidence: 0.85 },
  {
    name: 'EU VAT number',
    re: r(String.raw`(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)[ ]?[0-9A-Z+*](?:[ .]?[0-9A-Z]){6,11}`),
    type: 'ID',
    valid: (v) => vatValid(v) === 'checked',
    confidence: 0.92,
  },
  {
    name: 'EU VAT number (shape only)',
    re: r(String.raw`(?:BG|CY|CZ|EE|EL|HR|HU|LT|LV|MT|RO|SI|SK)[ ]?\d{8,12}[A-Z]?`),
    type: 'ID',
    valid: (v) => vatValid(v) === 'shape',
    confidence: 0.7,
  },
  { name: 'Spanish DNI/NIE', re: r(String.raw`(?:[XYZ][ -]?\d{7}|\d{8})[ -]?[A-Z]`), type: 'ID', valid: dniValid, confidence: 0.92 },
  {
    name: 'French NIR',
    re: r(String.raw`[12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}`),
    type: 'ID',
    valid: nirValid,
    confidence: 0.93,
  },
  // A NIR with a wrong key after its label is still a person's number (a typo in the key is common).
  {
    name: 'French NIR (labelled)',
    re: r(String.raw`[12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3}(?: ?\d{2})?`),
    type: 'ID',
    valid: NO_CHECK,
    confidence: 0.85,
    label: /(?:s[ée]cu|NIR|INSEE|sécurité sociale|social security)/i,
  },
  { name: 'Swiss AHV number', re: r(String.raw`756\.?\d{4}\.?\d{4}\.?\d{2}`), type: 'ID', valid: ahvValid, confidence: 0.93 },
  { name: 'UK UTR', re: r(String.raw`\d{5} ?\d{5}`), type: 'ID', valid: NO_CHECK, confidence: 0.9, label: /(?:UTR|unique taxpayer)/i },
  {
    name: 'Italian codice fiscale',
    re: r(String.raw`[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]`),
    type: 'ID',
    valid: codiceFiscaleValid,
    confidence: 0.95,
  },
  { name: 'Irish PPSN', re: r(String.raw`\d{7}[A-W][A-IW]?`), type: 'ID', valid: ppsnValid, confidence: 0.9 },
  {
    name: 'Belgian national number',
    re: r(String.raw`\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}[-. ]?\d{2}`),
    type: 'ID',
    valid: beNationalValid,
    confidence: 0.8,
    label: /(?:national|rijksregister|registre national|NN|INSZ|NISS)/i,
  },
  {
    name: 'Dutch BSN',
    re: r(String.raw`\d{4}\.?\d{2}\.?\d{3}`),
    type: 'ID',
    valid: bsnValid,
    confidence: 0.9,
    label: /(?:BSN|burgerservicenummer|sofinummer)/i,
  },
  { name: 'Polish PESEL', re: r(String.raw`\d{11}`), type: 'ID', valid: peselValid, confidence: 0.9, label: /PESEL/ },
  {
    name: 'German tax id',
    re: r(String.raw`\d{2} ?\d{3} ?\d{3} ?\d{3}`),
    type: 'ID',
    valid: steuerIdValid,
    confidence: 0.9,
    label: /(?:Steuer-?ID|Steueridentifikationsnummer|IdNr|Steuer-IdNr|tax id|TIN)/i,
  },
  { name: 'Swedish personnummer', re: r(String.raw`(?:19|20)?\d{6}[-+]\d{4}`), type: 'ID', valid: personnummerValid, confidence: 0.9 },
  { name: 'Finnish HETU', re: r(String.raw`\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]`), type: 'ID', valid: hetuValid, confidence: 0.92 },
  // A Danish CPR number has a date and four digits, no check since 2007: only after its label.
  {
    name: 'Danish CPR',
    re: r(String.raw`(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}`),
    type: 'ID',
    valid: NO_CHECK,
    confidence: 0.85,
    label: /(?:CPR|personnummer)/i,
  },
];

/** An IBAN written with spaces in groups of four, lower case or upper, checked by length per country and mod 97. */
const IBAN_ANY = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** IBAN lengths of the SEPA countries and territories (ECB/SWIFT IBAN registry). */
export const SEPA_IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
  AL: 28,
  MD: 24,
  ME: 22,
  MK: 19,
  RS: 22,
};

/** IBAN check: a SEPA country's exact length when the country is one, and mod 97 = 1 always. */
export function sepaIbanValid(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  const len = SEPA_IBAN_LENGTHS[v.slice(0, 2)];
  if (len !== undefined && v.length !== len) return false;
  return ibanValid(v);
}

/** Digit groups a phone number can also have: after a phone word they are read as the phone number. */
const DIGIT_RUNS = new Set(['UK NHS number', 'Canadian SIN', 'Australian TFN']);

/**
 * What B lets through at p: no letter, digit or '+' before, no digit and [ .-] before (B's third alternative ends in
 * one of those two). Astral letters pass here (one unit is no letter) and are refused by the regex.
 */
function bOk(input: string, p: number): boolean {
  if (p === 0) return true;
  if (isLetterOrDigitAt(input, p - 1) || input.charCodeAt(p - 1) === 43) return false;
  return !(inTable(B_SEPS, input, p - 1) && isDigitAt(input, p - 2));
}
const B_SEPS = charTable(' .-');
const DIGITS_AB = charTable('0123456789AB');

/**
 * A digit-led kind: its first digits, the separators and least digit count of its groups (body: what counts as a
 * digit, A and B too for the NIR's Corsican departments), and the lengths its first digit run may have.
 */
function digitLed(first: string, seps: string, least: number, firstRun?: (n: number) => boolean, body = DIGITS, chainLeast = least) {
  const firstOk = charTable(first);
  const sepOk = charTable(seps);
  return (input: string, runs: AlnumRuns): number[] =>
    digitRunsWhere(runs, input, chainLeast, (t, s, e) =>
      inTable(firstOk, t, s) && (!firstRun || firstRun(e - s)) && bOk(t, s) && groupChars(t, s, body, sepOk, least) >= least ? s : false,
    );
}

const ANY = '0123456789';
const isCap = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return c >= 65 && c <= 90;
};
/** Two-letter country prefixes as one number each: c0 * 128 + c1. */
const pairs = (list: string): Set<number> => new Set(list.split('|').map((p) => p.charCodeAt(0) * 128 + p.charCodeAt(1)));
const pairAt = (input: string, s: number): number => input.charCodeAt(s) * 128 + input.charCodeAt(s + 1);
const VAT_COUNTRIES = pairs('AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK');
const VAT_SHAPE_COUNTRIES = pairs('BG|CY|CZ|EE|EL|HR|HU|LT|LV|MT|RO|SI|SK');
/** After the prefix: `[ ]?[0-9A-Z+*](?:[ .]?[0-9A-Z]){6,11}`, 7 characters of these with a blank or dot between. */
const VAT_BODY = charTable('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+*');
const VAT_SEPS = charTable(' .');

/**
 * Where each kind's matches can start, from the text's digit runs and capitals runs (alnumRuns.ts): each test below
 * only reads what the kind's pattern demands of its first characters, so it lets every real start through and rules
 * out nearly every other run. Whole-text scans of these kinds took ~2-6 ms per M chars each (B is evaluated at every
 * position), 24 of them.
 */
const STARTS: Readonly<Record<string, (input: string, runs: AlnumRuns) => number[]>> = {
  'UK NHS number': digitLed(ANY, ' -', 10, (n) => n === 3 || n === 10),
  'UK National Insurance number': (input, runs) =>
    capsRunsWhere(runs, input, (t, s, e) => e - s >= 2 && isCap(t, s) && isCap(t, s + 1) && groupChars(t, s + 2, DIGITS, BLANK, 6) === 6 && bOk(t, s)),
  'Canadian SIN': digitLed(ANY, ' -', 9, (n) => n === 3),
  'Australian TFN': digitLed(ANY, ' -', 8, (n) => n === 3),
  // Its 10 digits are in 4+5+1 groups after blanks (the range `[ -/]` only comes before an 11th).
  'Australian Medicare': digitLed('23456', ' ', 10, (n) => n === 4),
  'Indian Aadhaar': digitLed('23456789', ' -', 12, (n) => n === 4 || n === 12),
  'Indian PAN': (input, runs) => capsRunsWhere(runs, input, (t, s, e) => e - s === 10 && isCap(t, s) && bOk(t, s)),
  'EU VAT number': (input, runs) =>
    capsRunsWhere(runs, input, (t, s) => VAT_COUNTRIES.has(pairAt(t, s)) && groupChars(t, s + 2, VAT_BODY, VAT_SEPS, 7) === 7 && bOk(t, s)),
  'EU VAT number (shape only)': (input, runs) =>
    capsRunsWhere(runs, input, (t, s, e) => VAT_SHAPE_COUNTRIES.has(pairAt(t, s)) && (e - s === 2 ? t.charCodeAt(e) === 32 : isDigitAt(t, s + 2)) && bOk(t, s)),
  'Spanish DNI/NIE': (input, runs) => [
    ...digitLed(ANY, '', 8, (n) => n === 8)(input, runs),
    ...capsRunsWhere(runs, input, (t, s, e) => inTable(XYZ, t, s) && (e - s === 1 ? inTable(DASH_BLANK, t, e) : isDigitAt(t, s + 1)) && bOk(t, s)),
  ],
  // A Corsican "2A"/"2B" ends the digit chain after 6 digits.
  'French NIR': digitLed('12', ' ', 13, undefined, DIGITS_AB, 6),
  'French NIR (labelled)': digitLed('12', ' ', 11, undefined, DIGITS_AB, 6),
  'Swiss AHV number': digitLed('7', '.', 13),
  'Italian codice fiscale': (input, runs) => capsRunsWhere(runs, input, (t, s, e) => e - s === 16 && isCap(t, s) && bOk(t, s)),
  'Belgian national number': digitLed(ANY, '.- ', 11),
  'Dutch BSN': digitLed(ANY, '.', 9),
  'German tax id': digitLed(ANY, ' ', 11),
};
/**
 * Kinds that open with 5 digits or more: anchoredScan.ts's first anchored kinds, still in its list (its test has
 * their edge forms), now with their starts from the shared runs below: a run that long, then the digits of the
 * kind's groups (HETU's separator can be a letter, so only the run).
 */
const LONG_LED: Readonly<Record<string, (input: string, runs: AlnumRuns) => number[]>> = {
  'Australian Medicare (unspaced)': digitLed('23456', '', 10, (n) => n >= 10),
  'UK UTR': digitLed(ANY, ' ', 10, (n) => n >= 5),
  'Irish PPSN': digitLed(ANY, '', 7, (n) => n >= 7),
  'Polish PESEL': digitLed(ANY, '', 11, (n) => n >= 11),
  'Swedish personnummer': digitLed(ANY, '-+', 10, (n) => n >= 6),
  'Finnish HETU': digitLed(ANY, '', 6, (n) => n >= 6),
  'Danish CPR': digitLed('0123', '-', 10, (n) => n >= 6),
};

const XYZ = charTable('XYZ');
const BLANK = charTable(' ');
const DASH_BLANK = charTable(' -');

const SCANS = new Map<Kind, AnchoredScan>(
  NATIONAL_KINDS.map((k) => {
    const long = LONG_LED[k.name];
    const starts = STARTS[k.name];
    if (long) return [k, anchoredScan(k.re, (input) => long(input, alnumRuns(input)))] as const;
    if (!starts) throw new Error(`no starts for ${k.name}`);
    return [k, idScan(k.re, starts)] as const;
  }),
);
/** Every scan of the kinds (for alnumRuns.test.ts: the long-led ones are in anchoredScan.ts's list, not ID_SCANS). */
export const NATIONAL_SCANS: readonly AnchoredScan[] = [...SCANS.values()];
/** An IBAN opens a capitals run with two letters and two digits. */
const IBAN_SCAN = idScan(IBAN_ANY, (input, runs) =>
  capsRunsWhere(runs, input, (t, s, e) => e - s >= 4 && isCap(t, s) && isCap(t, s + 1) && isDigitAt(t, s + 2) && isDigitAt(t, s + 3)),
);

const fail = (k: Kind): never => {
  throw new Error(`no scan for ${k.name}`);
};

export function detectNationalIds(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const k of NATIONAL_KINDS) {
    for (const m of matchesAnchored(SCANS.get(k) ?? fail(k), input)) {
      const text = m[0];
      if (!k.valid(text)) continue;
      const lineStart = lineStartNear(input, m.index, 60);
      const before = input.slice(lineStart, m.index);
      if (k.label && !k.label.test(before)) continue;
      // A digit run after a phone word is a phone number that happens to pass a check (1 in 10 or 11 do).
      if (DIGIT_RUNS.has(k.name) && PHONE_BEFORE.test(before) && !/NHS|SIN|TFN|tax/i.test(before)) continue;
      out.push(makeSpan(input, m.index, m.index + text.length, k.type, k.confidence, k.valid === NO_CHECK ? 'pattern' : 'checksum'));
    }
  }
  for (const m of matchesAnchored(IBAN_SCAN, input)) {
    if (sepaIbanValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.96, 'checksum'));
  }
  return out;
}
