// `fieldtune data redact`: file to file, no workspace. Detects personal data in a text file, writes a masked or
// pseudonymized copy in the input's own encoding, and a report whose span offsets are UTF-16 code units into the
// decoded input (BOM excluded), so `text === input.slice(start, end)` for every span.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { bomFor, decodeBytes } from '../../core/data/encoding.js';
import { fileKindOf } from '../../core/data/fileKinds.js';
import { writeThroughTemp } from '../../core/disk/atomicWrite.js';
import { bufferedWriter, writerEncodingOf } from '../../core/disk/bufferedWriter.js';
import type { WriterEncoding } from '../../core/disk/bufferedWriter.js';
import { LazyJsonArray, writeJsonStreamed } from '../../core/disk/streamedJson.js';
import { csvCellsView, delimiterFor, isCellSafe } from '../../core/pii/csvCells.js';
import { decodedText, isJsonSafe, jsonStringsView, viewOfParts } from '../../core/pii/jsonStrings.js';
import type { JsonStringsView } from '../../core/pii/jsonStrings.js';
import { compiledByDefault, nativeDetectors } from '../../core/pii/nativeDetectors.js';
import { writeMaskedCopyNative, writeSpanLinesNative } from '../../core/pii/nativeOutput.js';
import { tableOnView } from '../../core/pii/pieceView.js';
import { createPseudonymMap, redactTextTo, serializePseudonymMap } from '../../core/pii/redact.js';
import type { Replacement, TextSink } from '../../core/pii/redact.js';
import { countedRedactionReport } from '../../core/pii/report.js';
import { replacementJson, spanJson } from '../../core/pii/reportLines.js';
import { loadPiiResources } from '../../core/pii/resources.js';
import { countTableByType, rowsOfTypes, spanAt, spansOf } from '../../core/pii/spanTable.js';
import { TEMPLATE_DOMAINS, loadDomainTemplate, policyFromTemplate } from '../../core/pii/templates.js';
import type { TemplateDomain } from '../../core/pii/templates.js';
import { DEFAULT_POLICY, PII_TYPES, isPiiType } from '../../core/pii/types.js';
import type { RedactionMode, RedactionPolicy } from '../../core/pii/types.js';
import { detectLongText } from '../../core/workers/piiLongText.js';
import type { CliCommand } from '../command.js';

const NOTICE =
  'The report (and the pseudonym map) CONTAIN PERSONAL DATA: every span holds the original identifier text. ' +
  'Store them like the original file, never next to the redacted copy, and delete them when done.';

const bad = (path: string, message: string) => new FieldtuneError('BAD_REQUEST', message, [{ path, message }]);

/**
 * Reads a whole file as text: UTF-8 (BOM or not) and UTF-16 LE/BE only; other encodings are refused. UTF-8 is
 * decoded by the PII add-on where it loads (native/pii/src/utf8Text.h: the same text, without V8's decoder writing
 * ~100 MB of fresh heap for a 50 MB file); with `jsonView` it makes the file's JSON strings view in the same pass
 * (jsonStrings.ts), returned as `view` when it is of the text returned.
 */
export async function readTextFile(path: string, o: { jsonView?: boolean } = {}): Promise<{ text: string; encoding: string; view?: JsonStringsView }> {
  const bytes = readFileSync(path);
  if (
    bytes.length >= 4 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
      (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))
  ) {
    throw new FieldtuneError('INVALID_INPUT', `${path} is UTF-32; save it as UTF-8 or UTF-16 and try again.`);
  }
  const native = compiledByDefault() ? nativeDetectors()?.text : undefined;
  let view: { of: string; view: JsonStringsView } | undefined;
  const decodeUtf8 =
    native && o.jsonView
      ? (part: Uint8Array) => {
          const both = native.decodeUtf8WithJsonView(part);
          if (both) view = { of: both[0], view: viewOfParts(both[1]) };
          return both?.[0] ?? null;
        }
      : native?.decodeUtf8;
  const decoded = await decodeBytes(
    (async function* () {
      yield bytes;
    })(),
    { decodeUtf8 },
  );
  let text = '';
  for await (const chunk of decoded.chunks) text += chunk;
  // Of the one decoded text only: not where it lost a leading U+FEFF (decodeBytes drops it) or came in parts.
  return { text, encoding: decoded.encoding, ...(view && view.of === text ? { view: view.view } : {}) };
}

