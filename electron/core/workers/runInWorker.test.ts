import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { runInWorker } from './runInWorker.js';

describe('engine tasks in worker threads', () => {
  it('runs a review off the calling thread and returns its result', async () => {
    const members = Array.from({ length: 40 }, (_, i) => ({
      position: i,
      hash: `h${i}`,
      split: null,
      example: {
        messages: [
          { role: 'user' as const, content: `Question ${i % 20} about the dosage` },
          { role: 'assistant' as const, content: `Answer ${i % 20}` },
        ],
      },
    }));
    const phases: string[] = [];
    const review = await runInWorker(
      'dataset.review',
      { versionId: 'v1', source: { members }, options: { threshold: 0.7, nearDuplicates: true } },
      { onProgress: (phase) => phases.push(phase) },
    );
    expect(review.examples).toBe(40);
    expect(review.proposed.filter((p) => p.reason === 'exact-duplicate').map((p) => p.position)).toEqual(Array.from({ length: 20 }, (_, i) => 20 + i));
    expect(phases).toContain('Looking for copies');
  }, 60_000);

  it('plans a split in the thread (near copies kept together) and passes a typed refusal back unchanged', async () => {
    const members = Array.from({ length: 60 }, (_, i) => ({
      position: i,
      hash: `h${i}`,
      split: null,
      example: {
        messages: [
          { role: 'user' as const, content: `Question ${Math.floor(i / 2)} about the ward rota and the night shift` },
          { role: 'assistant' as const, content: `Answer ${Math.floor(i / 2)}` },
        ],
      },
    }));
    const plan = await runInWorker('dataset.split', { versionId: 'v1', source: { members }, options: { seed: 3 } });
    expect(plan.splits).toHaveLength(60);
    for (let k = 0; k < 30; k++) expect(plan.splits[2 * k + 1], `pair ${k}`).toBe(plan.splits[2 * k]);
    expect(plan.leakage.ok).toBe(true);
    await expect(runInWorker('dataset.split', { versionId: 'v1', source: { members }, options: { stratifyBy: 'ward' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'No example has a "ward" value to stratify by.',
    });
  }, 60_000);

  it('keeps the calling event loop free while the thread spins, and a cancel ends it at once', async () => {
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const controller = new AbortController();
    const started = Date.now();
    const job = runInWorker('busy', { ms: 60_000 }, { signal: controller.signal, cancelledMessage: 'Stopped.' });
    setTimeout(() => controller.abort(), 1500);
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED', message: 'Stopped.' });
    h.disable();
    expect(Date.now() - started).toBeLessThan(10_000);
    // A 60 s synchronous loop on this thread would have delayed the timer above by a minute.
    expect(h.max / 1e6).toBeLessThan(500);
  }, 60_000);

  it('turns an engine error into the typed error', async () => {
    await expect(runInWorker('pii.detect', { texts: ['x'], resourceDir: '/nonexistent-fieldtune-dir' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('nonexistent-fieldtune-dir'),
    });
  }, 60_000);
});
