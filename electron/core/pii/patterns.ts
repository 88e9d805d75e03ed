// Shape-based detectors for structured identifiers: contact details, network addresses and numbers that carry a
// check digit. A checksum hit is trusted more than a bare shape.
import { abaValid, deaValid, ibanValid, ipv4Valid, luhnValid, npiValid, ssnValid, vinValid } from './checksums.js';
import { NATIONAL_PHONE, nationalPhoneConfidence } from './phones.js';
import { matchesAnchored } from './anchoredScan.js';
import { capsRunsWhere, charTable, digitRunsWhere, digitsAt, idScan, inTable, isDigitAt, isWordAt, textMemo } from './alnumRuns.js';
import { lineScan, lineStartNear, makeSpan, matches, matchesOnLines, trimEnd } from './span.js';
import type { PiiSpan } from './types.js';

const EMAIL =
  /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
/** Every e-mail address holds an '@' on its line (see matchesOnLines). */
const EMAIL_SCAN = lineScan(EMAIL, /@/g);
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^[\]]+/gi;
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d)/g;
const IPV6 = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;
const SSN_RE = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;
// A number may sit in parentheses ("(603-555-0128)"); only a digit or word character may not precede it.
const NANP = /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g;
const INTL = /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?!\d)/g;
/** National numbers with a trunk 0 ("0113 496 0872", "020 7946 0958"): only after a phone word. */
const TRUNK = /(?<![\w+])0\d{2,4}(?:[ -]\d{2,4}){1,3}(?![\d-])/g;
const PHONE_WORD_BEFORE = /(?:tel|phone|call|mobile|cell|fax|ring|contact|on|number|ph|t|m|f)\.?[ \t:]*$/i;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const VIN = /(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])/g;
const DEA = /(?<![A-Za-z0-9])[A-Z][A-Z9]\d{7}(?![A-Za-z0-9])/g;
const NPI = /(?<![\d-])[12]\d{9}(?![\d-])/g;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;
const ABA = /(?<![\d-])\d{9}(?![\d-])/g;
const FED_CASE = /(?<![\w:])\d{1,2}:\d{2}-[a-z]{2,3}-\d{3,6}(?:-[A-Z]{1,5})*(?![\w-])/g;
/** Other unique numbers: at least 6 characters, at least 4 digits, optionally letter-prefixed. */
const GENERIC_ID = /(?<![\w./-])(?=[A-Z0-9-]*\d(?:-?\d){3})[A-Z]{0,5}-?\d[0-9A-Z-]{4,}[0-9A-Z](?![\w/-]|\.\d)/g;
const UNIT_AFTER = /^\s?(?:mg|mcg|g|kg|ml|mL|l|L|units?|IU|%|mmol|mEq|cells|copies|\/)/;
/** NDC drug codes, year ranges and reference ranges ("135-145") are not personal numbers. */
const NDC_OR_RANGE = /^(?:\d{4,5}-\d{3,4}-\d{1,2}|(?:19|20)\d{2}-(?:19|20)?\d{2}|\d{1,4}-\d{1,4})$/;
/** Statute sections ("§ 38-12-105", "O.C.G.A. § 9-3-33") look like numbers and dates but cite law. */
// A word of its own: "batch 2024-04-02" ends in "ch" but cites no chapter.
export const SECTION_BEFORE =
  /(?:§§?|(?<![A-Za-z])[Ss]ec(?:tion)?\.?|(?<![A-Za-z])[Cc]h(?:apter)?\.?|ILCS|U\.S\.C\.|C\.F\.R\.|Stat\.|Code)[ \t]*(?:[\d.]+[ \t]*,?[ \t]*)?$/;

const isCap = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return c >= 65 && c <= 90;
};
const isAsciiLetterAt = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i) | 32;
  return c >= 97 && c <= 122;
};
/** \s of a regex, or any unit from U+1680 on (a superset: these tests may let too much through, never too little). */
const isSpaceAt = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c >= 0x1680;
};
const isAt = (input: string, i: number, ch: string): boolean => input.charCodeAt(i) === ch.charCodeAt(0);
/** [\w+] (what the phone look-behinds refuse) at i. */
const isWordOrPlusAt = (input: string, i: number): boolean => isWordAt(input, i) || isAt(input, i, '+');
const GENERIC_BEFORE = charTable('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_./-');
const GENERIC_BODY = charTable('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-');
const GENERIC_AFTER = charTable('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_/-');
const NATIONAL_BEFORE = charTable('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_+./-');
const BLANK_OR_DOT = charTable(' .');
const DASH_BLANK = charTable('- ');
const NATIONAL_FIRST = charTable('06789');
const HEX = charTable('0123456789ABCDEFabcdef');

