// Checkpoints are exact: a run stopped part-way (deterministically, by SIGTERM, or because its parent went away)
// and resumed ends within 1e-5 of the uninterrupted run; resuming without the AdamW moments does not, which shows
// this test would notice a checkpoint that drops the optimizer state.
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainerEvent } from '../../electron/contract/trainerEvents.js';
import { adapterTensors, maxDiff, runTrainerRaw, TRAINER, trainerFixture } from './trainerHelpers.js';

describe('fieldtune-train checkpoint and resume', () => {
  let dir = '';
  let base = '';
  let train = '';
  let common: string[] = [];
  let reference = new Map<string, Float32Array>();

  beforeAll(async () => {
    ({ dir, base, train } = await trainerFixture());
    common = ['--base', base, '--train', train, '--epochs', '3', '--lr', '1e-3', '--threads', '1', '--no-stdin-watch'];
    const r = await runTrainerRaw([...common, '--out', join(dir, 'full.gguf')]);
    expect(r.code, r.stderr).toBe(0);
    reference = adapterTensors(join(dir, 'full.gguf'));
  });

  it('stop after step 9 + resume equals the uninterrupted run; resetting AdamW moments does not', async () => {
    const out = join(dir, 'stopped.gguf');
    const ckdir = join(dir, 'ck1');
    const stopped = await runTrainerRaw([...common, '--out', out, '--checkpoint-dir', ckdir, '--test-stop-after', '9']);
    expect(stopped.code).toBe(75);
    const ck = stopped.events.find((e) => e.type === 'checkpoint');
    expect(ck).toMatchObject({ type: 'checkpoint', step: 9, reason: 'signal' });
    const path = ck?.type === 'checkpoint' ? ck.path : '';

    const resumed = await runTrainerRaw([...common, '--out', out, '--checkpoint-dir', ckdir, '--resume', path]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.events.find((e) => e.type === 'step')).toMatchObject({ step: 10 });
    expect(resumed.events.at(-1)).toMatchObject({ type: 'done', steps: 24 });
    const diff = maxDiff(reference, adapterTensors(out));
    console.log(`max |resumed - uninterrupted| = ${diff}`);
    expect(diff).toBeLessThanOrEqual(1e-5);

    const reset = await runTrainerRaw([...common, '--out', join(dir, 'reset.gguf'), '--checkpoint-dir', ckdir, '--resume', path, '--test-reset-moments']);
    expect(reset.code, reset.stderr).toBe(0);
    const resetDiff = maxDiff(reference, adapterTensors(join(dir, 'reset.gguf')));
    console.log(`max |reset-moments resume - uninterrupted| = ${resetDiff}`);
    expect(resetDiff).toBeGreaterThan(1e-5);
  });

  it('SIGTERM: finishes the step, writes a checkpoint, exits 75; the resumed run matches', async () => {
    const out = join(dir, 'term.gguf');
    const ckdir = join(dir, 'ck2');
    const stopped = await runTrainerRaw([...common, '--out', out, '--checkpoint-dir', ckdir], { killAfterStep: 4 });
    expect(stopped.code).toBe(75);
    const ck = stopped.events.at(-1);
    expect(ck).toMatchObject({ type: 'checkpoint', reason: 'signal' });
    const resumed = await runTrainerRaw([...common, '--out', out, '--checkpoint-dir', ckdir, '--resume', ck?.type === 'checkpoint' ? ck.path : '']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(maxDiff(reference, adapterTensors(out))).toBeLessThanOrEqual(1e-5);
  });

  it('stops with a parent-exit checkpoint when its stdin closes (the parent died)', async () => {
    const args = common.filter((a) => a !== '--no-stdin-watch');
    const child = spawn(TRAINER, [...args, '--out', join(dir, 'orphan.gguf'), '--checkpoint-dir', join(dir, 'ck3')], { stdio: ['pipe', 'pipe', 'ignore'] });
    const events: TrainerEvent[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        const e = TrainerEvent.parse(JSON.parse(l));
        events.push(e);
        if (e.type === 'step' && e.step === 2) child.stdin.end();
      }
    });
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(code).toBe(75);
    expect(events.at(-1)).toMatchObject({ type: 'checkpoint', reason: 'parent-exit' });
  });
});
