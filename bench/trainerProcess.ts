// Runs fieldtune-train for a bench: its events, its stderr, and its peak resident memory read from the outside
// (/proc/PID/status VmHWM, the kernel's high-water mark, polled until exit), so a peak outside the training steps
// (loading, the optimizer's first allocation) counts too.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TrainerEvent } from '../electron/contract/trainerEvents.js';
import { nativeTool } from '../electron/core/train/supervisor.js';

export interface TrainerRun {
  events: TrainerEvent[];
  stderr: string;
  /** Peak RSS in bytes (VmHWM); 0 where /proc is missing. */
  peakRss: number;
}

function vmHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // the process has exited between two polls
  }
}

/**
 * profile: perf record attaches to the trainer once its first step event arrives (so loading and the first step's
 * allocation are left out) and stops when the trainer exits; the samples go to that file.
 */
export function runTrainer(args: readonly string[], env: Record<string, string> = {}, wrap: readonly string[] = [], profile?: string): Promise<TrainerRun> {
  return new Promise((resolve, reject) => {
    const cmd = wrap.length ? (wrap[0] ?? '') : nativeTool('fieldtune-train');
    const argv = wrap.length ? [...wrap.slice(1), nativeTool('fieldtune-train'), ...args] : [...args];
    const child = spawn(cmd, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    // under a wrapper (perf) the trainer is the wrapper's child
    const trainerPid = (): number | undefined => {
      if (!child.pid || !wrap.length) return child.pid;
      try {
        return Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]) || undefined;
      } catch {
        return undefined;
      }
    };
    const sample = () => {
      const pid = trainerPid();
      if (pid) peakRss = Math.max(peakRss, vmHwm(pid));
    };
    const poll = setInterval(sample, 200);
    let perf: ChildProcess | undefined;
    let perfDone: Promise<void> = Promise.resolve();
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (profile && !perf && child.pid && stdout.includes('"type":"step"')) {
        perf = spawn('perf', ['record', '-F', '250', '-p', String(child.pid), '-o', profile], { stdio: 'ignore' });
        const p = perf;
        perfDone = new Promise((res) => p.on('close', () => res()));
      }
      // the done event comes after the adapter is written: read the high-water mark once more right then
      if (stdout.includes('"type":"done"')) sample();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', async (code) => {
      clearInterval(poll);
      perf?.kill('SIGINT');
      await perfDone;
      if (code !== 0) {
        reject(new Error(`trainer exited ${String(code)}: ${stderr.slice(-2000)}`));
        return;
      }
      const events = stdout
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => TrainerEvent.parse(JSON.parse(l)));
      resolve({ events, stderr, peakRss });
    });
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}