/**
 * Where each identifier regex below can start, from the shared digit and capitals runs (alnumRuns.ts): every test
 * reads only what the regex demands of its first characters and its look-behind, and the digit chains (the least
 * digits the regex takes; see digitChains) rule out most runs with one comparison. Whole-text scans of these took
 * ~1-9 ms per M chars each.
 */
const IPV4_SCAN = idScan(IPV4, (input, runs) =>
  digitRunsWhere(runs, input, 4, (t, s, e) => (e - s <= 3 && isAt(t, e, '.') && !isAt(t, s - 1, '.') ? s : false)),
);
/** The first ':' of an IPv6 address has at most 4 hex digits and a ':' after it, at most 4 hex digits before it. */
const IPV6_SCAN = idScan(IPV6, (input) => {
  const out: number[] = [];
  for (let c = input.indexOf(':'); c >= 0; c = input.indexOf(':', c + 1)) {
    let j = c + 1;
    while (j - c <= 4 && inTable(HEX, input, j)) j++;
    if (!isAt(input, j, ':')) continue;
    let h = c;
    while (c - h <= 4 && inTable(HEX, input, h - 1)) h--;
    if (c - h <= 4 && !isWordAt(input, h - 1) && !isAt(input, h - 1, ':')) out.push(h);
  }
  return out;
});
const SSN_SCAN = idScan(SSN_RE, (input, runs) =>
  digitRunsWhere(runs, input, 9, (t, s, e) => (e - s === 3 && inTable(DASH_BLANK, t, e) && !isAt(t, s - 1, '-') ? s : false)),
);
/** [\s.-] of the NANP pattern (isSpaceAt lets more through). */
const isNanpSep = (input: string, i: number): boolean => isSpaceAt(input, i) || isAt(input, i, '.') || isAt(input, i, '-');
/**
 * "603-555-0128", "1 603 555 0128", "+1603 555 0128": a run whose chain holds 10 digits ([\s.-] are all chain
 * links), the '+' before a "1"; a number with parentheses: the '(' and a "1" or "+1" just before it.
 */
