// Strings encoded straight into one reused buffer and written to a file as it fills. A large output made of many
// short strings (a redacted copy is the text between spans and the masks, a report one line per span) costs a join
// or a rope per piece otherwise, and a whole-file string one more copy: on these machines every fresh 100 MB is
// ~0.25 CPU s of page faults before a byte is written (bench/pii-RESULTS.md speed round 6).
import { writeSync } from 'node:fs';

export type WriterEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** The writer's encoding for a file decoded as `encoding` (encoding.ts's names: "utf-8", "utf-16le", "utf-16be"). */
export function writerEncodingOf(encoding: string): WriterEncoding {
  return encoding === 'utf-16le' ? 'utf16le' : encoding === 'utf-16be' ? 'utf16be' : 'utf8';
}

/** Bytes per write. A string that might not fit (3 UTF-8 bytes per UTF-16 unit at most) flushes first. */
const PIECE = 1 << 16;

export interface BufferedWriter {
  put(s: string): void;
  /** Writes out what is buffered; call it once at the end. */
  flush(): void;
}

export function bufferedWriter(fd: number, encoding: WriterEncoding = 'utf8'): BufferedWriter {
  const buffer = Buffer.allocUnsafe(PIECE);
  const unitBytes = encoding === 'utf8' ? 3 : 2;
  const bufferEncoding = encoding === 'utf8' ? 'utf8' : 'utf16le';
  let used = 0;
  const out = (bytes: Buffer) => {
    // UTF-16 BE is LE with each unit's two bytes swapped.
    if (encoding === 'utf16be') bytes.swap16();
    writeSync(fd, bytes);
  };
  const flush = () => {
    if (used > 0) out(buffer.subarray(0, used));
    used = 0;
  };
  const write = (s: string) => {
    if (used + unitBytes * s.length > PIECE) flush();
    if (unitBytes * s.length > PIECE) out(Buffer.from(s, bufferEncoding));
    else used += buffer.write(s, used, bufferEncoding);
  };
  // UTF-8 encodes a surrogate pair as one character: a string that ends in the pair's first half waits for the next
  // one, as it would have in one joined string (encoded alone, each half became U+FFFD).
  let held = '';
  return {
    put(s: string) {
      if (held) {
        s = held + s;
        held = '';
      }
      const last = s.charCodeAt(s.length - 1);
      if (encoding === 'utf8' && last >= 0xd800 && last <= 0xdbff) {
        held = s.slice(-1);
        s = s.slice(0, -1);
      }
      if (s) write(s);
    },
    flush() {
      if (held) write(held);
      held = '';
      flush();
    },
  };
}
