// The trainer's up-front checks, run before a training run writes anything (log, training file, run row): is the base
// a readable GGUF of an architecture the trainer can train, and do the requested LoRA targets exist in it? The
// answer comes from the trainer itself (`fieldtune-train --check-base`), so the list of supported architectures and
// the reasons for refusing the others live in one place (native/src/arch.cpp).
import { execFile } from 'node:child_process';
import { FieldtuneError } from '../../contract/errors.js';
import { TrainerEvent } from '../../contract/trainerEvents.js';
import { nativeTool } from './supervisor.js';

/** Resolves when the trainer would accept the base; rejects with INVALID_INPUT and the trainer's reason otherwise. */
export function checkTrainableBase(base: string, targets?: readonly string[]): Promise<void> {
  const args = ['--check-base', '--base', base, ...(targets ? ['--targets', targets.join(',')] : [])];
  return new Promise((resolve, reject) => {
    execFile(nativeTool('fieldtune-train'), args, { timeout: 60_000 }, (err, stdout) => {
      if (!err) return resolve();
      // the trainer reports its refusal as a protocol error event on stdout
      for (const line of stdout.split('\n')) {
        const parsed = TrainerEvent.safeParse(parseJson(line));
        if (parsed.success && parsed.data.type === 'error') {
          return reject(new FieldtuneError('INVALID_INPUT', `cannot train on ${base}: ${parsed.data.message} [${parsed.data.code}]`));
        }
      }
      reject(new FieldtuneError('INTERNAL', `the trainer's base check failed: ${err.message}`));
    });
  });
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
