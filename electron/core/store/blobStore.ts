import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { writeFileAtomic } from '../disk/atomicWrite.js';
import { isEncryptedBytes, readWorkspaceFile } from '../disk/encryption.js';

/**
 * Content-addressed files (sha256) under <workspace>/blobs/ab/abcdef...; rows in `blobs`, references in
 * `project_blobs`. Writing is idempotent: the same bytes are stored once however often they are added.
 */
export class BlobStore {
  private readonly insertStmt: Statement<[{ sha256: string; size_bytes: number; created_at: string }]>;
  private readonly refStmt: Statement<[{ project_id: string; sha256: string; role: string }]>;
  private readonly orphansStmt: Statement<[], { sha256: string }>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(
    db: Database,
    private readonly root: string,
  ) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size_bytes, created_at) VALUES (@sha256, @size_bytes, @created_at)');
    this.refStmt = db.prepare('INSERT OR IGNORE INTO project_blobs (project_id, sha256, role) VALUES (@project_id, @sha256, @role)');
    this.orphansStmt = db.prepare('SELECT sha256 FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM project_blobs)');
    this.deleteStmt = db.prepare('DELETE FROM blobs WHERE sha256 = ?');
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores bytes; the file lands under its final name only once complete and on disk (disk/atomicWrite.ts). */
  async put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      writeFileAtomic(target, bytes);
    }
    this.insertStmt.run({ sha256, size_bytes: bytes.byteLength, created_at: new Date().toISOString() });
    return { sha256, sizeBytes: bytes.byteLength };
  }

  /** A stored blob's bytes, decrypted in an encrypted workspace (the sha256 names the plain bytes). */
  async read(sha256: string): Promise<Buffer> {
    return readWorkspaceFile(this.pathOf(sha256));
  }

  /** Bytes [start, end) of a stored blob, read without blocking (a page of a stored job result). */
  async readRange(sha256: string, start: number, end: number): Promise<Buffer> {
    const file = await open(this.pathOf(sha256), 'r');
    try {
      // an encrypted blob is one GCM message: it is decrypted whole (pages are stored as blobs of a few MB at most)
      const head = Buffer.alloc(8);
      await file.read(head, 0, 8, 0);
      if (isEncryptedBytes(head)) {
        const plain = await this.read(sha256);
        if (plain.length < end) throw new Error(`blob ${sha256} is shorter than expected`);
        return plain.subarray(start, end);
      }
      const buffer = Buffer.alloc(end - start);
      let read = 0;
      while (read < buffer.length) {
        const { bytesRead } = await file.read(buffer, read, buffer.length - read, start + read);
        if (bytesRead === 0) throw new Error(`blob ${sha256} is shorter than expected`);
        read += bytesRead;
      }
      return buffer;
    } finally {
      await file.close();
    }
  }

  reference(projectId: string, sha256: string, role: string): void {
    this.refStmt.run({ project_id: projectId, sha256, role });
  }

  /** Deletes rows of blobs nothing references (call inside the transaction that removed the references). */
  collectOrphanRows(): string[] {
    const orphans = this.orphansStmt.all().map((r) => r.sha256);
    for (const sha of orphans) this.deleteStmt.run(sha);
    return orphans;
  }

  /** Removes the files of collected orphans; run after the transaction committed, so a rollback loses nothing. */
  async removeFiles(shas: readonly string[]): Promise<void> {
    await Promise.all(shas.map((sha) => rm(this.pathOf(sha), { force: true })));
  }
}

export async function sha256OfFile(path: string, onBytes?: (bytesRead: number) => void, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  let read = 0;
  const stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    read += chunk.length;
    onBytes?.(read);
  }
  return hash.digest('hex');
}
