// Architecture matrix benchmark (prints a table; not a timed test): for each architecture, the acceptance run
// with default settings: a default demo model (`demo-model --arch A --out F.gguf`: the family's real vocabulary and
// template), then file-mode training on 20 chat examples with `--epochs 10` and nothing else set, then answer
// perplexity without and with the adapter through node-llama-cpp's prebuilt binary and the model's own template.
// It calls the same engine functions as `fieldtune demo-model` and `fieldtune train` (writeDemoModel,
// buildTrainingFile + runTrainer with only epochs set, evaluatePerplexity as `fieldtune eval` does).
// Usage: npx tsx bench/arch-matrix-bench.ts [--archs qwen2,qwen3,gemma3,phi3] [--dir /tmp/fieldtune-arch-bench]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoModel } from '../electron/core/demoModel/index.js';
import { evaluatePerplexity } from '../electron/core/train/evaluate.js';
import { readSamplesJsonl } from '../electron/core/train/samples.js';
import { runTrainer, trainerAvailable } from '../electron/core/train/supervisor.js';
import { buildTrainingFile } from '../electron/core/train/trainingData.js';

const { values } = parseArgs({ options: { archs: { type: 'string' }, dir: { type: 'string' } } });
const archs = (values.archs ?? 'qwen2,qwen3,gemma3,phi3').split(',');
const dir = values.dir ?? '/tmp/fieldtune-arch-bench';
mkdirSync(dir, { recursive: true });
if (!trainerAvailable()) {
  console.error('native tools not built: run `node native/build.mjs`');
  process.exit(1);
}

// 20 chat examples: the first 20 of the demo project's clinic front-desk set.
const data = join(dir, 'chat20.jsonl');
const lines = readFileSync(join(import.meta.dirname, '..', 'resources', 'demo', 'sample-chat.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean);
writeFileSync(data, lines.slice(0, 20).join('\n') + '\n');
const samples = await readSamplesJsonl(data);

const rows: string[] = [];
for (const arch of archs) {
  const t0 = Date.now();
  const model = await writeDemoModel({ out: join(dir, `${arch}.gguf`), arch });
  const demoSeconds = (Date.now() - t0) / 1000;
  const t1 = Date.now();
  const train = await buildTrainingFile(model.path, samples, join(dir, `${arch}.fttrain`));
  const adapter = join(dir, `${arch}-adapter.gguf`);
  const r = await runTrainer({ base: model.path, trainFile: train.path, out: adapter, logFile: `${adapter}.log`, epochs: 10 });
  const trainSeconds = (Date.now() - t1) / 1000;
  if (!r.done) {
    rows.push(`| ${arch} | ${model.params.vocab} | ${demoSeconds.toFixed(1)} | failed: ${r.error?.message ?? 'interrupted'} | | | |`);
    continue;
  }
  const ppl = await evaluatePerplexity({ base: model.path, adapter, samples });
  const ratio = ppl.base.perplexity / ppl.tuned!.perplexity;
  const row =
    `| ${arch} | ${model.params.vocab} (${model.params.vocabSize}) | ${demoSeconds.toFixed(1)} | ${trainSeconds.toFixed(0)} (${r.done.steps} steps) | ` +
    `${ppl.base.perplexity.toFixed(1)} | ${ppl.tuned!.perplexity.toFixed(2)} | ${ratio.toFixed(0)}x |`;
  console.log(row);
  rows.push(row);
}
console.log('\n| arch | vocabulary | demo-model s | train s | answer ppl base | with adapter | drop |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