/**
 * Writes the text that `write` puts, part by part, in the encoding the input was read in (BOM kept where there was
 * one), whole or not at all; returns what `write` returns. Nothing is written where `write` throws. `write` may
 * instead write the encoded bytes straight to `file.fd` (the BOM is written, nothing else yet).
 */
export function writeEncodedText<T>(path: string, encoding: string, write: (put: TextSink, file: { fd: number; encoding: WriterEncoding }) => T): T {
  let result: T | undefined;
  writeThroughTemp(path, (fd) => {
    const bom = bomFor(encoding);
    if (bom.length) writeSync(fd, Buffer.from(bom));
    const writerEncoding = writerEncodingOf(encoding);
    const writer = bufferedWriter(fd, writerEncoding);
    result = write((part) => writer.put(part), { fd, encoding: writerEncoding });
    writer.flush();
  });
  return result as T;
}

/** Refuses an output path whose folder is missing, not a folder, or not writable, naming the option. */
function writableFolder(flag: string, path: string): void {
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw bad(flag, `--${flag}: ${folder} is not a folder`);
    accessSync(folder, constants.W_OK);
  } catch (e) {
    if (e instanceof FieldtuneError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw bad(
      flag,
      `--${flag}: cannot write into ${folder} (${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : String(code)})`,
    );
  }
}

function policyFrom(types: unknown, template: unknown): RedactionPolicy {
  if (typeof template === 'string') {
    if (!(TEMPLATE_DOMAINS as readonly string[]).includes(template)) throw bad('template', `--template must be one of ${TEMPLATE_DOMAINS.join(', ')}`);
    return policyFromTemplate(loadDomainTemplate(template as TemplateDomain));
  }
  if (typeof types !== 'string') return DEFAULT_POLICY;
  const list = types
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  const unknown = list.filter((t) => !isPiiType(t));
  if (unknown.length || list.length === 0)
    throw bad('types', `--types: unknown type(s) ${unknown.join(', ') || '(none given)'}; known: ${PII_TYPES.join(', ')}`);
  return { types: list.filter(isPiiType) };
}

