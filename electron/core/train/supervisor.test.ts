import { describe, expect, it } from 'vitest';
import { trainerArgs } from './supervisor.js';

describe('trainer command line', () => {
  const base = { base: 'm.gguf', trainFile: 't.fttrain', out: 'a.gguf', logFile: 'l.log' };

  it('passes only the settings that were given, each as the trainer spells it', () => {
    expect(trainerArgs(base)).toEqual(['--base', 'm.gguf', '--train', 't.fttrain', '--out', 'a.gguf']);
    const a = trainerArgs({ ...base, rank: 16, lr: 1e-3, maxSeq: 512, threads: 2, schedule: 'linear', targets: ['attn_q', 'attn_v'], lowMemory: true });
    expect(a.slice(6)).toEqual([
      '--rank',
      '16',
      '--lr',
      '0.001',
      '--max-seq',
      '512',
      '--threads',
      '2',
      '--schedule',
      'linear',
      '--targets',
      'attn_q,attn_v',
      '--low-memory',
    ]);
  });

  it('lowMemory false adds nothing', () => {
    expect(trainerArgs({ ...base, lowMemory: false })).not.toContain('--low-memory');
  });
});
