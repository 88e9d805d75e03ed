// The patched CPU kernels (native/patches/0004, 0006) against a double-precision reference on awkward shapes, the
// per-op backend report (native/src/backend_report.h), and the thread count actually used by the training graph (patch 0002: ggml_opt_eval bypassed the place where the
// thread count reaches the CPU backend, which then ran its default of 4 threads whatever --threads said).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTrainer, TRAINER, trainerFixture } from './trainerHelpers.js';

interface KernelCase {
  op: string;
  type: string;
  src0: number[];
  src1: number[];
  packed: boolean;
  relError: number;
}

/** Whether this CPU has AMX-BF16 tiles (Linux names the flag in /proc/cpuinfo); patch 0013's packed path needs them. */
function cpuHasAmxBf16(): boolean {
  try {
    return /\bamx_bf16\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

describe('patched CPU kernels', () => {
  it('short-K MUL_MAT, tiled/quantized OUT_PROD and AMX-packed BF16 MUL_MAT match a float64 reference (1 and 2 threads)', () => {
    requireTrainer();
    const amx = cpuHasAmxBf16();
    if (!amx) console.log('this CPU has no AMX-BF16: the packed BF16 cases run unpacked (patch 0013 is not exercised)');
    for (const threads of ['1', '2']) {
      const cases = JSON.parse(execFileSync(TRAINER, ['--test-kernels', threads]).toString()) as KernelCase[];
      expect(cases.length).toBe(20);
      expect(new Set(cases.map((c) => `${c.op}/${c.type}`))).toEqual(
        new Set(['mul_mat/f32', 'out_prod/f32', 'out_prod/q8_0', 'out_prod/q4_0', 'mul_mat/bf16']),
      );
      // BF16 cases: the reference rounds both inputs to BF16, so only the F32 accumulation differs
      for (const c of cases) expect(c.relError, JSON.stringify(c)).toBeLessThan(1e-5);
      // on an AMX CPU the six packed cases really ran on the tiles (the last BF16 case is the unpacked control)
      expect(cases.filter((c) => c.packed).length).toBe(amx ? 6 : 0);
    }
  });
});

/** Threads of a live process (Linux /proc; the test states its reason where /proc is missing). */
function threadCount(pid: number): number {
  const m = /^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? NaN);
}

describe('--threads reaches the training graph; the run reports where each op ran', () => {
  it.runIf(process.platform === 'linux')('--threads 1 trains on one thread (no OpenMP workers appear); op backends and the op profile are logged', async () => {
    const { dir, base, train } = await trainerFixture();
    const child = spawn(TRAINER, ['--base', base, '--train', train, '--out', join(dir, 'a.gguf'), '--epochs', '30', '--threads', '1', '--no-stdin-watch'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // patch 0014's per-op table, printed before the trainer's _exit
      env: { ...process.env, GGML_CPU_OP_PROFILE: '1' },
    });
    let steps = 0;
    let most = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<void>((resolve) => child.on('close', () => resolve()));
    child.stdout.on('data', (d: Buffer) => {
      steps += (d.toString().match(/"type":"step"/g) ?? []).length;
      // sampled while training is under way (the graph has run at least once)
      if (steps >= 2 && child.exitCode === null) {
        try {
          most = Math.max(most, threadCount(child.pid ?? 0));
        } catch {
          /* exited between the check and the read */
        }
      }
    });
    await done;
    expect(steps).toBeGreaterThan(10);
    expect(most).toBe(1);
    // the run also says where each op ran (all CPU in this build), backward ops included, views left out
    const backends = /op backends: (.*)/.exec(stderr)?.[1] ?? '';
    for (const op of ['MUL_MAT=CPU', 'OUT_PROD=CPU', 'CROSS_ENTROPY_LOSS_BACK=CPU', 'SOFT_MAX_BACK=CPU', 'RMS_NORM_BACK=CPU']) {
      expect(backends.split(' ')).toContain(op);
    }
    expect(backends).not.toMatch(/\bVIEW=/);
    // GGML_CPU_OP_PROFILE=1: one row per op kind (products by src0 type and shape) whose shares add up to the whole
    expect(stderr).toMatch(/op profile \(thread 0 wall time, node start to the barrier after it\): [\d.]+ ms in all/);
    const rows = [...stderr.matchAll(/^ {2}(\S+)\s+(\S+)\s*(batched|rank-sized)?\s+(\d+) nodes\s+([\d.]+) ms\s+([\d.]+)%$/gm)];
    const ops = new Set(rows.map((r) => `${r[1]} ${r[2]}`));
    for (const op of ['MUL_MAT f32', 'OUT_PROD f32', 'SCALE -', 'OPT_STEP_ADAMW -', 'CROSS_ENTROPY_LOSS_BACK -']) expect(ops).toContain(op);
    const total = rows.reduce((sum, r) => sum + Number(r[6]), 0);
    expect(total).toBeGreaterThan(99);
    expect(total).toBeLessThan(101);
  });
});
