// The import preview: reads only the head of a file (never writes) and tells the Data wizard what an import would do:
// the reader and record format, the encoding, spreadsheet columns with the mapping that would be used, the first rows,
// the first bad rows, and, when the file cannot be imported as it stands, which control fixes it.
import { stat } from 'node:fs/promises';
import type { ColumnField, ImportPreview, PreviewRow } from '../../../contract/datasets.js';
import { FieldtuneError, type ErrorFix } from '../../../contract/errors.js';
import { toErrorPayload } from '../../../contract/wire.js';
import { detectFormat, JSON_FORMATS, type JsonFormat } from '../../data/chatFormats.js';
import { guessMapping, type ColumnMapping } from '../../data/columns.js';
import { decodeBytes } from '../../data/encoding.js';
import { hasEmptyTurn, importFile, readerFor, type ImportFormat } from '../../data/importFile.js';
import { jsonArrayRecords, jsonlRecords } from '../../data/jsonRecords.js';
import { delimitedRows, xlsxRows } from '../../data/sheets.js';
import { readFileBytes } from '../../data/source.js';
import { checkZipLimits } from '../../data/zipGuard.js';
import { resolveUserPath } from '../../data/userPath.js';

const PREVIEW_ROWS = 10;
/** Rows read past the preview's ten to count empty questions/answers: the whole of a typical file, bounded on huge ones. */
const EMPTY_SCAN_ROWS = 100_000;
const DETECT_RECORDS = 20;

export interface PreviewInput {
  path: string;
  format?: ImportFormat | undefined;
  map?: Record<string, ColumnField> | undefined;
  encoding?: string | undefined;
  sheet?: string | undefined;
  locale?: string | undefined;
  skipEmpty?: boolean | undefined;
}

class StopPreview extends Error {}

const KIND_OF_FIX = { encoding: 'encoding', map: 'mapping', format: 'format', skipBad: 'file', overwrite: 'file', passphrase: 'file' } as const;

/** Which control in the wizard fixes a refusal: the one the error names in `fix`, else none ('file'). */
export function problemKind(fix: ErrorFix | undefined): 'encoding' | 'mapping' | 'format' | 'file' {
  return fix ? KIND_OF_FIX[fix.setting] : 'file';
}

/**
 * The mapping an import would start from, even when it is incomplete (no question or answer column yet); overrides
 * naming columns the file does not have are left out. The header-name rules stay in one place (columns.ts).
 */
export function suggestedMapping(headers: string[], overrides: ColumnMapping = {}): ColumnMapping {
  const known = Object.fromEntries(Object.entries(overrides).filter(([k]) => headers.some((h) => h.trim().toLowerCase() === k.trim().toLowerCase())));
  return guessMapping(headers, known);
}

/** The first row of a spreadsheet (its header) and the text encoding found, without reading further. */
async function sheetHead(
  path: string,
  reader: 'csv' | 'tsv' | 'xlsx',
  encoding: string | undefined,
  sheet: string | undefined,
): Promise<{ headers: string[]; encoding: string | null; sheets: string[] | null }> {
  const stop = new AbortController();
  try {
    if (reader === 'xlsx') {
      await checkZipLimits(path, 'XLSX', { signal: stop.signal });
      let sheets: string[] | null = null;
      const rows = xlsxRows(readFileBytes(path, { signal: stop.signal }), { sheet, onSheets: (n) => (sheets = n) });
      for await (const row of rows) return { headers: row.cells, encoding: null, sheets };
      return { headers: [], encoding: null, sheets };
    }
    const decoded = await decodeBytes(readFileBytes(path, { signal: stop.signal }), { encoding });
    for await (const row of delimitedRows(decoded.chunks, reader === 'tsv' ? '\t' : undefined))
      return { headers: row.cells, encoding: decoded.encoding, sheets: null };
    return { headers: [], encoding: decoded.encoding, sheets: null };
  } finally {
    stop.abort(); // ends the byte stream even where a parser still holds it
  }
}

