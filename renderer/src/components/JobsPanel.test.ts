import { describe, expect, it } from 'vitest';
import type { Job } from '../../../electron/contract/jobs.js';
import { canResume } from './JobsPanel.js';

function trainJob(id: string, status: Job['status'], resumedFrom: string | null, createdAt: string): Job {
  return {
    id,
    kind: 'train.run',
    projectId: 'p1',
    status,
    progress: { phase: '', current: 0, total: null, etaSeconds: null },
    message: null,
    error: null,
    createdAt,
    startedAt: createdAt,
    finishedAt: status === 'running' ? null : createdAt,
    resumable: true,
    resumedFrom,
    subject: 'run-1',
    result: null,
  };
}

describe('jobs panel: Resume', () => {
  const cancelled = trainJob('a', 'cancelled', null, '2026-01-01T10:00:00Z');
  const resumed = trainJob('b', 'interrupted', 'a', '2026-01-01T10:05:00Z');
  const other = trainJob('c', 'cancelled', null, '2026-01-01T09:00:00Z');

  it('is offered on a cancelled or interrupted job nobody resumed yet, and hidden once another job resumed it', () => {
    const jobs = [cancelled, resumed, other];
    expect(canResume(cancelled, jobs)).toBe(false); // b resumed it already
    expect(canResume(resumed, jobs)).toBe(true); // b itself was interrupted and not resumed
    expect(canResume(other, jobs)).toBe(true);
    expect(canResume({ ...other, status: 'succeeded' }, jobs)).toBe(false);
    expect(canResume({ ...other, resumable: false }, jobs)).toBe(false);
  });
});
