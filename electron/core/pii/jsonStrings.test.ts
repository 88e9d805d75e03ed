// Personal data in JSON and JSON Lines: found in the decoded string values, placed back on whole escapes, so the
// report's `text === input.slice(start, end)` holds and every masked record still parses.
import { describe, expect, it } from 'vitest';
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { detectPii } from './detect.js';
import { isJsonSafe, jsonStringsView } from './jsonStrings.js';
import { spansOnView, unitsToString } from './pieceView.js';
import { maskText } from './redact.js';
import { loadPiiResources } from './resources.js';
import type { PiiSpan } from './types.js';

const resources = loadPiiResources();

const RECORDS = [
  { prompt: 'Seen today.\nJohn Smith called from (937) 555-0142.', response: 'Mail him at\r\nmfoster@example.com about it.' },
  { prompt: 'Patient: José Núñez, DOB 03/14/1951', response: 'Noted "as said" by Dr. Zoë Okafor\tat 4 Elm Street, Dayton.' },
];

function detectOnJson(raw: string): PiiSpan[] {
  const view = jsonStringsView(raw);
  return spansOnView(raw, view, detectPii(view.text, { resources }));
}

const span = (start: number, end: number): PiiSpan => ({ start, end, type: 'NAME', text: '', confidence: 1, source: 'dictionary' });

describe('personal data in JSON string values', () => {
  it('reads the values decoded and leaves the keys out', () => {
    const raw = RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const view = jsonStringsView(raw);
    expect(view.text.split('\n\n')).toEqual(RECORDS.flatMap((r) => [r.prompt, r.response]));
    expect(view.text).not.toContain('prompt');
  });

  it('finds what escapes hid and masks whole escapes, so every record still parses (\\u escapes too)', () => {
    for (const ascii of [false, true]) {
      // JSON.stringify writes non-ASCII as is; other writers escape it (\u00e9): both must work.
      const line = (r: object) =>
        ascii ? JSON.stringify(r).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : JSON.stringify(r);
      const raw = RECORDS.map(line).join('\n') + '\n';
      const spans = detectOnJson(raw);
      for (const s of spans) expect(raw.slice(s.start, s.end)).toBe(s.text);
      const texts = spans.map((s) => JSON.parse(`"${s.text}"`) as string);
      // On the raw text the e-mail took the escape's "n" ("nmfoster@...") and "John" was the word "nJohn".
      expect(texts).toEqual(expect.arrayContaining(['John Smith', 'mfoster@example.com', 'José Núñez', '(937) 555-0142']));
      const masked = maskText(raw, spans).text.split('\n').filter(Boolean);
      const records = masked.map((l) => JSON.parse(l) as { prompt: string; response: string });
      expect(records[0]?.prompt).toBe('Seen today.\n[NAME] called from [PHONE].');
      expect(records[0]?.response).toBe('Mail him at\r\n[EMAIL] about it.');
      expect(records[1]?.prompt).not.toMatch(/Jos|Núñez|1951/);
    }
  });

  it('reads long values with raw lone surrogates, astral characters and escapes unit for unit', () => {
    const alphabet = ['a', 'Z', ' ', '"', '\\', '\n', 'é', '😀', '\ud800', '\udc00', '\udbff', 'Núñez ', 'x'.repeat(40)];
    const values = randomMixes(23, alphabet, 300, 1, 120);
    // JSON.stringify escapes a lone surrogate; another writer may leave it raw, which JSON.parse reads the same.
    const raw = values.map((v) => JSON.stringify({ v }).replace(/\\ud[89a-f][0-9a-f]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(2), 16)))).join('\n');
    expect(raw).toMatch(/[^\ud800-\udbff][\udc00-\udfff]/);
    expect(raw.split('\n').map((l) => (JSON.parse(l) as { v: string }).v)).toEqual(values);
    expect(jsonStringsView(raw).text).toBe(values.join('\n\n'));
  });

  it('places any span of a value on the file characters that decode to it (seeded random values)', () => {
    // Lone surrogates too: JSON.stringify writes them as \u escapes, and the view must keep them as they are.
    const alphabet = ['a', 'Z', ' ', '"', '\\', '\n', '\r', '\t', '/', 'é', '\u0001', '😀', '\u2028', '\ud800', '\udc00'];
    for (const value of randomMixes(17, alphabet, 200, 1, 12)) {
      const raw = JSON.stringify({ key: 'x', value }).replace(/é/g, '\\u00e9');
      const view = jsonStringsView(raw);
      const at = view.text.lastIndexOf(value);
      expect(at).toBe(view.text.length - value.length);
      for (let i = 0; i < value.length; i++) {
        for (let j = i + 1; j <= value.length; j++) {
          const [moved] = spansOnView(raw, view, [span(at + i, at + j)]);
          const text = moved?.text ?? '';
          // Splitting a surrogate pair (the emoji) leaves half a character, which JSON cannot name apart.
          if (/[\ud800-\udbff]$/.test(value.slice(i, j)) || /^[\udc00-\udfff]/.test(value.slice(i, j))) continue;
          expect(JSON.parse(`"${text}"`)).toBe(value.slice(i, j));
        }
      }
    }
  });

  it('cuts a span that runs into the next value at its own value', () => {
    const raw = '["Anna Berg", "Karl"]';
    const view = jsonStringsView(raw);
    expect(view.text).toBe('Anna Berg\n\nKarl');
    const moved = spansOnView(raw, view, [span(5, 15), span(9, 11)]);
    expect(moved.map((s) => s.text)).toEqual(['Berg']);
  });

  it('keeps every character of a broken line in view and never throws', () => {
    const raw = '{"a": "bad \\q escape and \\u12 short", "b": "unterminated\n{"c": "next line ok"}\n';
    const view = jsonStringsView(raw);
    expect(view.text).toContain('bad \\q escape and \\u12 short');
    expect(view.text).toContain('unterminated');
    expect(view.text).toContain('next line ok');
    const s = view.text.indexOf('escape');
    expect(spansOnView(raw, view, [span(s, s + 6)])[0]?.text).toBe('escape');
  });

  it('makes code units a string whole, lone surrogates kept, on either byte order', () => {
    const text = 'Zoë \ud800 漢字 😀 \udc00'.repeat(3000);
    const units = Uint16Array.from({ length: text.length }, (_u, i) => text.charCodeAt(i));
    const padded = new Uint16Array(units.length + 5);
    padded.set(units);
    for (const littleEndian of [true, false]) expect(unitsToString(padded, units.length, littleEndian)).toBe(text);
  });

  it('tells surrogates that would need an escape', () => {
    expect(isJsonSafe('Maria Lopez')).toBe(true);
    expect(['say "hi"', 'a\\b', 'line\nbreak'].some(isJsonSafe)).toBe(false);
  });
});
