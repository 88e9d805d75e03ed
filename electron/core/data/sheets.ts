// Rows from CSV/TSV (papaparse, streaming duplex) and XLSX (exceljs streaming WorkbookReader). Both yield raw cells
// with the physical line (CSV) or sheet row (XLSX) they came from; mapping to Samples happens in the importer.
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { formatSheetDate } from './dateLocale.js';
import { sniffDelimiter } from './delimiter.js';
import { DataImportError } from './errors.js';
import { xlsxWithPartsFirst } from './xlsxEntryOrder.js';

export interface SheetRow {
  line: number;
  cells: string[];
}

export interface SheetRowError {
  line: number;
  error: string;
  cells: string[];
}

/** Reads chunks until the first line is complete, so the delimiter can be chosen before parsing starts. */
async function withHeaderLine(chunks: AsyncIterable<string>): Promise<{ header: string; all: AsyncGenerator<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n')) {
    const next = await it.next();
    if (next.done) break;
    head += next.value;
  }
  async function* all(): AsyncGenerator<string> {
    try {
      if (head) yield head;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.(); // closes the file when parsing stops early
    }
  }
  return { header: head.split('\n', 1)[0] ?? '', all: all() };
}

export async function* delimitedRows(chunks: AsyncIterable<string>, delimiter?: string): AsyncGenerator<SheetRow> {
  const { header, all } = await withHeaderLine(chunks);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    header: false,
    skipEmptyLines: false, // blank lines are skipped here instead, so physical line numbers stay right
    delimiter: delimiter ?? sniffDelimiter(header),
  });
  const source = Readable.from(all, { objectMode: false });
  // pipe() does not forward errors: an encoding error from the source must end the parse too.
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let line = 1;
  for await (const row of parser as AsyncIterable<unknown>) {
    const cells = (row as unknown[]).map((c) => (typeof c === 'string' ? c : String(c ?? '')));
    const start = line;
    // A quoted cell can hold line breaks; count them so the next row's line number is the physical one.
    line += 1;
    for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) line += 1;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    yield { line: start, cells };
  }
}

/**
 * A cell value as the text a user sees in Excel (rich text joined, formulas by their cached result). A date cell
 * (a number with a date format: exceljs gives a Date once styles are read) is written as the project's locale writes
 * dates, never as its serial number (45415).
 */
function cellText(value: unknown, locale: string): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatSheetDate(value, locale);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) return (v['richText'] as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('error' in v) return { error: `a cell holds the Excel error ${String(v['error'])}` };
    if ('result' in v) return cellText(v['result'], locale);
    if (typeof v['text'] === 'string') return v['text'];
  }
  return String(value);
}

export interface XlsxOptions {
  /** The worksheet to read, by name; the first one when omitted. */
  sheet?: string | undefined;
  /** How date cells are written as text (see dateLocale.ts). */
  locale?: string | undefined;
  /** Called once with every worksheet's name, in workbook order, before the first row. */
  onSheets?: ((names: string[]) => void) | undefined;
}

/** Rows of one worksheet. exceljs's streaming reader keeps memory to the shared-strings table plus one row. */
export async function* xlsxRows(bytes: AsyncIterable<Buffer>, options: XlsxOptions = {}): AsyncGenerator<SheetRow | SheetRowError> {
  const locale = options.locale ?? 'en-US';
  // Loaded on first use: exceljs takes ~0.2 s to import, which every CLI start (even --help) would otherwise pay.
  const { default: ExcelJS } = await import('exceljs');
  let source: Readable;
  try {
    source = await xlsxWithPartsFirst(bytes);
  } catch (e) {
    if ((e as { name?: string }).name === 'FieldtuneError') throw e; // cancelled while reading the file
    throw new DataImportError(`The file could not be read as an Excel workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats tell a date cell from a number
    worksheets: 'emit',
    entries: 'emit',
  });
  let width = 0;
  let names: string[] | null = null;
  const nameOf = (sheet: unknown) => String((sheet as { name?: string }).name ?? ''); // set by the reader; not in its types
  try {
    for await (const sheet of reader) {
      if (!names) {
        names = ((reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model?.sheets ?? []).map((s) => s.name);
        if (names.length === 0) names = [nameOf(sheet)];
        options.onSheets?.(names);
        if (options.sheet !== undefined && !names.includes(options.sheet)) {
          throw new DataImportError(`The workbook has no sheet named "${options.sheet}"; its sheets are: ${names.join(', ')}.`);
        }
      }
      // Sheets before the chosen one are skipped unread (the reader moves on to the next sheet by itself).
      if (options.sheet !== undefined && nameOf(sheet) !== options.sheet) continue;
      for await (const row of sheet) {
        const values = (row.values as unknown[]) ?? [];
        // exceljs rows are 1-based sparse arrays; the header row fixes the width.
        if (width === 0) width = Math.max(values.length - 1, 0);
        const cells: string[] = [];
        let error: string | null = null;
        for (let c = 1; c <= Math.max(width, values.length - 1); c++) {
          const t = cellText(values[c], locale);
          if (typeof t === 'string') cells.push(t);
          else {
            error = t.error;
            cells.push('');
          }
        }
        if (cells.every((c) => c.trim() === '')) continue;
        while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
        yield error ? { line: row.number, error, cells } : { line: row.number, cells };
      }
      return; // one worksheet: the chosen one, else the first (the preview asks when there are several)
    }
  } catch (e) {
    if (e instanceof DataImportError || (e as { name?: string }).name === 'FieldtuneError') throw e;
    throw new DataImportError(`The file could not be read as an Excel workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
}
