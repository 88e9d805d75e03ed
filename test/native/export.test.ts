// The adapter is a plain llama.cpp LoRA: llama.cpp's own export-lora merges it into the base, and the merged model
// scores the same answer perplexity (node-llama-cpp) as the base with the adapter applied.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePerplexity } from '../../electron/core/train/evaluate.js';
import { nativeTool } from '../../electron/core/train/supervisor.js';
import { chatSamples, demoModel, requireTrainer, runTrainerRaw, tempDir, trainingFile } from './trainerHelpers.js';

describe('adapter interoperability', () => {
  let dir = '';
  let base = '';

  beforeAll(async () => {
    requireTrainer();
    dir = tempDir();
    base = await demoModel(dir);
  });

  it('llama-export-lora merges it; merged perplexity equals base + adapter', async () => {
    const train = join(dir, 'train.fttrain');
    await trainingFile(base, await chatSamples(), train);
    const adapter = join(dir, 'adapter.gguf');
    const r = await runTrainerRaw(['--base', base, '--train', train, '--out', adapter, '--epochs', '3', '--lr', '1e-3', '--threads', '2', '--no-stdin-watch']);
    expect(r.code, r.stderr).toBe(0);
    const merged = join(dir, 'merged.gguf');
    execFileSync(nativeTool('llama-export-lora'), ['-m', base, '--lora', adapter, '-o', merged, '-t', '2'], { stdio: 'ignore' });
    const samples = await chatSamples();
    const tuned = await evaluatePerplexity({ base, adapter, samples, threads: 2 });
    const mergedPpl = await evaluatePerplexity({ base: merged, samples, threads: 2 });
    console.log(`base ${tuned.base.perplexity.toFixed(1)}, base+adapter ${tuned.tuned?.perplexity.toFixed(3)}, merged ${mergedPpl.base.perplexity.toFixed(3)}`);
    expect(tuned.tuned?.perplexity).toBeLessThan(tuned.base.perplexity / 10);
    expect(Math.abs(Math.log(mergedPpl.base.perplexity / (tuned.tuned?.perplexity ?? NaN)))).toBeLessThan(0.01);
  });
});
