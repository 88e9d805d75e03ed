// Reading a file as a byte stream that reports progress and stops on cancel. Chunks of 256 KiB keep memory flat on
// gigabyte files while keeping the per-chunk overhead small.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { throwIfAborted } from './errors.js';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
}

export interface ByteSourceOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

export async function* readFileBytes(path: string, options: ByteSourceOptions = {}): AsyncGenerator<Buffer> {
  const totalBytes = await fileSize(path);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytesRead = 0;
  try {
    for await (const chunk of stream) {
      throwIfAborted(options.signal);
      const buf = chunk as Buffer;
      bytesRead += buf.length;
      options.onProgress?.({ bytesRead, totalBytes });
      yield buf;
    }
  } finally {
    stream.destroy();
  }
}

/** Splits decoded text into lines (LF or CRLF), numbering from 1, without holding more than one partial line. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl >= 0) {
      line += 1;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line, text: text.slice(start, end) };
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  if (rest.length) yield { line: line + 1, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest };
}
