// National phone numbers written with spaces, found with no phone word next to them (a spreadsheet cell holds just
// "07700 900461"). Each shape is one numbering plan's usual grouping, so a bare run of numbers does not match:
// a trunk 0 and the plan's group sizes, or an Indian mobile's 5+5. NANP and +CC numbers are in patterns.ts.

/** Grouping shapes by country; the digit count is checked again after the match. */
const SHAPES = [
  // UK: mobiles 07xxx xxxxxx / 07xxx xxx xxx; London 020 xxxx xxxx; 0113 xxx xxxx; 01632 xxxxxx.
  String.raw`07\d{3} \d{6}`,
  String.raw`07\d{3} \d{3} \d{3}`,
  String.raw`0\d{2} \d{4} \d{4}`,
  String.raw`0\d{3} \d{3} \d{4}`,
  String.raw`0\d{4} \d{5,6}`,
  String.raw`0\d{4} \d{3} \d{3}`,
  // Ireland: 087 xxx xxxx, 01 xxx xxxx.
  String.raw`0\d{1,2} \d{3} \d{4}`,
  // Germany: area code 2-4 digits after the 0, then one block (030 12345678, 0151 23456789).
  String.raw`0\d{2,4} \d{5,8}`,
  // France: five pairs, spaces or dots (06 12 34 56 78, 01.42.68.53.00).
  String.raw`0[1-9](?: \d{2}){4}`,
  String.raw`0[1-9](?:\.\d{2}){4}`,
  // Australia: 04xx xxx xxx, (0x) xxxx xxxx, 0x xxxx xxxx.
  String.raw`04\d{2} \d{3} \d{3}`,
  String.raw`\(0[2-8]\) \d{4} \d{4}`,
  String.raw`0[2-8] \d{4} \d{4}`,
  // India: mobiles 5+5 starting 6-9, with or without the trunk 0.
  String.raw`0?[6-9]\d{4} \d{5}`,
  // Spain: nine digits with no trunk 0, 3+3+3 or 3+2+2+2 (mobiles 6/7, landlines 9).
  String.raw`[679]\d{2} \d{3} \d{3}`,
  String.raw`[679]\d{2} \d{2} \d{2} \d{2}`,
  // Korea and Japan: 010-1234-5678, 090-4821-7733, 02-123-4567.
  String.raw`0\d{1,2}-\d{3,4}-\d{4}`,
  // Sweden: 070-123 45 67, 08-123 456 78.
  String.raw`0\d{1,3}-\d{2,3} \d{2} \d{2,3}`,
];

/**
 * Not inside a longer run of digits or a word: no digit-and-blank before, no blank-and-digit after. The leading
 * lookahead rejects most positions on one character before the costlier lookbehind runs.
 */
export const NATIONAL_PHONE = new RegExp(
  String.raw`(?=[(06-9])(?<![\w+./-]|\d[ .])(?:${SHAPES.map((s) => `(?:${s})`).join('|')})(?![\w/-]|[ .]\d|[.,]\d)`,
  'g',
);

/** An Indian mobile without its trunk 0 has no 0 to anchor it: trusted a little less than the trunk shapes. */
export function nationalPhoneConfidence(text: string): number {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 12) return 0;
  return /^[6-9]/.test(text) ? 0.6 : 0.7;
}
