// Personal-data detection of one long text on every core: pieces of at least PIECE_MIN characters, one worker
// thread each (a thread costs a start-up and its own copy of the word lists, so short texts stay on this thread).
import { availableParallelism } from 'node:os';
import { joinPieces, splitAtParagraphs } from '../pii/chunks.js';
import { detectPii } from '../pii/detect.js';
import type { PiiResources } from '../pii/resources.js';
import type { PiiSpan } from '../pii/types.js';
import { runInWorker } from './runInWorker.js';

/** Below this many characters a second thread costs more than it saves. */
export const PIECE_MIN = 2_000_000;

export function piecesFor(length: number, cores = availableParallelism(), pieceMin = PIECE_MIN): number {
  return Math.max(1, Math.min(cores, Math.floor(length / pieceMin)));
}

export interface LongTextOptions {
  cores?: number;
  resourceDir?: string;
  /** Characters per piece at least (tests use a small value to reach the threads with a short text). */
  pieceMin?: number;
  /** Told when the threads failed and the text is detected on this thread instead. */
  onThreadError?: (error: unknown) => void;
}

export async function detectLongText(text: string, resources: PiiResources, o: LongTextOptions = {}): Promise<PiiSpan[]> {
  const count = piecesFor(text.length, o.cores, o.pieceMin);
  if (count <= 1) return detectPii(text, { resources });
  const pieces = splitAtParagraphs(text, count);
  try {
    const results = await Promise.all(
      pieces.map((p) => runInWorker('pii.detectPiece', { text: p.text, ...(o.resourceDir ? { resourceDir: o.resourceDir } : {}) })),
    );
    return joinPieces(pieces, results, resources);
  } catch (error) {
    o.onThreadError?.(error);
    // A thread that cannot start (a host without the worker entry, too little memory for N copies of the word
    // lists) must not cost the user the redaction: the same detection on this thread, only slower.
    return detectPii(text, { resources });
  }
}
