// The data tasks that moved off the core's thread (issue 10): an import's reading, the rough token counts and the
// whole of applying a redaction run in worker threads, with progress and cancel, and give the same answers.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../contract/jobs.js';
import { tempDir } from '../../../test/unit/helpers.js';
import { Core } from '../core.js';
import { countExampleTokens } from '../data/tokens.js';
import { discardStaged, stagingDir } from '../data/stageImport.js';
import { stageInWorker } from '../service/datasets/importCommit.js';
import { runInWorker } from './runInWorker.js';

const tmp = tempDir('fieldtune-datatasks-');
let core: Core;
let projectId: string;

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importCsv(name: string, rows: string[]): Promise<string> {
  const file = join(tmp.dir, name);
  writeFileSync(file, ['Patient question,Reception reply', ...rows].join('\n'));
  const job = await finished((await core.call('datasets:import', { projectId, path: file })).id);
  if (job.kind !== 'dataset.import' || !job.result) throw new Error(`import failed: ${job.error?.message}`);
  return job.result.version.id;
}

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Front desk', domain: 'medical', locale: 'en-GB' })).id;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('dataset.stage: an import is read in a worker thread', () => {
  it('stages a CSV into the folder it was given, reporting progress, and a cancel ends it with a typed error', async () => {
    const file = join(tmp.dir, 'desk.csv');
    writeFileSync(file, 'Patient question,Reception reply\n"Can I move my appointment?","Yes, to Friday."\n"Is the clinic open on Sunday?","No."\n');
    const dir = stagingDir();
    const phases: string[] = [];
    const staged = await runInWorker('dataset.stage', { path: file, dir, options: {} }, { onProgress: (phase) => phases.push(phase) });
    expect(staged.dir).toBe(dir);
    expect(staged.summary).toMatchObject({ examples: 2, rejected: 0, format: 'csv' });
    expect(staged.summary.mapping).toEqual({ 'Patient question': 'user', 'Reception reply': 'assistant' });
    expect(existsSync(staged.file)).toBe(true);
    expect(phases).toContain('reading');
    discardStaged(staged);

    const big = join(tmp.dir, 'big.csv');
    writeFileSync(big, 'question,answer\n' + 'What time is it?,Noon.\n'.repeat(300_000));
    const ac = new AbortController();
    const stage = stageInWorker(big, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(stage).rejects.toMatchObject({ code: 'CANCELLED', message: 'The import was cancelled; nothing was added.' });
  }, 60_000);
});

describe('dataset.tokenLengths: rough counts in a worker thread', () => {
  it('counts each example as the engine does and keeps its split', async () => {
    const examples = ['short', 'a somewhat longer question about the repeat prescription form'].map((q, i) => ({
      position: i,
      hash: `h${i}`,
      split: i === 0 ? ('train' as const) : ('test' as const),
      example: {
        messages: [
          { role: 'user' as const, content: q },
          { role: 'assistant' as const, content: 'Yes.' },
        ],
      },
    }));
    const out = await runInWorker('dataset.tokenLengths', { versionId: 'v', source: { members: examples } });
    expect(out.lengths).toEqual(examples.map((m) => countExampleTokens()(m.example)));
    expect(out.splits).toEqual(['train', 'test']);
  }, 60_000);
});

describe('pii.scan: checked in a worker thread, findings read a page at a time', () => {
  it('stores one row per example with findings and pages them by position, of one kind when asked', async () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? `"When do you open on day ${i}?","At eight."`
        : `"Patient Maria Kowalski called${i % 4 === 0 ? ' from 07700 900461' : ''} about visit ${i}.","Noted."`,
    );
    const v = await importCsv('findings.csv', rows);
    const job = await finished((await core.call('pii:scan', { versionId: v })).id);
    expect(job.status, job.error?.message).toBe('succeeded');
    expect(job.result).toMatchObject({ examples: 200, examplesWithSpans: 100 });
    const page = await core.call('pii:spans', { versionId: v, offset: 95, limit: 10 });
    expect(page.total).toBe(100);
    expect(page.records.map((r) => r.position)).toEqual([190, 192, 194, 196, 198]);
    expect(page.records[0]!.fields[0]!.spans.map((s) => [s.text, s.type])).toContainEqual(['Maria Kowalski', 'NAME']);
    const phones = await core.call('pii:spans', { versionId: v, offset: 0, limit: 3, type: 'PHONE' });
    expect(phones.total).toBe(50);
    expect(phones.records.map((r) => r.position)).toEqual([0, 4, 8]);
    expect(phones.records[1]!.fields[0]!.spans.find((s) => s.type === 'PHONE')?.text).toBe('07700 900461');
  }, 60_000);
});

describe('pii.apply: the redaction is computed in a worker thread, written by the core', () => {
  it('applies without a stored scan (detects in the thread): no identifier left, the UK mobile replaced whole', async () => {
    const v = await importCsv('calls.csv', [
      '"I\'m Priya Sharma, my mobile is 07700 900461 and my NHS number is 943 476 5919.","Thanks Priya, we will call you."',
      '"Can Priya Sharma move her appointment to Friday?","Yes, Friday at ten."',
    ]);
    const job = await finished((await core.call('pii:apply', { versionId: v, mode: 'pseudonym', policy: { types: ['NAME', 'PHONE', 'ID'] } })).id);
    expect(job.status, job.error?.message).toBe('succeeded');
    if (job.kind !== 'pii.apply' || !job.result) throw new Error('no result');
    const page = await core.call('datasets:examples', { versionId: job.result.version.id, offset: 0, limit: 10 });
    const text = JSON.stringify(page.rows);
    for (const id of ['Priya', 'Sharma', '07700 900461', '900461', '943 476 5919']) expect(text).not.toContain(id);
    expect(text).toContain("I'm ");
    expect(job.result.report.totalRedacted).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('a cancelled apply ends its thread and makes no version', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `"Patient Maria Kowalski ${i} called from 07700 900${String(i % 1000).padStart(3, '0')}.","Noted ${i}."`,
    );
    const v = await importCsv('many.csv', rows);
    const [before] = (await core.call('datasets:list', { projectId })).filter((d) => d.versions.some((x) => x.id === v));
    const started = await core.call('pii:apply', { versionId: v, mode: 'mask', policy: { types: ['NAME', 'PHONE'] } });
    const cancelled = await core.call('jobs:cancel', { id: started.id });
    expect(cancelled.status).toBe('cancelled');
    const [after] = (await core.call('datasets:list', { projectId })).filter((d) => d.id === before!.id);
    expect(after!.versions).toHaveLength(before!.versions.length);
  }, 60_000);
});
