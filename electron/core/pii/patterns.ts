// Shape-based detectors for structured identifiers: contact details, network addresses and numbers that carry a
// check digit. A checksum hit is trusted more than a bare shape.
import { abaValid, deaValid, ibanValid, ipv4Valid, luhnValid, npiValid, ssnValid, vinValid } from './checksums.js';
import { NATIONAL_PHONE, nationalPhoneConfidence } from './phones.js';
import { lineScan, lineStartNear, makeSpan, matches, matchesOnLines, trimEnd } from './span.js';
import type { PiiSpan } from './types.js';

const EMAIL =
  /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
/** Every e-mail address holds an '@' on its line (see matchesOnLines). */
const EMAIL_SCAN = lineScan(EMAIL, /@/g);
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^[\]]+/gi;
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d)/g;
const IPV6 = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;
/** Every IPv6 match holds two colons with at most 4 hex digits between them on its line. */
const IPV6_SCAN = lineScan(IPV6, /:[0-9A-Fa-f]{0,4}:/g);
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
  for (const m of matches(IPV4, input)) {
    if (ipv4Valid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'IP', 0.9, 'checksum'));
  }
  for (const m of matchesOnLines(IPV6_SCAN, input)) {
    const groups = m[0].split(':');
    const hasHex = /[a-f]/i.test(m[0]);
    const okShape = groups.every((g) => g.length <= 4) && (m[0].match(/::/g)?.length ?? 0) <= 1;
    if (okShape && (groups.length >= 5 || (m[0].includes('::') && (hasHex || groups.length >= 4)))) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'IP', 0.85, 'pattern'));
    }
  }
  for (const m of matches(SSN_RE, input)) {
    if (ssnValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'SSN', 0.9, 'checksum'));
  }
  for (const re of [NANP, INTL]) {
    for (const m of matches(re, input)) {
      let end = trimEnd(input, m.index, m.index + m[0].length, ' .-');
      // A closing parenthesis with no opening one belongs to the sentence: "(son, +47 22 98 41 07)".
      if (input[end - 1] === ')' && !input.slice(m.index, end).includes('(')) end = trimEnd(input, m.index, end - 1, ' .-');
      const digits = input.slice(m.index, end).replace(/\D/g, '').length;
      if (digits < 10 || digits > 15) continue;
      out.push(makeSpan(input, m.index, end, phoneKind(input, m.index), re === NANP ? 0.85 : 0.8, 'pattern'));
    }
  }
  for (const m of matches(TRUNK, input)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 10 || digits > 11 || !PHONE_WORD_BEFORE.test(input.slice(Math.max(0, m.index - 25), m.index))) continue;
    out.push(makeSpan(input, m.index, m.index + m[0].length, phoneKind(input, m.index), 0.75, 'context'));
  }
  for (const m of matches(NATIONAL_PHONE, input)) {
    const confidence = nationalPhoneConfidence(m[0]);
    if (confidence > 0) out.push(makeSpan(input, m.index, m.index + m[0].length, phoneKind(input, m.index), confidence, 'pattern'));
  }
  for (const m of matches(CARD, input)) {
    const d = m[0].replace(/\D/g, '');
    if (d.length >= 13 && d.length <= 19 && /^[3-6]/.test(d) && luhnValid(d)) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.93, 'checksum'));
    }
  }
  for (const m of matches(VIN, input)) {
    if (/\d/.test(m[0]) && /[A-Z]/.test(m[0]) && vinValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'VEHICLE', 0.95, 'checksum'));
  }
  for (const m of matches(DEA, input)) {
    if (deaValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LICENSE', 0.9, 'checksum'));
  }
  for (const m of matches(NPI, input)) {
    if (npiValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ID', 0.6, 'checksum'));
  }
  for (const m of matches(IBAN, input)) {
    if (ibanValid(m[0])) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.95, 'checksum'));
  }
  for (const m of matches(ABA, input)) {
    if (abaValid(m[0]) && /routing|aba/i.test(input.slice(Math.max(0, m.index - 30), m.index))) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'ACCOUNT', 0.9, 'checksum'));
    }
  }
  for (const m of matches(FED_CASE, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'CASE_NUMBER', 0.9, 'pattern'));
  for (const m of matches(GENERIC_ID, input)) {
    const end = m.index + m[0].length;
    if (NDC_OR_RANGE.test(m[0]) || UNIT_AFTER.test(input.slice(end, end + 8))) continue;
    if (SECTION_BEFORE.test(input.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(makeSpan(input, m.index, end, 'ID', 0.35, 'pattern'));
  }
  return out;
}
