// Personal data in a CSV or TSV file, found cell by cell and placed back on the file's own characters. Read as plain
// text, a lone town or postal code in a "City" or "zip_code" column says nothing of what it is and was missed; here
// each cell below the first row is searched with its column's name in front as a label ("City: Springfield"), as the
// workspace's scan searches an imported spreadsheet's columns (exampleFields.ts), and a quoted cell is read decoded
// ("" is one quote), so a span never takes half of an escape or a delimiter and the redacted copy keeps its columns.
//
// Hand-written: papaparse gives the cells' values but not where each of their characters sits in the file, which the
// report's offsets (`text === input.slice(start, end)`) and the in-place redaction need.
import { sniffDelimiter } from '../data/delimiter.js';
import { columnLabel } from './exampleFields.js';
import { PieceViewWriter, type PieceView } from './pieceView.js';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** The delimiter of a CSV file (`.csv`: the one its first line uses most, delimiter.ts) or a TSV one (a tab). */
export function delimiterFor(kind: 'csv' | 'tsv', raw: string): string {
  if (kind === 'tsv') return '\t';
  const lineEnd = raw.indexOf('\n');
  return sniffDelimiter(lineEnd === -1 ? raw : raw.slice(0, lineEnd));
}

/**
 * Every cell's value, decoded, as one text (pieceView.ts); the cells of the first row are read as they are and give
 * the labels of the cells below them. A file without a header row loses nothing: its first row is searched too.
 */
export function csvCellsView(raw: string, delimiter: string): PieceView {
  const d = delimiter.charCodeAt(0);
  const view = new PieceViewWriter(raw.length + (raw.length >> 2));
  const labels: string[] = [];
  let row = 0;
  let column = 0;
  /** Where the unquoted run from `from` ends: at the next delimiter or line break (a CR before LF is not kept). */
  const runEnd = (from: number): number => {
    let k = from;
    while (k < raw.length) {
      const c = raw.charCodeAt(k);
      if (c === d || c === NEWLINE) break;
      k++;
    }
    return k;
  };
  const kept = (from: number, to: number): number => (to > from && raw.charCodeAt(to - 1) === RETURN && raw.charCodeAt(to) === NEWLINE ? to - 1 : to);
  for (let i = 0; i <= raw.length;) {
    const label = row > 0 ? (labels[column] ?? '') : '';
    // the first row's cells, decoded, name the columns
    let name = '';
    const naming = row === 0;
    let at = i;
    if (raw.charCodeAt(i) === QUOTE) {
      // a quoted cell: up to the quote not followed by another; "" stands for one quote; it may hold line breaks
      view.begin(i + 1, label);
      let k = i + 1;
      for (;;) {
        const q = raw.indexOf('"', k);
        if (q === -1) {
          view.copy(raw, k, raw.length);
          if (naming) name += raw.slice(k);
          at = raw.length;
          break;
        }
        view.copy(raw, k, q);
        if (naming) name += raw.slice(k, q);
        if (raw.charCodeAt(q + 1) === QUOTE) {
          view.escaped(QUOTE, q, q + 2);
          if (naming) name += '"';
          k = q + 2;
          continue;
        }
        at = q + 1;
        break;
      }
      view.end();
    }
    // an unquoted cell, or what a malformed line has after a closing quote: its characters as they are
    const end = runEnd(at);
    const to = kept(at, end);
    if (to > at) {
      view.begin(at, label);
      view.copy(raw, at, to);
      view.end();
      if (naming) name += raw.slice(at, to);
    }
    if (naming) labels.push(columnLabel(name));
    if (end < raw.length && raw.charCodeAt(end) === d) column++;
    else {
      row++;
      column = 0;
    }
    i = end + 1;
  }
  return view.finish();
}

/**
 * A replacement written into a cell must not change the file's cells: no line break, quotes only doubled and only
 * where the text it replaces held a doubled one, and no delimiter unless the text it replaces held one (in both cases
 * the cell is quoted, since a span never leaves its cell).
 */
export function isCellSafe(replacement: string, replaced: string, delimiter: string): boolean {
  if (/[\r\n]/.test(replacement)) return false;
  if (replacement.includes('"') && (replacement.replaceAll('""', '').includes('"') || !replaced.includes('""'))) return false;
  return !replacement.includes(delimiter) || replaced.includes(delimiter);
}
