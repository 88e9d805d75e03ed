// native/build.mjs can build into another folder (FIELDTUNE_BUILD_BIN: native/gpu-check.sh keeps a GPU build next
// to the CPU one). It empties that folder before copying the tools in, so it must refuse one it did not fill.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface BuildModule {
  main(env: Record<string, string | undefined>): Promise<number>;
}
// plain .mjs (it runs at postinstall, before TypeScript is there): loaded by URL so tsc does not ask for its types
const build = (): Promise<BuildModule> => import(pathToFileURL(join(import.meta.dirname, '..', '..', 'native', 'build.mjs')).href) as Promise<BuildModule>;

describe('native/build.mjs FIELDTUNE_BUILD_BIN', () => {
  it('refuses a folder that holds files but no build stamp, and leaves the files alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-build-bin-'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'sub'));
    const { main } = await build();
    await expect(main({ FIELDTUNE_BUILD_BIN: dir })).rejects.toThrow(/holds files but no fieldtune-build\.json/);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'sub']);
  });
});
