// `fieldtune models discover` through the real CLI entry: the usual places come from the home folder and the apps'
// own environment variables, --folder adds more, --json prints one DiscoverResult line.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiscoverResult } from '../../contract/models.js';
import { buildFakePlaces, type FakePlaces } from '../../../test/unit/fakeModelPlaces.js';
import { tempDir } from '../../../test/unit/helpers.js';
import { main } from '../main.js';

const t = tempDir('fieldtune-discover-cli-');
let places: FakePlaces;

beforeAll(async () => {
  places = await buildFakePlaces(t.dir);
  const home = join(t.dir, 'home');
  mkdirSync(join(home, '.lmstudio'), { recursive: true });
  symlinkSync(places.roots.lmStudio[0]!, join(home, '.lmstudio', 'models'));
  vi.stubEnv('HOME', home);
  vi.stubEnv('OLLAMA_MODELS', places.roots.ollama[0]!);
  vi.stubEnv('HF_HUB_CACHE', places.roots.huggingFace[0]!);
});
afterAll(() => {
  vi.unstubAllEnvs();
  t.cleanup();
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(argv), stdout: out.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

describe('fieldtune models discover', () => {
  it('finds the models of LM Studio, Ollama and the Hugging Face cache, plus --folder, as one JSON line', async () => {
    const r = await cli('models', 'discover', '--workspace', join(t.dir, 'ws'), '--folder', places.folder, '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const found = JSON.parse(lines[0]!) as DiscoverResult;
    expect(found.candidates.map((c) => c.name).sort()).toEqual(
      [
        'lmstudio-community/Tiny-GGUF/tiny-Q4_0',
        'someone/Snake-GGUF/snake',
        'llama3.2:1b, llama3.2:latest',
        'huihui/qwen-mini:7b',
        'TinyOrg/tiny-chat',
        'my-own',
        'notes',
        'cut-short',
      ].sort(),
    );
  });

  it('prints a plain list without --json, with the reason a model cannot be trained', async () => {
    const r = await cli('models', 'discover', '--workspace', join(t.dir, 'ws'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/llama3\.2:1b.*\[Ollama\]/);
    expect(r.stdout).toMatch(/cannot train: cannot train a 'mamba' model/);
    expect(r.stdout).not.toMatch(/my-own/); // no --folder this time
  });
});
