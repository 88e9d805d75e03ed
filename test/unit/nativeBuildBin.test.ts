// native/build.mjs can build into another folder (FIELDTUNE_BUILD_BIN: native/gpu-check.sh keeps a GPU build next
// to the CPU one). It empties that folder before copying the tools in, so it must refuse one it did not fill.
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './helpers.js';

interface BuildModule {
  main(env: Record<string, string | undefined>): Promise<number>;
  installTools(from: string, to: string): void;
}
// plain .mjs (it runs at postinstall, before TypeScript is there): loaded by URL so tsc does not ask for its types
const build = (): Promise<BuildModule> => import(pathToFileURL(join(import.meta.dirname, '..', '..', 'native', 'build.mjs')).href) as Promise<BuildModule>;

describe('native/build.mjs FIELDTUNE_BUILD_BIN', () => {
  it('refuses a folder that holds files but no build stamp, and leaves the files alone', async () => {
    const dir = tempFolder('ft-build-bin-');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'sub'));
    const { main } = await build();
    await expect(main({ FIELDTUNE_BUILD_BIN: dir })).rejects.toThrow(/holds files but no fieldtune-build\.json/);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'sub']);
  });

  it('installs the tools with every shared library under the names the executables ask for (versioned sonames too)', async () => {
    const from = tempFolder('ft-build-out-');
    const to = tempFolder('ft-build-bin-');
    for (const f of ['fieldtune-train', 'llama-export-lora', 'libllama.so.0.4.0', 'libggml-cpu-x64.so', 'test-opt', 'notes.txt'])
      writeFileSync(join(from, f), f);
    symlinkSync('libllama.so.0.4.0', join(from, 'libllama.so.0'));
    symlinkSync('libllama.so.0', join(from, 'libllama.so'));
    const { installTools } = await build();
    installTools(from, to);
    expect(readdirSync(to).sort()).toEqual(['fieldtune-train', 'libggml-cpu-x64.so', 'libllama.so', 'libllama.so.0', 'libllama.so.0.4.0', 'llama-export-lora']);
    // the soname is a link to the copied file beside it, not to the build folder
    expect(lstatSync(join(to, 'libllama.so.0')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(to, 'libllama.so.0'))).toBe('libllama.so.0.4.0');
    expect(readFileSync(join(to, 'libllama.so'), 'utf8')).toBe('libllama.so.0.4.0');
  });
});
