// The `fieldtune demo-model` command, driven through its CliCommand interface with a recording output.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoModelCommand } from './demoModel.js';
import type { CliArgs, CliOutput } from '../command.js';
import { FieldtuneError } from '../../contract/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recorder(): CliOutput & { results: unknown[]; logs: string[] } {
  const results: unknown[] = [];
  const logs: string[] = [];
  return { json: true, results, logs, result: (v) => void results.push(v), log: (m) => void logs.push(m) };
}

const run = (values: CliArgs['values'], out = recorder()) => demoModelCommand.run({ values, positionals: [] }, out).then((code) => ({ code, out }));

describe('fieldtune demo-model', () => {
  it('writes the model and reports {path, sha256, sizeBytes, vocab, params}', async () => {
    const path = join(dir, 'm.gguf');
    const { code, out } = await run({ out: path, layers: '1', embd: '64', ff: '64', seed: '9' });
    expect(code).toBe(0);
    expect(out.results).toHaveLength(1);
    const r = out.results[0] as { path: string; sha256: string; sizeBytes: number; vocab: string; params: Record<string, unknown> };
    expect(r).toMatchObject({ path, vocab: 'phi-3', params: { layers: 1, embd: 64, heads: 1, ff: 64, seed: 9, vocabSize: 32064 } });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.sizeBytes).toBe(statSync(path).size);
    expect(out.logs.join('\n')).toContain('writing');
  });

  it('--arch writes that architecture with its own vocabulary; an unknown one is refused', async () => {
    const path = join(dir, 'phi3.gguf');
    const { code, out } = await run({ out: path, arch: 'phi3', layers: '1', embd: '64', ff: '64' });
    expect(code).toBe(0);
    expect(out.results[0]).toMatchObject({ vocab: 'phi-3', params: { arch: 'phi3', chatTemplate: 'microsoft-Phi-3.5-mini-instruct.jinja' } });
    await expect(run({ out: join(dir, 'x.gguf'), arch: 'bloom' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/unknown architecture "bloom"/),
    });
  });

  it('lists the vocabularies', async () => {
    const { out } = await run({ 'list-vocabs': true });
    expect(out.results[0]).toMatchObject({ default: 'phi-3', vocabs: expect.arrayContaining(['phi-3', 'llama-spm', 'qwen2', 'gpt-2']) });
  });

  it('fails with typed errors on bad input', async () => {
    await expect(run({})).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/--out/) });
    await expect(run({ out: join(dir, 'x.gguf'), layers: '4x' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/--layers/) });
    await expect(run({ out: join(dir, 'x.gguf'), embd: '256', heads: '3' })).rejects.toBeInstanceOf(FieldtuneError);
    await expect(run({ out: join(dir, 'x.gguf'), vocab: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/available: .*phi-3/),
    });
  });
});
