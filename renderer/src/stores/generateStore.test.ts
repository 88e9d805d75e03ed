// While a generation job runs, the review list reloads each time the core reports more suggestions ready, and a
// stopped run says how many it kept (the core stores them group by group: service/generate/suggest.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../electron/contract/jobs.js';

const calls: string[] = [];
vi.mock('../transport/api.js', () => ({
  api: {
    call: vi.fn(async (method: string) => {
      calls.push(method);
      if (method === 'generate:questions') return job('running', 'Loading the model');
      if (method === 'inbox:list') return [];
      throw new Error(`unexpected ${method}`);
    }),
  },
}));

const { useGenerateStore } = await import('./generateStore.js');
const { useJobsStore } = await import('./jobsStore.js');
const { useInboxStore } = await import('./inboxStore.js');
const { jobUpdated } = await import('./followJob.js');

function job(status: Job['status'], phase: string): Job {
  return {
    id: 'j1',
    kind: 'data.generate',
    projectId: 'p1',
    status,
    progress: { phase, current: 1, total: 8, etaSeconds: null },
    message: null,
    error: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    resumable: false,
    resumedFrom: null,
    subject: null,
    result: null,
  } as Job;
}

const push = (j: Job) => {
  useJobsStore.getState().upsert(j);
  jobUpdated(j);
};
const reloads = () => calls.filter((c) => c === 'inbox:list').length;

beforeEach(() => {
  calls.length = 0;
  useInboxStore.setState({ projectId: 'p1' });
});

describe('generation job in the store', () => {
  it('reloads the review list when more suggestions are ready, and says what a stop kept', async () => {
    useGenerateStore.getState().setQuestions({ paths: '/docs/guide.pdf', modelId: 'm1' });
    await useGenerateStore.getState().startQuestions('p1');
    expect(useGenerateStore.getState().jobId).toBe('j1');

    push(job('running', 'Writing questions and answers (0 ready for review)'));
    await vi.waitFor(() => expect(calls).toContain('generate:questions'));
    expect(reloads()).toBe(0); // nothing new to show
    push(job('running', 'Writing questions and answers (8 ready for review)'));
    await vi.waitFor(() => expect(reloads()).toBe(1));
    push(job('running', 'Writing questions and answers (8 ready for review)'));
    expect(reloads()).toBe(1); // the same line again: no reload

    push(job('cancelled', 'Writing questions and answers (8 ready for review)'));
    await vi.waitFor(() => expect(reloads()).toBe(2));
    expect(useGenerateStore.getState().notice).toBe('Stopped. The 8 suggestions written before you stopped wait for you below.');
    expect(useGenerateStore.getState().jobId).toBeNull();
    // followed no more: a later update of that job changes nothing
    push(job('running', 'Writing questions and answers (9 ready for review)'));
    expect(reloads()).toBe(2);
  });
});
