import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';
import { openWorkspace, type Workspace } from '../workspace.js';
import { datasetsOf } from './datasetRepo.js';
import { previewImport, startImportJob } from './datasetJobs.js';
import { datasetsService } from './datasetsService.js';

const FIX = join(import.meta.dirname, '../../../test/fixtures/data');
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => { for (const fn of cleanups.splice(0).reverse()) await fn(); });
function setup(): { dir: string; ws: Workspace } {
  const t = tempDir();
  const ws = openWorkspace(join(t.dir, 'ws'));
  cleanups.push(t.cleanup, () => ws.close());
  return { dir: t.dir, ws };
}

describe('preview', () => {
  it('shows format, mapping and the first examples without reading the whole file', async () => {
    const p = await previewImport(join(FIX, 'qa.csv'), { limit: 2 });
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', headers: ['question', 'answer', 'category', 'notes'], mapping: { question: 'user' } });
    expect(p.examples.map((e) => e.line)).toEqual([2, 3]);
    const bad = await previewImport(join(FIX, 'bad-row.jsonl'));
    expect(bad).toMatchObject({ format: 'prompt-completion', rejected: [{ line: 3 }, { line: 5 }] });
    expect(bad.examples).toHaveLength(3);
    await expect(previewImport(join(FIX, 'custom-columns.csv'))).rejects.toThrow(/No column is mapped/);
  });
});

describe('import job', () => {
  it('runs as a job with reading progress and returns the import result', async () => {
    const { ws } = setup();
    const started = startImportJob(ws, { path: join(FIX, 'chat.jsonl'), target: { projectName: 'Triage' } });
    const job = await ws.jobs.wait(started.id);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ project: { name: 'Triage' }, version: { examples: 3, format: 'chat' } });
    expect(job.progress.phase).toBe('reading');
  });

  it('a cancelled import saves nothing', async () => {
    const { dir, ws } = setup();
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, '{"prompt":"p","completion":"c"}\n'.repeat(400_000));
    const started = startImportJob(ws, { path: big, target: { projectName: 'Big' } });
    await new Promise((r) => setTimeout(r, 30));
    const job = await ws.jobs.cancel(started.id);
    expect(job.status).toBe('cancelled');
    expect(ws.projects.list()).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM examples').get()).toEqual({ n: 0 });
    expect(datasetsOf(ws).collectOrphanExamples()).toBe(0);
  });
});

describe('datasets service (request-shaped)', () => {
  it('import -> list -> examples page -> clean -> split -> leakage -> stats', async () => {
    const { ws } = setup();
    const job = await ws.jobs.wait(datasetsService.import(ws, { path: join(FIX, 'alpaca.json') }).id);
    expect(job.result).toMatchObject({ project: { name: 'alpaca' }, version: { examples: 2 } });
    const project = ws.projects.list()[0]!;
    const [dataset] = datasetsService.list(ws, { projectId: project.id });
    const v0 = dataset!.versions[0]!;
    expect(datasetsService.examples(ws, { versionId: v0.id, offset: 1, limit: 10 })).toMatchObject({ total: 2, items: [{ position: 1 }] });
    const clean = datasetsService.clean(ws, { versionId: v0.id, dedupe: 'exact' });
    const split = datasetsService.split(ws, { versionId: clean.version.id, ratios: { train: 1, validation: 0, test: 1 } });
    expect(split.counts).toEqual({ train: 1, validation: 0, test: 1 });
    expect(datasetsService.leakage(ws, { versionId: split.version.id }).ok).toBe(true);
    const stats = await datasetsService.stats(ws, { versionId: split.version.id, maxLength: 5 }, () => 7);
    expect(stats).toMatchObject({ totalTokens: 14, overMax: 2, tokenizer: 'model' });
    expect(() => datasetsService.import(ws, { path: 'x.csv', projectId: 'nope' })).toThrow(/No project/);
  });
});
