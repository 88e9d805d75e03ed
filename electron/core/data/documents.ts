// Documents (plain text, Markdown, PDF, DOCX) as raw text for continued pre-training: a file or a whole folder, one
// TextDocument per file. PDF and DOCX are zip/binary containers that their libraries need whole, so those are read
// per file; plain text streams through the same decoder as every other text import.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { TextDocument } from '../../contract/domain.js';
import { decodeBytes } from './encoding.js';
import { DataImportError, throwIfAborted } from './errors.js';
import { DOCUMENT_EXTENSIONS, fileKindOf, isDocumentKind } from './fileKinds.js';
import { readFileBytes, type ImportProgress } from './source.js';
import { checkZipLimits } from './zipGuard.js';

export interface DocumentImportOptions {
  encoding?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
}

export type DocumentResult = { line: number; source: string; document: TextDocument } | { line: number; source: string; error: string };

export function isDocumentPath(path: string): boolean {
  return isDocumentKind(fileKindOf(path));
}

/** Every document file under a folder, sorted so re-importing the same folder gives the same version hash. */
export async function listDocuments(root: string): Promise<string[]> {
  const info = await stat(root);
  if (!info.isDirectory()) return [root];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue; // hidden files and folders (.git, .DS_Store) are never documents
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && isDocumentPath(p)) out.push(p);
    }
  };
  await walk(root);
  return out;
}

async function textOf(path: string, options: DocumentImportOptions): Promise<string> {
  const ext = extname(path).toLowerCase();
  // The PDF and DOCX libraries are loaded on first use, so that starting the app or the CLI does not pay for them.
  if (ext === '.pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
    // Page by page: unpdf's merged form collapses every line break into a space, losing the headings and paragraphs
    // that both training on the text and cutting it into passages for generated questions rely on.
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n\n');
  }
  if (ext === '.docx') {
    await checkZipLimits(path, 'DOCX', { signal: options.signal });
    const { default: mammoth } = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer: await readFile(path) });
    return value;
  }
  const decoded = await decodeBytes(readFileBytes(path, { signal: options.signal }), { encoding: options.encoding, signal: options.signal });
  const parts: string[] = [];
  for await (const chunk of decoded.chunks) parts.push(chunk);
  return parts.join('');
}

/** One result per file; `line` is the file's position in the list so bad-row reporting works as for rows. */
export async function* documentRecords(root: string, options: DocumentImportOptions = {}): AsyncGenerator<DocumentResult> {
  const files = await listDocuments(root);
  if (files.length === 0) {
    throw new DataImportError(`No documents found in ${root}; Fieldtune reads ${DOCUMENT_EXTENSIONS.join(', ')} files.`);
  }
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let bytesRead = 0;
  for (const [i, file] of files.entries()) {
    throwIfAborted(options.signal);
    const source = files.length === 1 && file === root ? (file.split(/[\\/]/).pop() ?? file) : relative(root, file);
    let text: string;
    try {
      text = await textOf(file, options);
    } catch (e) {
      // An encoding refusal applies to the user's choice, not to one file: stop the whole import.
      if (e instanceof DataImportError && e.line !== null && !isBinary(file)) throw new DataImportError(`${source}: ${e.message}`, e.line, e.reason);
      if (e instanceof DataImportError) throw e;
      yield { line: i + 1, source, error: `${source} could not be read (${e instanceof Error ? e.message : String(e)})` };
      continue;
    } finally {
      bytesRead += sizes[i] ?? 0;
      options.onProgress?.({ bytesRead, totalBytes });
    }
    if (!text.trim()) {
      const hint = extname(file).toLowerCase() === '.pdf' ? ' (a scanned PDF has no text layer; run it through OCR first)' : '';
      yield { line: i + 1, source, error: `${source} has no text${hint}` };
      continue;
    }
    yield { line: i + 1, source, document: { text, source } };
  }
}

function isBinary(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.pdf' || ext === '.docx';
}
