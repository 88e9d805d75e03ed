// Whole-or-nothing writes, and the sweep that removes what a killed writer left: never a live writer's temp file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';
import { sweepStaleTemps, tempPathFor, writeFileAtomic, writeThroughTemp } from './atomicWrite.js';

const t = tempDir('fieldtune-atomic-');
afterAll(() => t.cleanup());

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file, also when the write fails', () => {
    const file = join(t.dir, 'a.json');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(() => writeFileAtomic(join(t.dir, 'missing-folder', 'b.json'), 'x')).toThrow();
    expect(readdirSync(t.dir)).toEqual(['a.json']);
  });
});

describe('writeThroughTemp', () => {
  it('writes a file in pieces whole, and leaves the old one and no temp file when the writer throws', () => {
    const dir = join(t.dir, 'through');
    mkdirSync(dir);
    const file = join(dir, 'out.jsonl');
    writeThroughTemp(file, (fd) => {
      writeSync(fd, 'a\n');
      writeSync(fd, 'b\n');
    });
    expect(readFileSync(file, 'utf8')).toBe('a\nb\n');
    expect(() =>
      writeThroughTemp(
        file,
        (fd) => {
          writeSync(fd, 'half');
          throw new Error('cancelled');
        },
        { suffix: 'partial' },
      ),
    ).toThrow('cancelled');
    expect(readFileSync(file, 'utf8')).toBe('a\nb\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });
});

describe('sweepStaleTemps', () => {
  it("removes temp files of processes that are gone, in sub-folders too, and keeps a live writer's", () => {
    const root = join(t.dir, 'ws');
    mkdirSync(join(root, 'blobs', 'ab'), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const stale = [
      join(root, 'blobs', 'ab', `abc.${deadPid}-0a1b2c3d.tmp`),
      join(root, `adapter.gguf.${deadPid}.tmp`),
      join(root, `out.csv.${deadPid}-ff.partial`),
    ];
    const live = tempPathFor(join(root, 'blobs', 'ab', 'def'));
    const unrelated = join(root, 'notes.tmp.txt');
    for (const f of [...stale, live, unrelated]) writeFileSync(f, 'x');
    expect(sweepStaleTemps(root).sort()).toEqual([...stale].sort());
    expect(stale.some((f) => existsSync(f))).toBe(false);
    expect(existsSync(live) && existsSync(unrelated)).toBe(true);
  });
});
