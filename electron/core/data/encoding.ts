// Byte stream -> text stream with encoding detection. UTF-8 (with or without BOM) and UTF-16 LE/BE are accepted
// silently; anything else must be named by the user (e.g. windows-1252 from Excel), because guessing a legacy code
// page silently corrupts accented names in medical or legal records.
import { isUtf8 } from 'node:buffer';
import { DataImportError, throwIfAborted } from './errors.js';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | string;

export interface DecodeOptions {
  /** Named by the user: skips detection and decodes with iconv-lite (or the built-in decoder for UTF-8/16). */
  encoding?: string | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Turns UTF-8 bytes already checked well-formed into text, in place of Buffer's decoder (data redact passes the PII
   * add-on's, which gives the same text for fewer CPU seconds); null leaves them to Buffer's.
   */
  decodeUtf8?: ((bytes: Uint8Array) => string | null) | undefined;
}

export interface DecodedText {
  encoding: DetectedEncoding;
  chunks: AsyncGenerator<string>;
}

const BOMS: Array<[number[], DetectedEncoding]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8-bom'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The byte order mark a file read in `encoding` began with, for writing it back the same way; none for others. */
export function bomFor(encoding: DetectedEncoding): readonly number[] {
  return BOMS.find(([, e]) => e === encoding)?.[0] ?? [];
}

