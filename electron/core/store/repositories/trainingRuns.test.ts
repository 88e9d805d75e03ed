import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.js';
import { TrainingRunsRepository } from './trainingRuns.js';

function db() {
  const d = new Database(':memory:');
  d.pragma('foreign_keys = ON');
  for (const m of migrations) m.up(d);
  return d;
}

describe('training runs repository', () => {
  it('records the step and eval curve, checkpoints and the final result', () => {
    const d = db();
    const repo = new TrainingRunsRepository(d);
    repo.create({ id: 'r1', projectId: null, jobId: null, baseSha256: 'b', trainSha256: 't', valSha256: null, settings: { rank: 8 } });
    repo.record('r1', { type: 'eval', step: 0, valLoss: 9, valPerplexity: Math.exp(9) });
    repo.record('r1', { type: 'step', step: 1, totalSteps: 2, epoch: 0.5, loss: 10, lr: 1e-3, tokensPerSecond: 100, etaSeconds: 1, memoryBytes: 1 });
    repo.record('r1', { type: 'step', step: 2, totalSteps: 2, epoch: 1, loss: 8, lr: 5e-4, tokensPerSecond: 110, etaSeconds: 0, memoryBytes: 1 });
    repo.record('r1', { type: 'checkpoint', step: 2, path: '/x/checkpoint.gguf', reason: 'interval' });
    repo.record('r1', {
      type: 'done',
      adapterPath: '/x/a.gguf',
      steps: 2,
      tokensTrained: 64,
      trainLoss: 8,
      valLoss: null,
      droppedSamples: 1,
      seconds: 3,
      stoppedEarly: false,
    });
    expect(repo.curve('r1', 'train')).toEqual([
      { step: 1, loss: 10 },
      { step: 2, loss: 8 },
    ]);
    expect(repo.curve('r1', 'val')).toEqual([{ step: 0, loss: 9 }]);
    expect(repo.get('r1')).toMatchObject({ status: 'succeeded', steps: 2, train_loss: 8, val_loss: null, checkpoint_path: '/x/checkpoint.gguf' });
  });

  it('a failed run keeps its error; unknown statuses are refused by the schema', () => {
    const d = db();
    const repo = new TrainingRunsRepository(d);
    repo.create({ id: 'r2', projectId: null, jobId: null, baseSha256: 'b', trainSha256: 't', valSha256: null, settings: {} });
    repo.record('r2', { type: 'error', code: 'all-masked', message: 'nothing to learn' });
    expect(repo.get('r2')).toMatchObject({ status: 'failed' });
    expect(() => d.prepare("UPDATE training_runs SET status = 'weird' WHERE id = 'r2'").run()).toThrow(/CHECK/);
  });

  it('a resumed run runs again; runs left running by a dead process become interrupted', () => {
    const d = db();
    const repo = new TrainingRunsRepository(d);
    repo.create({ id: 'r3', projectId: null, jobId: null, baseSha256: 'b', trainSha256: 't', valSha256: null, settings: {} });
    repo.finish('r3', 'cancelled');
    expect(repo.get('r3')?.status).toBe('cancelled');
    repo.restart('r3', null);
    expect(repo.get('r3')?.status).toBe('running');
    repo.create({ id: 'r4', projectId: null, jobId: null, baseSha256: 'b', trainSha256: 't', valSha256: null, settings: {} });
    repo.record('r4', {
      type: 'done',
      adapterPath: '/x/a.gguf',
      steps: 1,
      tokensTrained: 8,
      trainLoss: 1,
      valLoss: null,
      droppedSamples: 0,
      seconds: 1,
      stoppedEarly: false,
    });
    expect(repo.markInterrupted()).toBe(1);
    expect(repo.get('r3')?.status).toBe('interrupted');
    expect(repo.get('r4')?.status).toBe('succeeded');
  });
});
