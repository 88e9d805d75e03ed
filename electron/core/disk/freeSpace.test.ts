// Resource guards: a full disk and a model too big for memory are refused up front in plain words, with the figures;
// a disk that fills up during the work becomes the same kind of message instead of a crash. The tmpfs case runs the
// real CLI on a 2 MB disk (a mount namespace: root, or unprivileged user namespaces).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toErrorPayload } from '../../contract/wire.js';
import { tempDir } from '../../../test/unit/helpers.js';
import { assertModelFits } from '../llm/runtime.js';
import { assertFreeSpace } from './freeSpace.js';

const t = tempDir('fieldtune-space-');
afterAll(() => t.cleanup());

describe('resource guards', () => {
  it('refuses work bigger than the free disk, naming both figures', () => {
    expect(() => assertFreeSpace('/data', 50e6, 'import notes.csv', 10e6)).toThrow(
      'Not enough free disk space to import notes.csv: it needs about 50 MB and 10 MB is free where /data is.',
    );
    expect(() => assertFreeSpace('/data', 5e6, 'import notes.csv', 10e6)).not.toThrow();
  });

  it('refuses to load a model for answers that does not fit in free memory', async () => {
    const model = join(t.dir, 'big.gguf');
    writeFileSync(model, Buffer.alloc(1024 * 1024));
    await expect(assertModelFits(model, 100 * 1024 * 1024)).rejects.toThrow(/needs about 0\.3 GB of memory to answer, and 0\.1 GB is free/);
    await expect(assertModelFits(model, 2e9)).resolves.toBeUndefined();
  });

  it('words a disk that filled up during the work, from Node and from SQLite alike', () => {
    for (const code of ['ENOSPC', 'SQLITE_FULL']) {
      expect(toErrorPayload(Object.assign(new Error('raw'), { code }))).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('The disk is full'),
      });
    }
  });

  const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'fieldtune.mjs');
  const isRoot = process.getuid?.() === 0;
  const probe = spawnSync('unshare', [isRoot ? '-m' : '-rm', '--', 'true']);
  const noNamespace = probe.status !== 0 ? `unshare -m is not available here (${probe.stderr?.toString().trim() ?? probe.error?.message})` : null;
  if (noNamespace) console.warn(`tmpfs test skipped: ${noNamespace}`);

  it.skipIf(noNamespace !== null)('on a 2 MB disk: refuses an import too big up front, words one that fills the disk halfway, and keeps the workspace', () => {
    const disk = join(t.dir, 'small-disk');
    mkdirSync(disk);
    const rows = (n: number) => `Question,Answer\n${Array.from({ length: n }, (_, i) => `Question number ${i}?,Answer number ${i}.`).join('\n')}\n`;
    writeFileSync(join(t.dir, 'big.csv'), rows(80_000)); // about 3 MB: more than the disk
    writeFileSync(join(t.dir, 'fits.csv'), rows(20_000)); // about 0.7 MB: passes the estimate, then fills the disk
    const ws = join(disk, 'ws');
    const fieldtune = `"${process.execPath}" "${bin}"`;
    const script = [
      `mount -t tmpfs -o size=2m tmpfs "${disk}"`,
      `${fieldtune} projects create Clinic --workspace "${ws}" --json >/dev/null`,
      `ls -R "${ws}" > "${join(t.dir, 'before.txt')}"`,
      `${fieldtune} data import "${join(t.dir, 'big.csv')}" --project Clinic --workspace "${ws}" --json; echo "big exit=$?"`,
      `${fieldtune} data import "${join(t.dir, 'fits.csv')}" --project Clinic --workspace "${ws}" --json; echo "fits exit=$?"`,
      `${fieldtune} data versions Clinic --workspace "${ws}" --json`,
      `ls -R "${ws}" > "${join(t.dir, 'after.txt')}"`,
    ].join(' && ');
    const res = spawnSync('unshare', [isRoot ? '-m' : '-rm', '--', 'sh', '-c', script], { encoding: 'utf8', timeout: 180_000 });
    expect(res.stdout, res.stderr).toContain('big exit=1');
    expect(res.stdout).toMatch(/"message":"Not enough free disk space to import big\.csv: it needs about \d+ MB and \d+ MB is free/);
    expect(res.stdout).toContain('fits exit=1');
    expect(res.stdout).toContain('"message":"The disk is full, so this stopped before it finished. Free some space and try again."');
    expect(res.stdout.trim().split('\n').at(-1)).toBe('[]'); // no dataset, not even a half-written one
    // The same files as before. SQLite's write-ahead log may stay beside the database: the import commits its rows in
    // chunks (so the core stays responsive) and deletes them when it fails, and folding that log back into the
    // database needs disk space the full disk does not have. The log is part of the database (its rows are gone, as
    // `data versions` shows) and is folded in at the next open with room to spare.
    const files = (name: string) => readFileSync(join(t.dir, name), 'utf8').replace(/^fieldtune\.db-(wal|shm)\n/gm, '');
    expect(files('after.txt')).toBe(files('before.txt'));
  });
});
