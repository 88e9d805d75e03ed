// The rules native/gpu-check.sh judges a GPU build by (bench/gpuCheckReport.ts): they run only on GPU machines, so
// they are tested here, with the shapes the trainer really prints, that each rule can fail.
import { describe, expect, it } from 'vitest';
import { compareGradients, finiteDifferenceFailures, parseOpBackends, splitByDevice, summary, type GradPoint } from '../../bench/gpuCheckReport.js';

const stderr = [
  'llama_model_load_from_file_impl: using device Vulkan0 (llvmpipe (LLVM 15.0.6, 256 bits)) - 3886 MiB free',
  // a real line from lavapipe, shortened; Vulkan_Host is pinned host memory: the CPU backend ran those nodes
  'fieldtune-train: op backends: ADD=Vulkan0 CROSS_ENTROPY_LOSS=CPU GET_ROWS=Vulkan0+Vulkan_Host MUL_MAT=Vulkan0 OUT_PROD=CPU_Mapped SCALE=CUDA_Host',
  'step 1',
].join('\n');

describe('op placement', () => {
  it('reads the op backends line, several backends per op included', () => {
    const ops = parseOpBackends(stderr);
    expect(ops && Object.fromEntries(ops)).toEqual({
      ADD: ['Vulkan0'],
      CROSS_ENTROPY_LOSS: ['CPU'],
      GET_ROWS: ['Vulkan0', 'Vulkan_Host'],
      MUL_MAT: ['Vulkan0'],
      OUT_PROD: ['CPU_Mapped'],
      SCALE: ['CUDA_Host'],
    });
    expect(parseOpBackends('no such line')).toBeNull();
  });

  it('splits ops into device-only, CPU-only (fell back) and both; CPU and pinned host buffers count as the CPU', () => {
    const ops = parseOpBackends(stderr);
    if (!ops) throw new Error('not parsed');
    expect(splitByDevice(ops)).toEqual({ device: ['ADD', 'MUL_MAT'], cpuOnly: ['CROSS_ENTROPY_LOSS', 'OUT_PROD', 'SCALE'], both: ['GET_ROWS'] });
  });
});

const point = (tensor: string, index: number, analytic: number, numeric = analytic): GradPoint => ({ tensor, index, analytic, numeric });

describe('gradient check against finite differences', () => {
  const good = [point('blk.0.attn_k.weight.lora_a', 3, 0.02, 0.0201), point('blk.1.attn_k.weight.lora_b', 0, -0.5, -0.49)];

  it('passes gradients within 5% of the finite difference', () => {
    expect(finiteDifferenceFailures(good)).toEqual([]);
  });

  it('fails a point 10% off, naming it', () => {
    const bad = [...good, point('blk.0.ffn_up.weight.lora_b', 7, 0.1, 0.111)];
    expect(finiteDifferenceFailures(bad)).toEqual(['blk.0.ffn_up.weight.lora_b[7]: analytic 0.1 vs numeric 0.111']);
  });

  it('fails a target whose analytic gradient is zero in every layer (the KV-cache bug)', () => {
    // numeric says there is a gradient, analytic has none: both the 5% rule and the no-gradient rule catch it
    const kvBug = [point('blk.0.attn_v.weight.lora_b', 1, 0, 0.03), point('blk.1.attn_v.weight.lora_b', 1, 0, 0.02)];
    const failures = finiteDifferenceFailures([...good, ...kvBug]);
    expect(failures).toContain('attn_v.weight.lora_b has no gradient');
    expect(failures.filter((f) => f.startsWith('blk.'))).toHaveLength(2);
  });

  it('fails when there are no points at all', () => {
    expect(finiteDifferenceFailures([])).toEqual(['the gradient check wrote no points']);
  });
});

describe('GPU gradients against the CPU build', () => {
  const cpu = [point('a', 0, 1.0), point('a', 1, 0.1), point('b', 0, 0.001), point('b', 5, 0.0005)];

  it('is 0 for identical gradients, and relative to each tensor its own largest gradient', () => {
    expect(compareGradients(cpu, cpu)).toMatchObject({ maxRelative: 0, shared: 1 });
    // 1e-4 off on tensor b, whose largest gradient is 1e-3: 10%, though tiny next to tensor a's
    const gpu = cpu.map((p) => (p.tensor === 'b' && p.index === 0 ? { ...p, analytic: 0.0011 } : p));
    const c = compareGradients(cpu, gpu);
    expect(c.maxRelative).toBeCloseTo(0.1, 6);
    expect(c.worst).toContain('b[0]');
  });

  it('compares only shared points and reports their share; no shared point at all is infinitely far', () => {
    const gpu = cpu.slice(0, 3);
    expect(compareGradients(cpu, gpu)).toMatchObject({ maxRelative: 0, shared: 0.75 });
    expect(compareGradients(cpu, [point('c', 0, 1)]).maxRelative).toBe(Infinity);
  });
});

describe('summary', () => {
  it('fails (exit 1) when any check failed and names it; skipped checks do not fail it', () => {
    const s = summary('gpu-check vulkan', [
      { name: 'gradient check', ok: true, detail: '84 points' },
      { name: 'gradients vs CPU build', ok: null, detail: 'this is the CPU build' },
      { name: 'resume', ok: false, detail: 'exit 4' },
    ]);
    expect(s.exitCode).toBe(1);
    expect(s.text.split('\n')).toEqual([
      '== gpu-check vulkan ==',
      'PASS  gradient check          84 points',
      'SKIP  gradients vs CPU build  this is the CPU build',
      'FAIL  resume                  exit 4',
      'RESULT: FAILED (resume)',
    ]);
    expect(summary('x', [{ name: 'a', ok: null, detail: '' }]).exitCode).toBe(0);
  });
});