const NANP_SCAN = idScan(NANP, (input, runs) => {
  const out = digitRunsWhere(runs, input, 10, (t, s, e) => {
    const n = e - s;
    const first1 = isAt(t, s, '1');
    if (isAt(t, s - 1, '+')) return first1 && !isWordOrPlusAt(t, s - 2) ? s - 1 : false;
    if (isWordAt(t, s - 1)) return false;
    if (first1 && (n === 1 || n === 4)) return s;
    return n === 3 && isNanpSep(t, e) && digitsAt(t, e + 1) === 3 ? s : false;
  });
  for (const i of parensBeforeDigits(input)) {
    if (digitsAt(input, i + 1) !== 3 || !isAt(input, i + 4, ')')) continue;
    out.push(i);
    const j = isNanpSep(input, i - 1) ? i - 2 : i - 1;
    if (isAt(input, j, '1')) out.push(isAt(input, j - 1, '+') ? j - 1 : j);
  }
  return out;
});
/** Each '(' with a digit after it (NANP's "(603)", national "(02)"), found once per text. */
function parensBeforeDigits(input: string): number[] {
  return textMemo(input, 'parens', () => {
    const out: number[] = [];
    for (let i = input.indexOf('('); i >= 0; i = input.indexOf('(', i + 1)) if (isDigitAt(input, i + 1)) out.push(i);
    return out;
  });
}
/** Each '+' before a digit, after none of [\w+]. */
const INTL_SCAN = idScan(INTL, (input) => {
  const out: number[] = [];
  for (let i = input.indexOf('+'); i >= 0; i = input.indexOf('+', i + 1)) if (isDigitAt(input, i + 1) && !isWordOrPlusAt(input, i - 1)) out.push(i);
  return out;
});
const TRUNK_SCAN = idScan(TRUNK, (input, runs) =>
  digitRunsWhere(runs, input, 5, (t, s, e) =>
    isAt(t, s, '0') && e - s >= 3 && e - s <= 5 && inTable(DASH_BLANK, t, e) && !isWordOrPlusAt(t, s - 1) ? s : false,
  ),
);
/** A national shape opens with 0 or 6-9 (8 digits at least) or with "(0". */
const NATIONAL_PHONE_SCAN = idScan(NATIONAL_PHONE, (input, runs) => [
  ...digitRunsWhere(runs, input, 8, (t, s) =>
    inTable(NATIONAL_FIRST, t, s) && !inTable(NATIONAL_BEFORE, t, s - 1) && !(inTable(BLANK_OR_DOT, t, s - 1) && isDigitAt(t, s - 2)) ? s : false,
  ),
  ...parensBeforeDigits(input).filter((i) => isAt(input, i + 1, '0') && digitsAt(input, i + 1) === 2),
]);
const CARD_SCAN = idScan(CARD, (input, runs) => digitRunsWhere(runs, input, 13, (t, s) => (isAt(t, s - 1, '-') ? false : s)));
/** A VIN is a whole run of 17 letters and digits: a capitals run, or 17 digits. */
const VIN_SCAN = idScan(VIN, (input, runs) => [
  ...capsRunsWhere(runs, input, (_, s, e) => e - s === 17),
  ...digitRunsWhere(runs, input, 17, (t, s, e) => (e - s === 17 && !isAsciiLetterAt(t, s - 1) && !isAsciiLetterAt(t, e) ? s : false)),
]);
const DEA_SCAN = idScan(DEA, (input, runs) => capsRunsWhere(runs, input, (t, s, e) => e - s === 9 && isCap(t, s)));
const NPI_SCAN = idScan(NPI, (input, runs) =>
  digitRunsWhere(runs, input, 10, (t, s, e) => (e - s === 10 && (isAt(t, s, '1') || isAt(t, s, '2')) && !isAt(t, s - 1, '-') ? s : false)),
);
const IBAN_SCAN = idScan(IBAN, (input, runs) =>
  capsRunsWhere(runs, input, (t, s, e) => e - s >= 4 && isCap(t, s) && isCap(t, s + 1) && isDigitAt(t, s + 2) && isDigitAt(t, s + 3)),
);
const ABA_SCAN = idScan(ABA, (input, runs) => digitRunsWhere(runs, input, 9, (t, s, e) => (e - s === 9 && !isAt(t, s - 1, '-') ? s : false)));
const FED_CASE_SCAN = idScan(FED_CASE, (input, runs) =>
  digitRunsWhere(runs, input, 3, (t, s, e) =>
    e - s <= 2 && isAt(t, e, ':') && digitsAt(t, e + 1) === 2 && isAt(t, e + 3, '-') && !isWordAt(t, s - 1) && !isAt(t, s - 1, ':') ? s : false,
  ),
);
/**
 * A generic id is a whole run of [A-Z0-9-] (the look-ahead at its end refuses any of them) with 6 characters or
 * more, 4 digits or more, after none of [\w./-]: it opens a capitals run, a digit-led run (digitLedStart), or a '-'
 * before one.
 */
function genericAt(input: string, p: number): boolean {
  if (inTable(GENERIC_BEFORE, input, p - 1)) return false;
  let e = p;
  let digits = 0;
  while (inTable(GENERIC_BODY, input, e)) {
    if (isDigitAt(input, e)) digits++;
    e++;
  }
  return e - p >= 6 && digits >= 4 && !inTable(GENERIC_AFTER, input, e) && !(isAt(input, e, '.') && isDigitAt(input, e + 1));
}
const GENERIC_SCAN = idScan(GENERIC_ID, (input, runs) => {
  const out = capsRunsWhere(runs, input, genericAt);
  for (const s of runs.digitLedStart) {
    const p = isAt(input, s - 1, '-') ? s - 1 : s;
    if (genericAt(input, p)) out.push(p);
  }
  return out;
});

/** Which word labels the number just before it on the same line: decides PHONE versus FAX. */
function phoneKind(input: string, start: number): 'PHONE' | 'FAX' {
  const lineStart = lineStartNear(input, start, 40);
  const before = input.slice(lineStart, start);
  const words = [...before.matchAll(/\b(fax|facsimile|f|tel|telephone|phone|ph|mobile|cell|pager|t|m|p)\b/gi)];
  const last = words[words.length - 1];
  if (!last || !last[1]) return 'PHONE';
  return /^(fax|facsimile|f)$/i.test(last[1]) ? 'FAX' : 'PHONE';
}

