// nonLatinLines finds the lines worldNames.ts and worldPlaces.ts search with a plain non-ASCII scan and a table of
// each code unit's script; it must give exactly the lines the lead-guarded global script scan it replaced gives (kept
// here as the reference), on every labelled document but the blind split, the documents glued into one text, edge
// strings (astral Han, emoji and other non-script characters, lone surrogates, no final line break, CRLF), every BMP
// code unit alone on its line and seeded random strings. The list is kept for one text and dropped by detectPii.
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';
import { nonLatinLines, nonLatinLinesHeld, onNonLatinLines, releaseNonLatinLines } from './nonLatinLines.js';
import { loadPiiResources } from './resources.js';
import { detectWorldNames } from './worldNames.js';
import { detectWorldPlaces } from './worldPlaces.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

/** The scan worldNames.ts ran before (span.ts leadRe: a non-ASCII lead, then the 19-script class, global). */
const REFERENCE =
  /(?=[^\0-\x7f])[\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu;
function referenceLines(input: string): number[] {
  const out: number[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(input); m !== null; m = REFERENCE.exec(input)) {
    const start = input.lastIndexOf('\n', m.index) + 1;
    const nl = input.indexOf('\n', m.index);
    const end = nl < 0 ? input.length : nl;
    out.push(start, end);
    REFERENCE.lastIndex = end;
  }
  return out;
}

const edges = [
  '',
  'plain ASCII only\nno script here',
  'Ελένη at the end',
  'é ü ñ ß Ø, then\nΑθήνα\n',
  'an astral Han \u{20000}\u{2A6D6} word\nnext',
  'emoji 😀 and 🇬🇷 flags\n😀王\nmath 𝐀𝐁',
  'lone high \uD800 then Ж\nlone low \uDC00x\n\uD800\uDC00\n\uDBFF',
  'lone high before a Han \uD840王\nline two \uDC00\u{20000}',
  'crlf Иван\r\nnext Петров\r\nlast',
  '\n\n\nГ\n\n',
  'tab\tשלום\tend\nअनिल शर्मा\nसुरेश',
  '— – “quotes” © ® ™ µ ° ½ no script\n…',
];

describe('nonLatinLines', () => {
  it('finds the lines the whole-text script scan finds', () => {
    let lines = 0;
    for (const s of [...texts, texts.join('\n\n'), ...edges]) {
      releaseNonLatinLines();
      const got = [...nonLatinLines(s)];
      expect(got, JSON.stringify(s.slice(0, 80))).toEqual(referenceLines(s));
      lines += got.length / 2;
    }
    // The corpus has non-Latin lines to find (so the comparison is not between two empty lists).
    expect(lines).toBeGreaterThan(25);
  });

  it('runs a detector on each line at its offset', () => {
    releaseNonLatinLines();
    const s = 'Patient Ann\nПациент: Иван Петров\nok\n姓名: 王秀英';
    const spans = onNonLatinLines(s, (line) => [{ type: 'NAME', start: 0, end: 2, text: line.slice(0, 2), confidence: 1, source: 'context' }]);
    expect(spans.map((x) => s.slice(x.start, x.end))).toEqual(['Па', '姓名']);
  });

  it('keeps the lines of one text until detectPii (or a release) drops them', () => {
    const s = texts.join('\n\n');
    releaseNonLatinLines();
    const first = nonLatinLines(s);
    expect(nonLatinLinesHeld()).toBe(true);
    expect(nonLatinLines(s)).toBe(first);
    detectWorldPlaces(s, loadPiiResources());
    expect(nonLatinLines(s)).toBe(first);
    expect(nonLatinLines(s + ' ')).not.toBe(first);
    detectWorldNames(s);
    expect(nonLatinLinesHeld()).toBe(true);
    detectPii('Пациент: Иван Петров', { resources: loadPiiResources(), compiled: false });
    expect(nonLatinLinesHeld()).toBe(false);
  });

  it('finds the same lines on every BMP code unit, astral letters and random strings', () => {
    const bmp = Array.from({ length: 65536 }, (_, c) => (c === 10 ? 'x' : String.fromCharCode(c))).join('\n');
    const astral = ['\u{20000} Han', '\u{1D400} math', 'a\ud840', '\udc00b', '\ud840\ud840\udc00', '\u{1F642}', 'x\n\u{20000}', 'Ж'].join('\n');
    let found = 0;
    for (const text of [bmp, astral, ...randomTexts(2000)]) {
      releaseNonLatinLines();
      const want = referenceLines(text);
      expect([...nonLatinLines(text)], JSON.stringify(text.slice(0, 80))).toEqual(want);
      found += want.length / 2;
    }
    // Not two empty lists: the BMP text alone has thousands of such lines.
    expect(found).toBeGreaterThan(10000);
  });
});

function randomTexts(count: number): string[] {
  const pieces = [
    'a',
    'Zé',
    'ñ',
    '’',
    '—',
    'Ж',
    'Ω',
    'א',
    'ع',
    'क',
    'ก',
    '한',
    'の',
    'カ',
    '中',
    '\u{20000}',
    '\u{1D400}',
    '\ud800',
    '\udc00',
    ' ',
    '\n',
    '\n\n',
    '1',
  ];
  return randomMixes(7, pieces, count, 0, 39);
}
