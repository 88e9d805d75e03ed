// Personal data in CSV and TSV files: found cell by cell, labelled by the column, placed back on whole cells and
// whole "" escapes, so every redacted row keeps its cells.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { csvCellsView, delimiterFor, isCellSafe } from './csvCells.js';
import { detectPii } from './detect.js';
import { pieceAt, pieceCount, spansOnView } from './pieceView.js';
import type { PieceView, ViewPiece } from './pieceView.js';
import { maskText } from './redact.js';
import { loadPiiResources } from './resources.js';
import type { PiiSpan } from './types.js';

const piecesOf = (view: PieceView): ViewPiece[] => Array.from({ length: pieceCount(view) }, (_, k) => pieceAt(view, k));

const resources = loadPiiResources();
const span = (start: number, end: number): PiiSpan => ({ start, end, type: 'NAME', text: '', confidence: 1, source: 'dictionary' });
const rows = (raw: string, delimiter = ',') => Papa.parse<string[]>(raw, { delimiter, skipEmptyLines: true }).data;

const SHEET =
  'patient,street,city,zip_code,phone,note\r\n' +
  'John Smith,12 Oak Street,Springfield,62701,(217) 555-0143,"Seen by Dr. Mary Jones, said ""fine"""\r\n' +
  '"Smith, John",4 Elm Road,Boston,02118,617-555-0100,"two\r\nlines"\r\n';

describe('personal data in CSV cells', () => {
  it('reads each cell decoded, the first row as it is and the rows below with their column name as a label', () => {
    const view = csvCellsView(SHEET, ',');
    const values = view.text.split('\n\n');
    expect(values.slice(0, 6)).toEqual(['patient', 'street', 'city', 'zip_code', 'phone', 'note']);
    expect(values).toContain('City: Springfield');
    expect(values).toContain('Zip code: 62701');
    expect(values).toContain('Note: Seen by Dr. Mary Jones, said "fine"');
    expect(values).toContain('Patient: Smith, John');
    expect(values).toContain('Note: two\r\nlines');
    // a label is read but is no part of the cell: the cell's piece starts after it
    const smith = view.text.indexOf('Smith, John');
    expect(piecesOf(view).find((p) => p.viewStart <= smith && smith < p.viewEnd)?.viewStart).toBe(smith);
  });

  it('finds a lone town and postal code by their column and masks only inside cells, so every row keeps its cells', () => {
    const view = csvCellsView(SHEET, ',');
    const spans = spansOnView(SHEET, view, detectPii(view.text, { resources }));
    for (const s of spans) expect(SHEET.slice(s.start, s.end)).toBe(s.text);
    expect(spans.map((s) => [s.type, s.text])).toEqual(
      expect.arrayContaining([
        ['LOCATION', 'Springfield'],
        ['ZIP', '62701'],
        ['LOCATION', 'Boston'],
        ['ZIP', '02118'],
        ['NAME', 'Mary Jones'],
      ]),
    );
    const before = rows(SHEET);
    const after = rows(maskText(SHEET, spans).text);
    expect(after.map((r) => r.length)).toEqual(before.map((r) => r.length));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(['[NAME]', '[LOCATION]', '[LOCATION]', '[ZIP]', '[PHONE]', 'Seen by Dr. [NAME], said "fine"']);
    expect(after[2]?.slice(2, 4)).toEqual(['[LOCATION]', '[ZIP]']);
  });

  it('places any span of a cell on the file characters that decode to it (seeded random cells)', () => {
    const alphabet = ['a', 'Z', ' ', '"', ',', ';', '\n', '\r\n', '\t', 'é', '😀'];
    for (const delimiter of [',', '\t']) {
      for (const value of randomMixes(23, alphabet, 150, 1, 10)) {
        const raw = Papa.unparse(
          [
            ['name', 'value'],
            ['x', value],
          ],
          { delimiter, quotes: [false, /[",\t\r\n]/.test(value)], newline: '\n' },
        );
        const view = csvCellsView(raw, delimiter);
        const piece = pieceAt(view, pieceCount(view) - 1);
        expect(view.text.slice(piece.viewStart, piece.viewEnd)).toBe(value);
        for (let i = 0; i < value.length; i++) {
          for (let j = i + 1; j <= value.length; j++) {
            const [moved] = spansOnView(raw, view, [span(piece.viewStart + i, piece.viewStart + j)]);
            expect(moved?.text.replaceAll('""', '"')).toBe(value.slice(i, j));
          }
        }
      }
    }
  });

  it('cuts a span to its cell and never places a label on the file', () => {
    const raw = 'city,town\nSpringfield,Dayton\n';
    const view = csvCellsView(raw, ',');
    const at = view.text.indexOf('City: ');
    const moved = spansOnView(raw, view, [span(at, at + 'City: Springfield'.length + 4)]);
    expect(moved.map((s) => s.text)).toEqual(['Springfield']);
  });

  it('keeps every character of a malformed line in view and never throws', () => {
    const raw = 'a,b\n"closed" then more,"never closed, Anna Berg\n';
    const view = csvCellsView(raw, ',');
    expect(view.text).toContain('closed');
    expect(view.text).toContain(' then more');
    expect(view.text).toContain('never closed, Anna Berg\n');
    const s = view.text.indexOf('Anna Berg');
    expect(spansOnView(raw, view, [span(s, s + 9)])[0]?.text).toBe('Anna Berg');
  });

  it("tells a file's delimiter, and replacements that would move a cell", () => {
    expect(delimiterFor('csv', 'name;city\nA;B')).toBe(';');
    expect(delimiterFor('csv', 'name,city')).toBe(',');
    expect(delimiterFor('tsv', 'name,city\n')).toBe('\t');
    expect(isCellSafe('[NAME]', 'Anna', ',')).toBe(true);
    expect(isCellSafe('Berg, Anna', 'Smith, John', ',')).toBe(true);
    expect(isCellSafe('Berg, Anna', 'Smith John', ',')).toBe(false);
    expect(isCellSafe('Anna ""Nan"" Berg', 'John ""Jack"" Smith', ',')).toBe(true);
    expect(isCellSafe('Anna "Nan" Berg', 'John ""Jack"" Smith', ',')).toBe(false);
    expect(isCellSafe('Anna ""Nan""', 'John Smith', ',')).toBe(false);
    expect(isCellSafe('a\nb', 'ab', ',')).toBe(false);
  });
});