function bomOf(head: Buffer): { encoding: DetectedEncoding; length: number } | null {
  for (const [bytes, encoding] of BOMS) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return { encoding, length: bytes.length };
  }
  return null;
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. */
function sniffUtf16(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros += 1;
    if (head[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Offset of the first byte that breaks UTF-8 in buf, or -1; a sequence cut at the end is not an error. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return -1;
      if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < end; i = buf.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

function notUtf8Error(byte: number, line: number): DataImportError {
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  // Bytes 0x80-0xFF standing alone are what Excel's "CSV" and older Windows tools write (windows-1252 / Latin-1).
  const guess = byte >= 0x80 ? 'looks like windows-1252 (what Excel and older Windows tools write) or Latin-1' : 'is in an unknown encoding';
  return new DataImportError(
    `Line ${line}: byte ${hex} is not valid UTF-8, so the file is neither UTF-8 nor UTF-16 and ${guess}.`,
    line,
    `byte ${hex} is not valid UTF-8`,
    { setting: 'encoding', value: 'windows-1252' },
  );
}

/** File headers of images (PNG, GIF, JPEG), PDF, programs (ELF, Windows), GGUF models and zip archives. */
const BINARY_MAGIC = ['89504e47', '47494638', 'ffd8ff', '25504446', '7f454c46', '4d5a9000', '47475546', '504b0304'].map((hex) => Buffer.from(hex, 'hex'));

/** Files that are not text at all get told so, rather than being decoded into noise or an encoding guess. */
function refuseNonText(head: Buffer): void {
  if (
    head.length >= 4 &&
    ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff))
  ) {
    throw new DataImportError('This file is written in UTF-32, which Fieldtune does not read; re-save it as UTF-8 (or UTF-16) and import it again.');
  }
  // text in UTF-16 has zeros too, but never two in a row at an even offset of a short line, nor a known binary header
  const binary = BINARY_MAGIC.some((m) => head.subarray(0, m.length).equals(m)) || (head.includes(0) && !sniffUtf16(head) && !bomOf(head));
  if (binary) {
    throw new DataImportError(
      'This is not a text file (it holds binary data, such as an image, a program or a model). Choose the spreadsheet, chat log or text file you meant.',
    );
  }
}

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * Decodes a byte stream. Detection reads only the first chunk (BOM, then a UTF-16 zero-byte pattern), then every
 * chunk is validated as UTF-8 as it streams, so a bad byte deep in a 1 GB file is still reported with its line.
 */
export async function decodeBytes(bytes: AsyncIterable<Buffer>, options: DecodeOptions = {}): Promise<DecodedText> {
  // loaded here, not at start-up: its code-page tables are half a megabyte that `fieldtune --help` would parse
  const { default: iconv } = await import('iconv-lite');
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  let encoding: DetectedEncoding;
  let skip = 0;
  if (options.encoding) {
    const name = normaliseName(options.encoding);
    if (!iconv.encodingExists(name)) {
      throw new DataImportError(`The encoding "${options.encoding}" is unknown; try utf-8, utf-16le, windows-1252 or latin1.`);
    }
    const bom = bomOf(head);
    encoding = name;
    // A BOM matching the named encoding is still just a marker, not text.
    if (bom && bom.encoding.startsWith(name.replace('utf8', 'utf-8'))) skip = bom.length;
  } else {
    refuseNonText(head);
    const bom = bomOf(head);
    if (bom) {
      encoding = bom.encoding;
      skip = bom.length;
    } else encoding = sniffUtf16(head) ?? 'utf-8';
  }

  async function* chunks(): AsyncGenerator<string> {
    const strictUtf8 = !options.encoding && (encoding === 'utf-8' || encoding === 'utf-8-bom');
    const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
    const builtIn = label === 'utf-8' || label === 'utf-16le' || label === 'utf-16be';
    const text = builtIn ? new TextDecoder(label, { fatal: false }) : null;
    const legacy = builtIn ? null : iconv.getDecoder(label);
    let carry: Buffer = Buffer.alloc(0); // an incomplete UTF-8 sequence from the previous chunk
    let newlinesBefore = 0;
    let started = false; // whether the strict path has decoded a character yet
    const decode = (buf: Buffer): string => {
      if (strictUtf8) {
        const joined = carry.length ? Buffer.concat([carry, buf]) : buf;
        // The native check is fast; the byte-by-byte scan runs only to locate the offender (or a cut sequence).
        const bad = isUtf8(joined) ? -1 : firstInvalidUtf8(joined);
        if (bad >= 0) throw notUtf8Error(joined[bad]!, newlinesBefore + countNewlines(joined, bad) + 1);
        // Keep a trailing partial sequence (at most 3 bytes) so the next chunk can complete it.
        let cut = joined.length;
        for (let k = 1; k <= 3 && joined.length - k >= 0; k++) {
          const b = joined[joined.length - k]!;
          if ((b & 0xc0) === 0xc0) {
            const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
            if (need > k) cut = joined.length - k;
            break;
          }
          if ((b & 0xc0) !== 0x80) break;
        }
        newlinesBefore += countNewlines(joined, cut);
        carry = Buffer.from(joined.subarray(cut));
        // Valid and cut between sequences, so Buffer's own decoder gives the characters a TextDecoder would, without
        // the ICU converter a streaming TextDecoder runs (~100 ms of 1.8 CPU s for an 8 MB file through data redact,
        // and a second copy of every chunk). Like TextDecoder, it drops a U+FEFF that opens the text (a second BOM
        // left by a tool that added one more).
        let s = options.decodeUtf8?.(joined.subarray(0, cut)) ?? joined.toString('utf8', 0, cut);
        if (!started && s) {
          started = true;
          if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        }
        return s;
      }
      return text ? text.decode(buf, { stream: true }) : legacy!.write(buf);
    };
    let current: Buffer | null = skip ? head.subarray(skip) : head;
    try {
      while (current) {
        throwIfAborted(options.signal);
        if (current.length) {
          const s = decode(current);
          if (s) yield s;
        }
        const next = await iterator.next();
        current = next.done ? null : next.value;
      }
      if (strictUtf8 && carry.length) throw notUtf8Error(carry[0]!, newlinesBefore + 1);
      const tail = text ? text.decode() : (legacy!.end() ?? '');
      if (tail) yield tail;
    } finally {
      // Stopping early (a refusal, a cancel, a preview) must close the file now, not when the GC gets to it:
      // an open handle keeps Windows from deleting or replacing the file.
      await iterator.return?.();
    }
  }

  return { encoding, chunks: chunks() };
}
