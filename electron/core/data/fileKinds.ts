// What a file's name says it holds. `data import` picks its reader by it and `data redact` its view of the text
// (cells, JSON strings, plain text) or its refusal, so the two agree on which names are JSON Lines, sheets or
// documents. Kept free of the readers' libraries: data redact loads this at start-up.
import { extname } from 'node:path';

export type FileKind = 'jsonl' | 'json' | 'csv' | 'tsv' | 'xlsx' | 'text' | 'pdf' | 'docx';

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** The kind a file's extension names (any case), or undefined for an extension Fieldtune does not read by name. */
export function fileKindOf(path: string): FileKind | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** Documents: read whole as text for continued pre-training and for questions from documents. */
export function isDocumentKind(kind: FileKind | undefined): kind is 'text' | 'pdf' | 'docx' {
  return kind === 'text' || kind === 'pdf' || kind === 'docx';
}

/** The extensions of documents, for messages ("Fieldtune reads .txt, .md, ... files"). */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION).filter((ext) => isDocumentKind(BY_EXTENSION[ext]));
