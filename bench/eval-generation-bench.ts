// Generation speed of the evaluation path (node-llama-cpp's prebuilt CPU binary, greedy, the model's chat template,
// several prompts decoded as sequences of one context) next to llama.cpp's own llama-bench built from the same
// bundled source (native/build.mjs), on the same model and thread count. Prints tokens/s and the ratio; not a
// timed test. Usage: npx tsx bench/eval-generation-bench.ts [--threads 2] [--tokens 64] [--parallel 1,4]
//   [--dir /tmp/fieldtune-eval-bench]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoModel } from '../electron/core/demoModel/index.js';
import { openLlamaGenerators } from '../electron/core/eval/llamaGenerator.js';
import { nativeTool } from '../electron/core/train/supervisor.js';

const { values } = parseArgs({ options: { threads: { type: 'string' }, tokens: { type: 'string' }, parallel: { type: 'string' }, dir: { type: 'string' } } });
const threads = Number(values.threads ?? 2);
const tokens = Number(values.tokens ?? 64);
const parallels = (values.parallel ?? '1,4').split(',').map(Number);
const dir = values.dir ?? '/tmp/fieldtune-eval-bench';
mkdirSync(dir, { recursive: true });
// the train bench's shape: 12 layers, 768 wide, 32k vocabulary (a small real model's decode cost per token)
const SHAPE = { layers: 12, embd: 768, ff: 2048 };

const bench = nativeTool('llama-bench');
if (!existsSync(bench)) {
  console.error(`llama-bench not built (${bench} missing): run \`node native/build.mjs\``);
  process.exit(1);
}

const model = join(dir, 'bench-eval.gguf');
if (!existsSync(model)) await writeDemoModel({ out: model, vocab: 'llama-spm', ...SHAPE, ctx: 1024, seed: 1 });

// llama.cpp's own figure: text generation of `tokens` tokens (no prompt), median of its repetitions
const out = execFileSync(bench, ['-m', model, '-p', '0', '-n', String(tokens), '-t', String(threads), '-r', '3', '-o', 'json'], {
  encoding: 'utf8',
  maxBuffer: 1 << 24,
});
const rows = JSON.parse(out) as { avg_ts: number; n_gen: number }[];
const reference = rows.find((r) => r.n_gen === tokens)?.avg_ts ?? NaN;

console.log(`model: demo ${SHAPE.layers} layers x ${SHAPE.embd}, llama-spm vocabulary; ${threads} threads; ${tokens} new tokens per answer`);
console.log(`llama-bench (bundled source, tg${tokens}): ${reference.toFixed(1)} tok/s`);
const prompts = Array.from({ length: 8 }, (_, i) => [{ role: 'user' as const, content: `Question ${i + 1}: how do I book an appointment at the clinic?` }]);
for (const parallel of parallels) {
  const g = await openLlamaGenerators({ base: model, threads, parallel, contextSize: 512 });
  try {
    await g.base.generate(prompts.slice(0, 1), { maxNewTokens: 4 }); // warm up: load, first context
    const batch = prompts.slice(0, Math.max(parallel, 4));
    const t0 = performance.now();
    const counter = { generated: 0 };
    await g.base.generate(batch, { maxNewTokens: tokens, counter, ignoreEndOfTurn: true });
    const seconds = (performance.now() - t0) / 1000;
    const rate = counter.generated / seconds;
    const ratio = (100 * rate) / reference;
    console.log(
      `evaluation path, ${parallel} sequence(s), ${batch.length} prompts: ${rate.toFixed(1)} tok/s (prompts included) = ${ratio.toFixed(0)}% of llama-bench`,
    );
  } finally {
    await g.dispose();
  }
}