/** The record format of a JSON/JSONL file, detected from its first records (as the importer does), and its encoding. */
async function jsonHead(path: string, reader: 'jsonl' | 'json', encoding: string | undefined): Promise<{ format: JsonFormat | null; encoding: string }> {
  const stop = new AbortController();
  try {
    const decoded = await decodeBytes(readFileBytes(path, { signal: stop.signal }), { encoding });
    const values: unknown[] = [];
    for await (const r of reader === 'jsonl' ? jsonlRecords(decoded.chunks) : jsonArrayRecords(decoded.chunks)) {
      if ('value' in r) values.push(r.value);
      if (values.length >= DETECT_RECORDS) break;
    }
    return { format: detectFormat(values), encoding: decoded.encoding };
  } finally {
    stop.abort();
  }
}

export async function previewImport(input: PreviewInput): Promise<ImportPreview> {
  const path = resolveUserPath(input.path).path;
  const info = await stat(path).catch(() => null);
  if (!info) throw new FieldtuneError('INVALID_INPUT', `There is no file or folder at ${path}.`);
  const out: ImportPreview = {
    path,
    sizeBytes: info.isFile() ? info.size : 0,
    reader: null,
    format: input.format ?? null,
    encoding: null,
    headers: null,
    mapping: null,
    rows: [],
    sheets: null,
    empty: { count: 0, lines: [], scanned: 0, complete: true },
    rejected: [],
    problem: null,
  };
  const refuse = (e: unknown): ImportPreview => {
    if (e instanceof StopPreview) return out;
    const error = toErrorPayload(e);
    out.problem = { kind: problemKind(error.fix), message: error.message, ...(error.fix ? { fix: error.fix } : {}) };
    return out;
  };
  try {
    const reader = readerFor(path, info.isDirectory(), input.format);
    out.reader = reader;
    if (reader === 'csv' || reader === 'tsv' || reader === 'xlsx') {
      out.format = reader; // known from the extension even when reading the header is refused below
      const head = await sheetHead(path, reader, input.encoding, input.sheet);
      out.encoding = head.encoding;
      out.sheets = head.sheets;
      out.headers = head.headers.map((c, i) => c.trim() || `column ${i + 1}`);
      out.mapping = suggestedMapping(out.headers, input.map);
    } else if (reader === 'jsonl' || reader === 'json') {
      const head = await jsonHead(path, reader, input.encoding);
      out.encoding = head.encoding;
      if (!input.format || !(JSON_FORMATS as readonly string[]).includes(input.format)) out.format = head.format;
    } else {
      out.format = 'documents';
    }
  } catch (e) {
    return refuse(e);
  }
  // The first rows exactly as the import would make them (same code path), bad rows set aside instead of stopping.
  try {
    await importFile(
      path,
      {
        format: input.format,
        mapping: input.map,
        encoding: input.encoding,
        sheet: input.sheet,
        locale: input.locale,
        skipBad: true,
        onRejected: (r) => {
          if (out.rejected.length < PREVIEW_ROWS) out.rejected.push({ line: r.line, reason: r.reason });
        },
      },
      (item) => {
        // Every example is looked at for an empty question or answer; only the first ten are kept to show.
        out.empty.scanned += 1;
        const empty = 'sample' in item && hasEmptyTurn(item.sample);
        if (empty) {
          out.empty.count += 1;
          if (out.empty.lines.length < PREVIEW_ROWS) out.empty.lines.push(item.line);
        }
        if (out.rows.length < PREVIEW_ROWS && !(empty && input.skipEmpty)) {
          const row: PreviewRow =
            'sample' in item
              ? { line: item.line, messages: item.sample.messages, ...(item.sample.metadata ? { metadata: item.sample.metadata } : {}) }
              : { line: item.line, text: item.document.text.slice(0, 2000) };
          out.rows.push(row);
        }
        // Documents are slow to read and cannot be empty in this sense: stop at ten. Rows are cheap: count on.
        const enough = 'document' in item ? out.rows.length >= PREVIEW_ROWS : out.empty.scanned >= EMPTY_SCAN_ROWS;
        if (enough) {
          out.empty.complete = false;
          throw new StopPreview();
        }
      },
    );
  } catch (e) {
    return refuse(e);
  }
  if (out.rows.length === 0 && !out.problem) out.problem = { kind: 'file', message: 'The file holds no usable examples.' };
  return out;
}
