// The verdicts of bench/gpu-check.ts (native/gpu-check.sh), kept apart from the process plumbing so that each rule
// is unit-tested (test/unit/gpuCheckReport.test.ts) without a GPU: where each op ran, whether a GPU build's gradients
// agree with finite differences and with the CPU build, and the one summary the script prints.

/** One point of the trainer's `--grad-check-out` file. */
export interface GradPoint {
  tensor: string;
  index: number;
  analytic: number;
  numeric: number;
}

/** Backend names as ggml's buffers carry them ("CPU", "Vulkan0", "CUDA0", "Metal", ...). */
export type OpBackends = Map<string, string[]>;

/** Parses the trainer's `op backends: MUL_MAT=Vulkan0 OUT_PROD=CPU+Vulkan0 ...` stderr line; null when absent. */
export function parseOpBackends(stderr: string): OpBackends | null {
  const line = /^.*op backends: (.*)$/m.exec(stderr)?.[1];
  if (line === undefined) return null;
  const out: OpBackends = new Map();
  for (const item of line.trim().split(/\s+/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    out.set(
      item.slice(0, eq),
      item
        .slice(eq + 1)
        .split('+')
        .filter(Boolean),
    );
  }
  return out;
}

// Nodes the CPU backend runs sit in "CPU" buffers, or, in a GPU build, in the GPU library's pinned host memory
// ("Vulkan_Host", "CUDA_Host": the CPU backend's buffer type there, for faster copies); every other name is a device
const isCpu = (backend: string) => /^CPU/i.test(backend) || /_Host$/i.test(backend);

/** Which ops ran only on a device, which only on the CPU (fell back, in a GPU build) and which on both. */
export function splitByDevice(ops: OpBackends): { device: string[]; cpuOnly: string[]; both: string[] } {
  const device: string[] = [];
  const cpuOnly: string[] = [];
  const both: string[] = [];
  for (const [op, backends] of [...ops].sort(([a], [b]) => a.localeCompare(b))) {
    const onCpu = backends.some(isCpu);
    const onDevice = backends.some((b) => !isCpu(b));
    (onCpu && onDevice ? both : onDevice ? device : cpuOnly).push(op);
  }
  return { device, cpuOnly, both };
}

// Ops whose absence from the device makes a "GPU" training figure mostly a CPU one: the products of both passes
// (OUT_PROD carries the LoRA weight gradients and, with --low-memory, the input gradients) and the loss.
export const HEAVY_OPS = ['MUL_MAT', 'OUT_PROD', 'CROSS_ENTROPY_LOSS', 'CROSS_ENTROPY_LOSS_BACK'] as const;

/**
 * The gradient test's rule (test/native/gradcheck.test.ts): |analytic - numeric| <= 5% of the larger + 2e-5 at every
 * point, and every tensor kind (lora_a, lora_b) of every target has a gradient. Returns the failures, [] when it passes.
 */
export function finiteDifferenceFailures(points: readonly GradPoint[]): string[] {
  const failures: string[] = [];
  if (points.length === 0) return ['the gradient check wrote no points'];
  for (const p of points) {
    const scale = Math.max(Math.abs(p.analytic), Math.abs(p.numeric));
    if (!(Math.abs(p.analytic - p.numeric) <= 0.05 * scale + 2e-5)) {
      failures.push(`${p.tensor}[${p.index}]: analytic ${p.analytic} vs numeric ${p.numeric}`);
    }
  }
  // "blk.0.attn_k.weight.lora_a" -> "attn_k.weight.lora_a": each target's A and B must have a gradient in some layer
  const kinds = new Map<string, number>();
  for (const p of points) {
    const kind = p.tensor.replace(/^blk\.\d+\./, '');
    kinds.set(kind, Math.max(kinds.get(kind) ?? 0, Math.abs(p.analytic)));
  }
  for (const [kind, largest] of kinds) if (!(largest > 1e-6)) failures.push(`${kind} has no gradient`);
  return failures;
}

/**
 * How far a GPU build's analytic gradients are from the CPU build's, at the points both checked (each run picks its
 * own largest gradients per tensor, so near-ties can differ): the largest |gpu - cpu| over the largest |cpu| gradient
 * of the same tensor (the figure gradcheck.test.ts uses between two CPU paths), and the share of points shared.
 */
export function compareGradients(cpu: readonly GradPoint[], gpu: readonly GradPoint[]): { maxRelative: number; shared: number; worst: string } {
  const key = (p: GradPoint) => `${p.tensor}[${p.index}]`;
  const gpuAt = new Map(gpu.map((p) => [key(p), p.analytic]));
  const scale = new Map<string, number>();
  for (const p of cpu) scale.set(p.tensor, Math.max(scale.get(p.tensor) ?? 0, Math.abs(p.analytic)));
  let maxRelative = 0;
  let worst = '';
  let shared = 0;
  for (const p of cpu) {
    const g = gpuAt.get(key(p));
    if (g === undefined) continue;
    shared++;
    const rel = Math.abs(g - p.analytic) / (scale.get(p.tensor) || 1);
    if (!(rel <= maxRelative)) {
      maxRelative = rel;
      worst = `${key(p)}: cpu ${p.analytic} gpu ${g}`;
    }
  }
  return { maxRelative: shared ? maxRelative : Infinity, shared: cpu.length ? shared / cpu.length : 0, worst };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export interface CheckLine {
  name: string;
  /** true passed, false failed, null not run (the detail says why). */
  ok: boolean | null;
  detail: string;
}

/** The one summary: a line per check and a last line that names the failures; exit code 0 only if none failed. */
export function summary(title: string, lines: readonly CheckLine[]): { text: string; exitCode: number } {
  const width = Math.max(...lines.map((l) => l.name.length));
  const mark = (ok: boolean | null) => (ok === null ? 'SKIP' : ok ? 'PASS' : 'FAIL');
  const failed = lines.filter((l) => l.ok === false).map((l) => l.name);
  const text = [
    `== ${title} ==`,
    ...lines.map((l) => `${mark(l.ok)}  ${l.name.padEnd(width)}  ${l.detail}`),
    failed.length ? `RESULT: FAILED (${failed.join(', ')})` : 'RESULT: all checks that ran passed',
  ].join('\n');
  return { text, exitCode: failed.length ? 1 : 0 };
}
