// `fieldtune adapters ...` and `fieldtune keys ...` through the real CLI entry, with llama.cpp's own tools: the
// merged, quantized GGUF loads and answers in node-llama-cpp and keeps the base's chat template; the adapter GGUF
// loads as a LoRA; a bundle travels between two workspaces with a passphrase file; a tampered one exits 1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { Core } from '../../electron/core/core.js';
import { readBaseIdentity } from '../../electron/core/export/baseFacts.js';
import { sharedLlama } from '../../electron/core/llm/runtime.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';
import { demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

let dir = '';
let base = '';
let runId = '';
const ws = () => join(dir, 'ws');

async function cli(...argv: string[]): Promise<{ code: number; json: unknown[]; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await main(argv);
    const json = out
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
    return { code, json, stderr: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

beforeAll(async () => {
  requireTrainer();
  dir = tempDir('ft-adapters-cli-');
  base = await demoModel(dir, { layers: 2, embd: 256, ff: 256 });
  const core = new Core({ workspaceDir: ws(), mode: 'cli' });
  try {
    runId = await seedRun(core.ws, await registerBase(core.ws, base), 'Front desk');
  } finally {
    await core.close();
  }
});

describe('fieldtune adapters', () => {
  it('exports gguf and merged Q8_0; both load in node-llama-cpp, the merged one answers with the base template', async () => {
    const gguf = join(dir, 'adapter.gguf');
    expect((await cli('adapters', 'export', '--workspace', ws(), '--run', runId, '--format', 'gguf', '--out', gguf, '--json')).code).toBe(0);
    const merged = join(dir, 'merged.gguf');
    const r = await cli('adapters', 'export', '--workspace', ws(), '--run', runId, '--format', 'merged', '--quant', 'Q8_0', '--out', merged, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Merging the adapter into the base model[\s\S]*Quantizing to Q8_0/);
    expect((await readBaseIdentity(merged)).chatTemplate).toBe((await readBaseIdentity(base)).chatTemplate);

    const llama = await sharedLlama();
    const model = await llama.loadModel({ modelPath: merged });
    const context = await model.createContext({ contextSize: 256, threads: 1 });
    try {
      // the prompt in the base's own (Phi-3) chat format; the merged model generates a few tokens from it
      const prompt = model.tokenize('<|system|>\nBe brief.<|end|>\n<|user|>\nHello<|end|>\n<|assistant|>\n', true);
      const answer: unknown[] = [];
      for await (const token of context.getSequence().evaluate(prompt)) if (answer.push(token) >= 4) break;
      expect(answer).toHaveLength(4);
    } finally {
      await context.dispose();
      await model.dispose();
    }
    const plain = await llama.loadModel({ modelPath: base });
    const withLora = await plain.createContext({ contextSize: 128, threads: 1, lora: { adapters: [{ filePath: gguf, scale: 1 }] } });
    expect(withLora.contextSize).toBe(128);
    await withLora.dispose();
    await plain.dispose();
  });

  it('bundles with a passphrase file, imports into another workspace, lists and trusts keys; a tampered bundle exits 1', async () => {
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, 'a long passphrase\n');
    const bundle = join(dir, 'front.ftadapter');
    expect(
      (await cli('adapters', 'export', '--workspace', ws(), '--run', runId, '--format', 'bundle', '--out', bundle, '--passphrase-file', pass, '--json')).code,
    ).toBe(0);
    const other = join(dir, 'ws2');
    expect((await cli('models', 'add', base, '--workspace', other, '--json')).code).toBe(0);
    const imp = await cli('adapters', 'import', bundle, '--workspace', other, '--passphrase-file', pass, '--json');
    expect(imp.code, imp.stderr).toBe(0);
    const result = imp.json[0] as { runId: string; projectName: string; signer: { fingerprint: string; status: string } };
    expect(result).toMatchObject({ projectName: 'Front desk', signer: { status: 'unknown' } });
    expect((await cli('keys', 'trust', result.signer.fingerprint.slice(0, 16), '--workspace', other, '--json')).json[0]).toMatchObject({ status: 'trusted' });
    expect((await cli('adapters', 'promote', result.runId, '--workspace', other, '--json')).json[0]).toMatchObject({ currentRunId: result.runId });
    const list = await cli('adapters', 'list', '--project', 'Front desk', '--workspace', other, '--json');
    expect(list.json[0]).toMatchObject({ currentRunId: result.runId, versions: [{ version: 1, current: true, origin: 'bundle' }] });

    // the job package takes data off the machine: without --yes it is refused and nothing is written
    const job = await cli('adapters', 'export', '--workspace', ws(), '--run', runId, '--format', 'job', '--out', join(dir, 'job'), '--json');
    expect(job.code).toBe(1);
    expect(JSON.stringify(job.json[0])).toMatch(/add --yes to confirm/);
    expect(existsSync(join(dir, 'job'))).toBe(false);

    const plain = join(dir, 'plain.ftadapter');
    expect((await cli('adapters', 'export', '--workspace', ws(), '--run', runId, '--format', 'bundle', '--out', plain, '--json')).code).toBe(0);
    const bytes = readFileSync(plain);
    // entries are deflated, so flip one byte in the middle of the file (inside the adapter's compressed data)
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(plain, bytes);
    const bad = await cli('adapters', 'import', plain, '--workspace', other, '--json');
    expect(bad.code).toBe(1);
    expect(JSON.stringify(bad.json[0])).toMatch(/refused and nothing was written|damaged|changed/);
    expect((await cli('runs', 'list', '--workspace', other, '--json')).json[0]).toHaveLength(1);
  });
});
