// What this machine offers for training: CPU, memory, free disk where the workspace lives, GPUs (node-llama-cpp's
// detection) and which trainer builds exist. Said plainly when a GPU exists but the trainer build for it does not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { freeDiskBytes } from '../../disk/freeSpace.js';
import { cpus, freemem, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Hardware } from '../../../contract/train.js';
import { sharedLlama } from '../../llm/runtime.js';
import { nativeBinDir } from '../../train/supervisor.js';

function instructionSet(flags: string): string {
  if (process.arch !== 'x64') return process.arch;
  if (/avx512f/.test(flags)) return 'x86-64 with AVX-512';
  if (/avx2/.test(flags)) return 'x86-64 with AVX2';
  return 'x86-64';
}

function cpuFlags(): string {
  try {
    return existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  } catch {
    return '';
  }
}

// Trainer builds next to the CPU one: a native/build/<gpu>-<variant> folder per GPU build (see native/build.mjs).
function trainerBuilds(): Hardware['trainerBuilds'] {
  const builds: Hardware['trainerBuilds'] = existsSync(nativeBinDir()) ? ['cpu'] : [];
  const root = dirname(nativeBinDir());
  const variants = existsSync(root) ? readdirSync(root) : [];
  for (const gpu of ['cuda', 'vulkan', 'metal'] as const) if (variants.some((v) => v.startsWith(`${gpu}-`))) builds.push(gpu);
  return builds;
}

export async function detectHardware(workspaceDir: string): Promise<Hardware> {
  const list = cpus();
  const gpus: Hardware['gpus'] = [];
  try {
    const llama = await sharedLlama();
    if (llama.gpu) {
      const vram = await llama.getVramState();
      const names = await llama.getGpuDeviceNames();
      gpus.push({ name: names.join(', ') || llama.gpu, kind: llama.gpu, vramBytes: vram.total });
    }
  } catch {
    // no GPU runtime: a CPU-only machine, which the list below says
  }
  const builds = trainerBuilds();
  const notes = gpus
    .filter((g) => !builds.includes(g.kind))
    .map(
      (g) =>
        `A ${g.kind.toUpperCase()} graphics card (${g.name}) is here, but this copy of Fieldtune has no trainer built for it: training runs on the processor.`,
    );
  return {
    cpu: list[0]?.model.trim() ?? 'unknown processor',
    threads: list.length,
    instructionSet: instructionSet(cpuFlags()),
    ramBytes: totalmem(),
    freeRamBytes: freemem(),
    freeDiskBytes: freeDiskBytes(workspaceDir),
    gpus,
    trainerBuilds: builds,
    notes,
  };
}
