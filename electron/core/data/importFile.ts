// One entry point for every import: picks the reader from the extension (or the user's --format), detects the record
// format, applies the bad-row policy, and hands each Sample/TextDocument to a sink as it streams. Nothing here writes
// to the workspace; the caller stages and commits (see datasetImport.ts), so a refused file changes nothing.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Sample, TextDocument } from '../../contract/domain.js';
import { convertRecord, detectFormat, JSON_FORMATS, type JsonFormat } from './chatFormats.js';
import { resolveMapping, rowToSample, type ColumnMapping } from './columns.js';
import { documentRecords } from './documents.js';
import { decodeBytes } from './encoding.js';
import { badRowError, DataImportError, throwIfAborted } from './errors.js';
import { fileKindOf, isDocumentKind } from './fileKinds.js';
import { jsonArrayRecords, jsonlRecords, type RawRecord } from './jsonRecords.js';
import { delimitedRows, xlsxRows } from './sheets.js';
import { readFileBytes, type ImportProgress } from './source.js';
import { checkZipLimits } from './zipGuard.js';

export const IMPORT_FORMATS = [...JSON_FORMATS, 'csv', 'tsv', 'xlsx', 'documents'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface RejectedRow {
  line: number;
  reason: string;
  raw: string;
}
export type ImportedItem = { line: number; sample: Sample } | { line: number; document: TextDocument };

export interface ImportOptions {
  /** Overrides detection of the record format (JSON) or of the reader (by extension). */
  format?: ImportFormat | undefined;
  /** Column overrides for CSV/TSV/XLSX; header-name defaults fill the rest. */
  mapping?: ColumnMapping | undefined;
  encoding?: string | undefined;
  /** XLSX: the worksheet to read (the first when omitted). */
  sheet?: string | undefined;
  /** How spreadsheet date cells become text: the project's locale. */
  locale?: string | undefined;
  /** Leave out examples whose question or answer is empty (counted in the summary's `emptySkipped`). */
  skipEmpty?: boolean | undefined;
  /** Import the good rows and hand the bad ones to onRejected, instead of stopping at the first. */
  skipBad?: boolean | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  onRejected?: ((row: RejectedRow) => void | Promise<void>) | undefined;
  /** Called once the format (and, for spreadsheets, the headers and mapping) is known, before the first example. */
  onDetected?: ((d: Detected) => void) | undefined;
}

export interface Detected {
  format: ImportFormat;
  kind: 'chat' | 'text';
  encoding: string | null;
  headers?: string[];
  mapping?: ColumnMapping;
}

export interface ImportSummary {
  format: ImportFormat;
  kind: 'chat' | 'text';
  /** The text encoding found (or named); null for binary containers (XLSX, PDF, DOCX). */
  encoding: string | null;
  examples: number;
  rejected: number;
  /** The column mapping used, for spreadsheets: shown to the user so a wrong guess is visible. */
  mapping?: ColumnMapping;
  /** Examples left out because their question or answer was empty (with skipEmpty). */
  emptySkipped?: number;
}

/** A chat example with no question or no answer: it teaches nothing (Clean would propose removing it anyway). */
export function hasEmptyTurn(sample: Sample): boolean {
  const text = (role: 'user' | 'assistant') =>
    sample.messages
      .filter((m) => m.role === role)
      .map((m) => m.content)
      .join('')
      .trim();
  return text('user') === '' || text('assistant') === '';
}

const DETECT_SAMPLE = 20;

export function readerFor(path: string, isDir: boolean, format: ImportFormat | undefined): 'jsonl' | 'json' | 'csv' | 'tsv' | 'xlsx' | 'documents' {
  if (isDir || format === 'documents') return 'documents';
  if (format === 'csv' || format === 'tsv' || format === 'xlsx') return format;
  const kind = fileKindOf(path);
  if (isDocumentKind(kind)) return 'documents';
  if (kind) return kind;
  if (format) return 'jsonl'; // a JSON record format named for an unusual extension
  const ext = extname(path).toLowerCase();
  throw new DataImportError(`Fieldtune cannot tell what "${ext || 'extension-less'}" files hold.`, null, undefined, { setting: 'format' });
}

/**
 * One chat example larger than this is refused as a bad row: a context window holds some thousands of tokens, so a
 * 10 MB answer (a whole file pasted into one cell, a log on one line) can only be truncated to noise when trained.
 */
export const MAX_EXAMPLE_CHARS = 1024 * 1024;

export async function importFile(path: string, options: ImportOptions, sink: (item: ImportedItem) => void | Promise<void>): Promise<ImportSummary> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new DataImportError(`The file ${path} does not exist or cannot be read.`);
  }
  const reader = readerFor(path, info.isDirectory(), options.format);
  let examples = 0;
  let rejected = 0;
  let emptySkipped = 0;
  const unit = reader === 'xlsx' ? 'Row' : reader === 'documents' ? 'File' : 'Line';
  const reject = async (line: number, reason: string, raw: string): Promise<void> => {
    if (!options.skipBad) throw badRowError(line, reason, unit);
    rejected += 1;
    await options.onRejected?.({ line, reason, raw });
  };
  const emit = async (item: ImportedItem): Promise<void> => {
    throwIfAborted(options.signal);
    if ('sample' in item) {
      const chars = item.sample.messages.reduce((n, m) => n + m.content.length, 0);
      if (chars > MAX_EXAMPLE_CHARS) {
        const mb = (chars / (1024 * 1024)).toFixed(1);
        const why = `this one example holds ${mb} MB of text, more than any model reads at once (the limit is 1 MB); split it into separate examples`;
        return reject(item.line, why, item.sample.messages.map((m) => m.content.slice(0, 80)).join('\t'));
      }
    }
    if (options.skipEmpty && 'sample' in item && hasEmptyTurn(item.sample)) {
      emptySkipped += 1;
      return;
    }
    examples += 1;
    await sink(item);
  };

  if (reader === 'documents') {
    options.onDetected?.({ format: 'documents', kind: 'text', encoding: null });
    for await (const r of documentRecords(path, options)) {
      if ('error' in r) await reject(r.line, r.error, r.source);
      else await emit({ line: r.line, document: r.document });
    }
    return { format: 'documents', kind: 'text', encoding: null, examples, rejected };
  }

  const bytes = readFileBytes(path, { signal: options.signal, onProgress: options.onProgress });
  if (reader === 'xlsx') {
    await checkZipLimits(path, 'XLSX', { signal: options.signal });
    const rows = xlsxRows(bytes, { sheet: options.sheet, locale: options.locale });
    return { ...(await importSheet(rows, 'xlsx', null)), examples, rejected, ...(emptySkipped ? { emptySkipped } : {}) };
  }
  const decoded = await decodeBytes(bytes, { encoding: options.encoding, signal: options.signal });
  if (reader === 'csv' || reader === 'tsv') {
    const rows = delimitedRows(decoded.chunks, reader === 'tsv' ? '\t' : undefined);
    return { ...(await importSheet(rows, reader, decoded.encoding)), examples, rejected, ...(emptySkipped ? { emptySkipped } : {}) };
  }

  const records = reader === 'jsonl' ? jsonlRecords(decoded.chunks) : jsonArrayRecords(decoded.chunks);
  const forced = options.format && (JSON_FORMATS as readonly string[]).includes(options.format) ? (options.format as JsonFormat) : undefined;
  try {
    // Detection looks at the first records only; they are held and replayed, so the file is still read once.
    const head: RawRecord[] = [];
    let format = forced;
    if (!format) {
      // Manual next(): breaking a for-await would close the generator and lose the rest of the file.
      let values = 0;
      while (values < DETECT_SAMPLE) {
        const next = await records.next();
        if (next.done) break;
        head.push(next.value);
        if ('value' in next.value) values += 1;
      }
      format = detectFormat(head.flatMap((h) => ('value' in h ? [h.value] : []))) ?? undefined;
      if (!format) {
        if (head.length === 0) throw new DataImportError('The file is empty: it holds no records.');
        const firstBad = head.find((h) => 'error' in h);
        if (firstBad && 'error' in firstBad) throw badRowError(firstBad.line, firstBad.error, unit);
        const line = head[0]?.line ?? 1;
        throw new DataImportError(
          `Line ${line}: the records match no known format (chat "messages", ShareGPT "conversations", Alpaca ` +
            `"instruction"/"output", "prompt"/"completion" or "text").`,
          line,
          'unknown record format',
          { setting: 'format' },
        );
      }
    }
    options.onDetected?.({ format, kind: format === 'text' ? 'text' : 'chat', encoding: decoded.encoding });
    const handle = async (r: RawRecord): Promise<void> => {
      if ('error' in r) return reject(r.line, r.error, r.raw);
      const converted = convertRecord(r.value, format);
      if ('reason' in converted) return reject(r.line, converted.reason, r.raw);
      await emit('sample' in converted ? { line: r.line, sample: converted.sample } : { line: r.line, document: converted.document });
    };
    for (const r of head) await handle(r);
    for await (const r of records) await handle(r);
    return { format, kind: format === 'text' ? 'text' : 'chat', encoding: decoded.encoding, examples, rejected, ...(emptySkipped ? { emptySkipped } : {}) };
  } finally {
    await records.return(undefined); // closes the file when detection refuses it
  }

  async function importSheet(
    rows: AsyncIterable<{ line: number; cells: string[]; error?: string }>,
    format: 'csv' | 'tsv' | 'xlsx',
    encoding: string | null,
  ): Promise<Omit<ImportSummary, 'examples' | 'rejected'>> {
    let headers: string[] | null = null;
    let mapping: ColumnMapping = {};
    for await (const row of rows) {
      if (!headers) {
        headers = row.cells.map((c, i) => c.trim() || `column ${i + 1}`);
        mapping = resolveMapping(headers, options.mapping);
        options.onDetected?.({ format, kind: 'chat', encoding, headers, mapping });
        continue;
      }
      if (row.error) {
        await reject(row.line, row.error, row.cells.join('\t'));
        continue;
      }
      const converted = rowToSample(headers, mapping, row.cells);
      if ('reason' in converted) await reject(row.line, converted.reason, row.cells.join('\t'));
      else await emit({ line: row.line, sample: converted.sample });
    }
    if (!headers) throw new DataImportError('The file is empty: it has no header row.');
    return { format, kind: 'chat', encoding, mapping };
  }
}
