// The contract's table of trainer settings (electron/contract/training.ts) against the trainer itself: every flag
// `fieldtune-train --help` lists is a setting or known plumbing, every setting is a flag the trainer lists, and the
// defaults the trainer prints are the table's.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TRAINER_PLUMBING_FLAGS, TRAINING_OPTION_KEYS, trainingOptions, type TrainingOption } from '../../electron/contract/training.js';
import { TRAINER, requireTrainer } from './trainerHelpers.js';

describe('training settings schema vs fieldtune-train --help', () => {
  requireTrainer();
  const shown = spawnSync(TRAINER, ['--help'], { encoding: 'utf8' });
  const help = `${shown.stdout}${shown.stderr}`;

  it('lists exactly the table plus the plumbing flags', () => {
    const listed = new Set(help.match(/--[a-z][a-z0-9-]*/g));
    const settings = TRAINING_OPTION_KEYS.map((k) => trainingOptions[k].flag);
    for (const flag of settings) expect(listed, `${flag} is in the schema but not in the trainer's --help`).toContain(flag);
    const known = new Set<string>([...settings, ...TRAINER_PLUMBING_FLAGS]);
    for (const flag of listed) expect(known, `${flag} is in the trainer's --help but not in the schema`).toContain(flag);
  });

  it('agrees on every default the trainer prints', () => {
    let compared = 0;
    for (const key of TRAINING_OPTION_KEYS) {
      const o: TrainingOption = trainingOptions[key];
      const shown = new RegExp(`\\[${o.flag} ([^\\]\\s]+)\\]`).exec(help)?.[1];
      if (!shown || /^[A-Z]+$/.test(shown) || shown.includes('|')) continue; // a placeholder or a choice list, not a value
      compared += 1;
      if (o.type === 'list') expect(shown.split(','), o.flag).toEqual([...o.default]);
      else if (o.type === 'int' || o.type === 'number') expect(Number(shown), o.flag).toBe(o.default);
      else expect(shown, o.flag).toBe(String(o.default));
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });
});
