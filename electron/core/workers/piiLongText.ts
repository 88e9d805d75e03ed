// Personal-data detection of one long text on every core: pieces of at least PIECE_MIN characters, this thread and
// one worker thread per further piece (a thread costs a start-up and its own copy of the word lists, so short
// texts stay on this thread).
import { availableParallelism } from 'node:os';
import { detectPiece, joinPieces, splitAtParagraphs } from '../pii/chunks.js';
import type { PackedPiece } from '../pii/chunks.js';
import { detectPiiTable } from '../pii/detect.js';
import type { PiiResources } from '../pii/resources.js';
import type { SpanTable } from '../pii/spanTable.js';
import { runInWorker } from './runInWorker.js';

/**
 * Characters per thread at least. Each extra thread pays ~0.16 CPU s to start and ~1 CPU s of JIT warm-up of its own
 * (its detectors run slow until V8 has compiled them for that thread too), so a piece must be long enough for the
 * wall time it saves to outweigh that. Measured with `data redact` on 2 cores (bench/pii-RESULTS.md, speed round 5):
 * an 8 MB text took 2.28 s wall on one thread and 2.47 s on two (+1.1 CPU s), 16 MB 4.20 s and 3.92 s. 2 M, the
 * earlier value, put an 8 MB file on two threads and made it slower and ~40% dearer.
 */
export const PIECE_MIN = 5_000_000;

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
  /**
   * The number under which the add-on holds `text` for every thread (pieceView.ts PieceView.shared): the pieces are
   * read there, by this thread and the workers, not copied to them.
   */
  shared?: number;
}

/** The text's spans as a span table (spanTable.ts): its callers carry them to the writers without an object each. */
export async function detectLongText(text: string, resources: PiiResources, o: LongTextOptions = {}): Promise<SpanTable> {
  const shared = o.shared;
  const fromStart = shared ? { id: shared, start: 0 } : undefined;
  const count = piecesFor(text.length, o.cores, o.pieceMin);
  if (count <= 1) return detectPiiTable(text, { resources, ...(fromStart ? { shared: fromStart } : {}) });
  const pieces = splitAtParagraphs(text, count);
  // This thread detects the first piece while worker threads detect the others: every core still works, and one
  // thread's start-up, word lists, regex compilation and span copying is saved (a thread per piece left this one
  // idle and cost ~20% more CPU than one thread on an 8 MB file). Where the add-on shares the text, each thread reads
  // its piece there (chunks.ts DetectPieceInput).
  const others = Promise.all(
    pieces.slice(1).map((p): Promise<PackedPiece> =>
      runInWorker('pii.detectPiece', {
        ...(shared ? { shared: { id: shared, start: p.start, end: p.start + p.text.length } } : { text: p.text }),
        ...(o.resourceDir ? { resourceDir: o.resourceDir } : {}),
      }),
    ),
  );
  // Handled from the start: a thread that fails while this one is busy must not count as an unhandled rejection.
  others.catch(() => undefined);
  try {
    const first = detectPiece(pieces[0]?.text ?? '', resources, fromStart);
    return joinPieces(pieces, [first, ...(await others)], resources);
  } catch (error) {
    o.onThreadError?.(error);
    // A thread that cannot start (a host without the worker entry, too little memory for N copies of the word
    // lists) must not cost the user the redaction: the same detection on this thread, only slower.
    return detectPiiTable(text, { resources });
  }
}
