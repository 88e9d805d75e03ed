// `fieldtune train` then `fieldtune eval` on the demo model: stdout is JSON lines only (ending with `done`), and the
// adapter lowers answer perplexity as measured by node-llama-cpp.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainerEvent } from '../../electron/contract/trainerEvents.js';
import { demoModel, FIXTURES, requireTrainer, tempDir } from './trainerHelpers.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');

describe('fieldtune train / eval (CLI, file mode)', () => {
  let dir = '';
  let base = '';

  beforeAll(async () => {
    requireTrainer();
    dir = tempDir();
    base = await demoModel(dir, { layers: 4, embd: 256, ff: 512 });
  });

  it('train --json prints only trainer events ending with done; eval shows the perplexity drop', async () => {
    const adapter = join(dir, 'cli.gguf');
    const data = join(FIXTURES, 'chat.jsonl');
    const t = await run('node', [CLI, 'train', '--base', base, '--data', data, '--out', adapter, '--epochs', '10', '--threads', '2', '--json'], {
      maxBuffer: 1 << 24,
    });
    const lines = t.stdout.trim().split('\n');
    const events = lines.map((l) => TrainerEvent.parse(JSON.parse(l)));
    expect(events.at(-1)).toMatchObject({ type: 'done', adapterPath: adapter, steps: 80 });

    const e = await run('node', [CLI, 'eval', '--base', base, '--adapter', adapter, '--data', data, '--max-new-tokens', '4', '--json']);
    const result = JSON.parse(e.stdout.trim()) as { base: { perplexity: number }; tuned: { perplexity: number } };
    console.log(`CLI eval: base ${result.base.perplexity.toExponential(3)}, tuned ${result.tuned.perplexity.toFixed(2)}`);
    expect(result.base.perplexity / result.tuned.perplexity).toBeGreaterThanOrEqual(100);
  });
});
