// Staging folders of importers that died are removed; a live importer's, and folders of other programs, are not.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid, tempFolder } from '../../../test/unit/helpers.js';
import { stagingDir, sweepStaleStaging } from './stageImport.js';

describe('staging folders', () => {
  it('are named after their process, and only a dead process’s are swept', async () => {
    const own = stagingDir();
    try {
      expect(basename(own)).toMatch(new RegExp(`^fieldtune-import-${process.pid}-`));
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
    const root = tempFolder('ft-staging-');
    const dead = await deadPid();
    const folders = [`fieldtune-import-${dead}-a1b2c3`, `fieldtune-import-${process.pid}-d4e5f6`, 'fieldtune-import-old123', 'other-program'];
    for (const f of folders) {
      mkdirSync(join(root, f));
      writeFileSync(join(root, f, 'examples.tsv'), 'Priya Sharma\t07700 900123\n');
    }
    expect(sweepStaleStaging(root)).toEqual([join(root, folders[0]!)]);
    expect(readdirSync(root).sort()).toEqual(folders.slice(1).sort());
    expect(existsSync(join(root, folders[1]!, 'examples.tsv'))).toBe(true);
    expect(sweepStaleStaging(join(root, 'missing'))).toEqual([]);
  });
});