export const redactCommand: CliCommand = {
  name: 'data redact',
  summary: 'Find and redact personal data (PII/PHI) in a text file, offline (file to file, no workspace)',
  usage: [
    'Usage: fieldtune data redact --in FILE.txt --out FILE.txt --report REPORT.json [--mode mask|pseudonym]',
    '                             [--types NAME,DATE,...] [--template medical|legal|finance|education]',
    '                             [--secret-file FILE] [--map MAP.json] [--json]',
    '',
    'Detects names, places smaller than a state, dates (not bare years), ages over 89, phone/fax, e-mail, SSN,',
    'record/plan/account/licence/vehicle/device numbers, URLs, IPs, case and bar numbers, and writes a redacted copy.',
    '',
    '  --in FILE         input text: UTF-8 (with or without BOM) or UTF-16 LE/BE; other encodings are refused.',
    '                    A .json, .jsonl or .ndjson file is searched in its string values (keys and numbers are not),',
    '                    decoded, and redacted in place so every record still parses. A .csv or .tsv file is searched',
    '                    cell by cell, each cell below the first row with its column name as a label ("City: ..."),',
    '                    and redacted in place so every row keeps its cells. Spreadsheets (.xlsx) and documents',
    '                    (.pdf, .docx) are not text: import them (fieldtune data import) and review them there',
    "  --out FILE        redacted copy, written in the input's encoding (must differ from --in)",
    '  --report FILE     JSON report: {"spans":[{"start","end","type","text",...}], counts, policy, ...}; offsets are',
    '                    UTF-16 code units into the decoded input (BOM excluded), so text === input.slice(start, end)',
    '  --mode MODE       mask (default): "[NAME]", "[DATE]", ...; pseudonym: consistent surrogates, dates shifted by',
    '                    one offset so intervals are kept',
    '  --types LIST      only these identifier types (comma-separated); default: all',
    '  --template NAME   use the identifier types of a domain template instead of --types',
    '  --secret-file F   per-dataset secret for pseudonyms (same secret -> same surrogates); default: a random one',
    '  --map FILE        also write the pseudonym map (original -> surrogate) there, kept apart from the data',
    '',
    `WARNING: ${NOTICE}`,
  ].join('\n'),
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    mode: { type: 'string' },
    types: { type: 'string' },
    template: { type: 'string' },
    'secret-file': { type: 'string' },
    map: { type: 'string' },
  },
  async run(args, out) {
    const v = args.values;
    for (const k of ['in', 'out', 'report'] as const) {
      if (typeof v[k] !== 'string' || v[k] === '') throw bad(k, `Missing --${k} FILE`);
    }
    const inPath = resolve(v['in'] as string);
    const outPath = resolve(v['out'] as string);
    const reportPath = resolve(v['report'] as string);
    if (outPath === inPath || reportPath === inPath || reportPath === outPath) throw bad('out', '--in, --out and --report must be three different files');
    const mode = (v['mode'] ?? 'mask') as RedactionMode;
    if (mode !== 'mask' && mode !== 'pseudonym') throw bad('mode', `--mode must be mask or pseudonym (got ${String(v['mode'])})`);
    const policy = policyFrom(v['types'], v['template']);
    const mapPath = typeof v['map'] === 'string' ? resolve(v['map']) : undefined;
    if (mapPath && mode !== 'pseudonym') throw bad('map', '--map only applies to --mode pseudonym');
    // Before detection, which takes minutes on a large file: a folder that cannot take the outputs fails now.
    for (const [flag, path] of [
      ['out', outPath],
      ['report', reportPath],
      ['map', mapPath],
    ] as const) {
      if (path) writableFolder(flag, path);
    }
    const secretFile = v['secret-file'];
    const secret = typeof secretFile === 'string' ? readFileSync(secretFile) : randomBytes(32);
    if (secret.length < 16) throw bad('secret-file', '--secret-file must hold at least 16 bytes');

    const kind = fileKindOf(inPath);
    if (kind === 'xlsx' || kind === 'pdf' || kind === 'docx') {
      // Read as text these are zip or binary bytes: say what to do instead of "not a text file".
      throw new FieldtuneError(
        'INVALID_INPUT',
        `${inPath} is a .${kind} file; data redact reads text files only (plain text, .csv/.tsv, .json/.jsonl). ` +
          `Save it as CSV or plain text first, or import it into a project (fieldtune data import), whose personal-data review reads it as it is.`,
      );
    }
    const json = kind === 'json' || kind === 'jsonl';
    // This command ends when its files are written: its large buffers (a million spans' arrays, a worker thread's
    // piece) may come from malloc's heaps, reused, rather than be mapped afresh each time (~0.3-0.5 CPU s of a 50 MB
    // dataset's ~6: addon.cpp largeAllocationsFromHeap).
    if (compiledByDefault()) nativeDetectors()?.largeAllocationsFromHeap?.(1 << 30);
    let decoded: { text: string; encoding: string; view?: JsonStringsView };
    try {
      decoded = await readTextFile(inPath, { jsonView: json });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FieldtuneError('INVALID_INPUT', `No such file: ${inPath}`);
      // The shared decoder's fix is an encoding choice, which `data import` has and this command does not.
      if (e instanceof FieldtuneError && e.fix?.setting === 'encoding') {
        throw new FieldtuneError(
          'INVALID_INPUT',
          `${inPath}: ${e.message.replace(/[.\s]+$/, '')}. data redact reads only UTF-8 (with or without BOM) and UTF-16 LE/BE: ` +
            `convert it first, e.g. \`iconv -f ${e.fix.value ?? 'windows-1252'} -t utf-8 IN > OUT\`.`,
          { ...(e.details ? { details: e.details } : {}) },
        );
      }
      throw e;
    }
    const { text, encoding } = decoded;
    const resources = loadPiiResources();
    // A JSON or JSON Lines file is read through its decoded string values (core/pii/jsonStrings.ts), so escapes are
    // not read as letters and the redacted copy still parses; a CSV file through its cells, labelled by their column
    // (core/pii/csvCells.ts).
    const delimiter = kind === 'csv' || kind === 'tsv' ? delimiterFor(kind, text) : undefined;
    const view = json ? (decoded.view ?? jsonStringsView(text)) : delimiter ? csvCellsView(text, delimiter) : undefined;
    // A long file is cut at blank lines and detected on every core (core/workers/piiLongText.ts). Its spans stay a
    // table (core/pii/spanTable.ts) down to the writers: objects are made only where a path needs them.
    const found = await detectLongText(view ? view.text : text, resources, {
      ...(view?.shared ? { shared: view.shared } : {}),
      onThreadError: (e) => out.log(`Worker threads failed (${e instanceof Error ? e.message : String(e)}); detecting on one thread instead.`),
    });
    const detected = view ? tableOnView(view, found) : found;
    const table = PII_TYPES.every((t) => policy.types.includes(t)) ? detected : rowsOfTypes(detected, policy.types);
    const map = createPseudonymMap();
    // The redacted copy goes straight to its file as it is made, never whole in memory; it is committed only once
    // every replacement is known to be safe.
    const replacements = writeEncodedText(outPath, encoding, (put, file) => {
      // The add-on writes a masked copy itself when it is loaded (the same bytes, without a string per span); a mask
      // that the file's format cannot take as it is leaves the copy to the path below, which says why.
      const maskSafe = (m: string) => (json ? isJsonSafe(m) : delimiter ? isCellSafe(m, '', delimiter) : true);
      if (mode === 'mask' && writeMaskedCopyNative(file.fd, file.encoding, text, table, maskSafe)) return [];
      const spans = spansOf(text, table);
      // Surrogates come from what a span says, not how the file escaped it (the report keeps the file's own text).
      const toRedact = json && mode === 'pseudonym' ? spans.map((s) => ({ ...s, text: decodedText(s.text) })) : spans;
      const made = redactTextTo(put, text, toRedact, mode, { secret, recordId: 'file', resources, map, policy });
      const unsafe = json
        ? made.find((r) => !isJsonSafe(r.replacement))
        : delimiter
          ? made.find((r) => !isCellSafe(r.replacement, text.slice(r.start, r.end), delimiter))
          : undefined;
      if (unsafe) {
        throw new FieldtuneError(
          'INTERNAL',
          `A ${unsafe.type} surrogate would need ${json ? 'a JSON escape' : 'quoting to stay in its cell'} (${JSON.stringify(unsafe.replacement)}); nothing was written.`,
        );
      }
      return made;
    });
    const counts = countTableByType(table);
    const report = countedRedactionReport({
      mode,
      policy,
      characters: text.length,
      detected: table === detected ? counts : countTableByType(detected),
      redacted: counts,
    });
    writeJsonStreamed(
      reportPath,
      {
        notice: NOTICE,
        input: {
          path: inPath,
          encoding,
          characters: text.length,
          format: json ? 'json' : delimiter ? 'csv' : 'text',
          offsets: 'UTF-16 code units into the decoded input, BOM excluded',
        },
        mode,
        // Only these fields: a span or replacement carries nothing else the report promises.
        spans: new LazyJsonArray(table.start.length, (i) => spanJson(spanAt(text, table, i))),
        replacements: mode === 'pseudonym' ? replacements : undefined,
        report,
      },
      {
        mode: 0o600,
        // The add-on writes the span lines when it is loaded (the same bytes: nativeOutput.ts).
        writeElements: (key, _, fd) => key === 'spans' && writeSpanLinesNative(fd, text, table),
        elementJson: (_, v) => replacementJson(v as Replacement),
      },
    );
    if (mapPath) writeFileSync(mapPath, serializePseudonymMap(map), { mode: 0o600 });
    out.log(`NOTICE: ${reportPath}${mapPath ? ` and ${mapPath}` : ''}: ${NOTICE}`);
    if (mode === 'pseudonym' && typeof secretFile !== 'string')
      out.log('A random secret was used: surrogates will differ on the next run. Pass --secret-file to keep them stable.');
    const nonZero = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    out.result(
      { in: inPath, out: outPath, report: reportPath, map: mapPath, mode, encoding, spans: table.start.length, counts: nonZero },
      `Redacted ${table.start.length} span(s) (${
        Object.entries(nonZero)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ') || 'none'
      }) -> ${outPath}\nReport (personal data): ${reportPath}`,
    );
    return 0;
  },
};
