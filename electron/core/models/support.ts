// Whether the trainer can train on a base, in its own words: the list of supported architectures and the reasons for
// refusing the others live in the trainer (native/src/arch.cpp, `fieldtune-train --check-base`, which reads only
// the header). Synchronous, for the discovery worker; baseCheck.ts is the asynchronous twin for a run's start.
import { execFileSync } from 'node:child_process';
import { TrainerEvent } from '../../contract/trainerEvents.js';

export interface Support {
  trainable: boolean | null;
  reason: string | null;
}

export function trainerSupport(trainer: string | null, base: string): Support {
  if (!trainer) return { trainable: null, reason: 'Could not check: the trainer is not built on this computer.' };
  try {
    execFileSync(trainer, ['--check-base', '--base', base], { timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return { trainable: true, reason: null };
  } catch (error) {
    const stdout = String((error as { stdout?: Buffer }).stdout ?? '');
    for (const line of stdout.split('\n')) {
      const parsed = TrainerEvent.safeParse(parseJson(line));
      if (parsed.success && parsed.data.type === 'error') return { trainable: false, reason: parsed.data.message };
    }
    return { trainable: null, reason: `Could not check: the trainer's base check failed (${(error as Error).message.split('\n')[0]}).` };
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
