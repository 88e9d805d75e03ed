import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../store/migrations/index.js';
import { training } from '../store/migrations/004-training.js';
import { TrainingRunsRepository } from './runsRepo.js';

function db() {
  const d = new Database(':memory:');
  d.pragma('foreign_keys = ON');
  // the registered migrations, then training (appended to the list by the lead)
  for (const m of [...migrations.filter((m) => m.version < training.version), training]) m.up(d);
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
    repo.record('r1', { type: 'done', adapterPath: '/x/a.gguf', steps: 2, tokensTrained: 64, trainLoss: 8, valLoss: null, droppedSamples: 1, seconds: 3, stoppedEarly: false });
    expect(repo.curve('r1', 'train')).toEqual([{ step: 1, loss: 10 }, { step: 2, loss: 8 }]);
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
});
