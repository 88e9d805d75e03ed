// The sha256 of a model file, read in 4 MiB chunks. Synchronous: it runs in a worker thread, so hashing gigabytes
// never holds the core's event loop, and a cancel ends the thread wherever the loop is.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK = 4 * 1024 * 1024;

export function sha256OfFileSync(path: string, progress: (bytesRead: number, total: number) => void = () => {}): { sha256: string; bytes: number } {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let read = 0;
    let lastReport = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, read);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      read += n;
      // a few reports a second are plenty; one per chunk would flood the port on a fast disk
      const now = Date.now();
      if (now - lastReport >= 100) {
        lastReport = now;
        progress(read, total);
      }
    }
    progress(read, total);
    return { sha256: hash.digest('hex'), bytes: read };
  } finally {
    closeSync(fd);
  }
}