export function detectPatterns(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchesOnLines(EMAIL_SCAN, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'EMAIL', 0.98, 'pattern'));
  for (const m of matches(URL_RE, input)) {
    const end = trimEnd(input, m.index, m.index + m[0].length);
    out.push(makeSpan(input, m.index, end, 'URL', 0.95, 'pattern'));
  }
  for (const m of matchesAnchored(IPV4_SCAN, input)) {
    if (ipv4Valid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'IP', 0.9, 'checksum'));
  }
  for (const m of matchesAnchored(IPV6_SCAN, input)) {
    const groups = m[0].split(':');
    const hasHex = /[a-f]/i.test(m[0]);
    const okShape = groups.every((g) => g.length <= 4) && (m[0].match(/::/g)?.length ?? 0) <= 1;
    if (okShape && (groups.length >= 5 || (m[0].includes('::') && (hasHex || groups.length >= 4)))) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'IP', 0.85, 'pattern'));
    }
  }
  for (const m of matchesAnchored(SSN_SCAN, input)) {
    if (ssnValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'SSN', 0.9, 'checksum'));
  }
  for (const scan of [NANP_SCAN, INTL_SCAN]) {
    for (const m of matchesAnchored(scan, input)) {
      let end = trimEnd(input, m.index, m.index + m[0].length, ' .-');
      // A closing parenthesis with no opening one belongs to the sentence: "(son, +47 22 98 41 07)".
      if (input[end - 1] === ')' && !input.slice(m.index, end).includes('(')) end = trimEnd(input, m.index, end - 1, ' .-');
      const digits = input.slice(m.index, end).replace(/\D/g, '').length;
      if (digits < 10 || digits > 15) continue;
      out.push(makeSpan(input, m.index, end, phoneKind(input, m.index), scan === NANP_SCAN ? 0.85 : 0.8, 'pattern'));
    }
  }
  for (const m of matchesAnchored(TRUNK_SCAN, input)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 10 || digits > 11 || !PHONE_WORD_BEFORE.test(input.slice(Math.max(0, m.index - 25), m.index))) continue;
    out.push(makeSpan(input, m.index, m.index + m[0].length, phoneKind(input, m.index), 0.75, 'context'));
  }
  for (const m of matchesAnchored(NATIONAL_PHONE_SCAN, input)) {
    const confidence = nationalPhoneConfidence(m[0]);
    if (confidence > 0) out.push(makeSpan(input, m.index, m.index + m[0].length, phoneKind(input, m.index), confidence, 'pattern'));
  }
  for (const m of matchesAnchored(CARD_SCAN, input)) {
    const d = m[0].replace(/\D/g, '');
    if (d.length >= 13 && d.length <= 19 && /^[3-6]/.test(d) && luhnValid(d)) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.93, 'checksum'));
    }
  }
  for (const m of matchesAnchored(VIN_SCAN, input)) {
    if (/\d/.test(m[0]) && /[A-Z]/.test(m[0]) && vinValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'VEHICLE', 0.95, 'checksum'));
  }
  for (const m of matchesAnchored(DEA_SCAN, input)) {
    if (deaValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LICENSE', 0.9, 'checksum'));
  }
  for (const m of matchesAnchored(NPI_SCAN, input)) {
    if (npiValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ID', 0.6, 'checksum'));
  }
  for (const m of matchesAnchored(IBAN_SCAN, input)) {
    if (ibanValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.95, 'checksum'));
  }
  for (const m of matchesAnchored(ABA_SCAN, input)) {
    if (abaValid(m[0]) && /routing|aba/i.test(input.slice(Math.max(0, m.index - 30), m.index))) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.9, 'checksum'));
    }
  }
  for (const m of matchesAnchored(FED_CASE_SCAN, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'CASE_NUMBER', 0.9, 'pattern'));
  for (const m of matchesAnchored(GENERIC_SCAN, input)) {
    const end = m.index + m[0].length;
    if (NDC_OR_RANGE.test(m[0]) || UNIT_AFTER.test(input.slice(end, end + 8))) continue;
    if (SECTION_BEFORE.test(input.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(makeSpan(input, m.index, end, 'ID', 0.35, 'pattern'));
  }
  return out;
}
