// The 'datasets:*' requests through Core.call, as every host sends them: contract validation, the import job,
// review -> clean, split with leakage, paged examples, token statistics (rough and with a real model tokenizer), export.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenStatsResult } from '../../../contract/datasets.js';
import type { Job } from '../../../contract/jobs.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { writeDemoModel } from '../../demoModel/index.js';
import { fingerprintAndRecord } from '../models/models.js';

const tmp = tempDir('fieldtune-datasets-');
let core: Core;
let projectId: string;

// 8 examples: #1 repeats #0 exactly, #3 is a near copy of #2 (one word changed in a long answer), #5 answers #4's
// question differently (a conflict), and two categories to stratify by.
const LONG =
  'Please bring your insurance card, a photo ID, the referral letter from your doctor and a list of the medicines you take now, and arrive fifteen minutes early';
const CSV = [
  'Question,Answer,Category',
  'When do you open?,We open at 8 in the morning on weekdays.,hours',
  'When do you open?,We open at 8 in the morning on weekdays.,hours',
  `What should I bring to my first visit?,"${LONG}.",visits`,
  `What should I bring to my first visit today?,"${LONG} please.",visits`,
  'Do you take walk-ins?,Yes until noon.,visits',
  'Do you take walk-ins?,No - please book ahead.,visits',
  'Is there parking?,Yes behind the building.,hours',
  'Can I pay by card?,Yes all major cards.,hours',
].join('\n');

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importCsv(path: string, extra: Record<string, unknown> = {}): Promise<Job> {
  const job = await core.call('datasets:import', { projectId, path, ...extra });
  return finished(job.id);
}

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  writeFileSync(join(tmp.dir, 'clinic.csv'), CSV);
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('datasets:preview', () => {
  it('shows a CSV as the import would read it: columns, mapping by header name, first rows', async () => {
    const p = await core.call('datasets:preview', { path: join(tmp.dir, 'clinic.csv') });
    expect(p).toMatchObject({ reader: 'csv', format: 'csv', encoding: 'utf-8', headers: ['Question', 'Answer', 'Category'], problem: null });
    expect(p.mapping).toEqual({ Question: 'user', Answer: 'assistant', Category: 'metadata' });
    expect(p.rows).toHaveLength(8);
    expect(p.rows[0]).toEqual({
      line: 2,
      messages: [
        { role: 'user', content: 'When do you open?' },
        { role: 'assistant', content: 'We open at 8 in the morning on weekdays.' },
      ],
      metadata: { Category: 'hours' },
    });
  });

  it('names the mapping problem when no column holds the answer, and the user mapping fixes it', async () => {
    const path = join(tmp.dir, 'odd.csv');
    writeFileSync(path, 'Q,Reply text\nHi?,Hello.\n');
    const bad = await core.call('datasets:preview', { path });
    expect(bad.problem?.kind).toBe('mapping');
    expect(bad.mapping).toEqual({ Q: 'ignore', 'Reply text': 'assistant' }); // 'Reply' names the answer; 'Q' names nothing
    const good = await core.call('datasets:preview', { path, map: { Q: 'user', 'Reply text': 'assistant' } });
    expect(good.problem).toBeNull();
    expect(good.rows[0]?.messages?.[1]?.content).toBe('Hello.');
  });

  it('refuses windows-1252 with an encoding problem, and reads it once the encoding is named', async () => {
    const path = join(tmp.dir, 'excel.csv');
    writeFileSync(path, iconv.encode('question,answer\nCafé hours?,Until 5 o’clock.\n', 'windows-1252'));
    const refused = await core.call('datasets:preview', { path });
    expect(refused.problem).toMatchObject({ kind: 'encoding' });
    expect(refused.problem?.message).toContain('windows-1252');
    const ok = await core.call('datasets:preview', { path, encoding: 'windows-1252' });
    expect(ok.problem).toBeNull();
    expect(ok.rows[0]?.messages?.[0]?.content).toBe('Café hours?');
  });

  it('detects a JSONL record format and lists the first bad rows without stopping', async () => {
    const path = join(tmp.dir, 'alpaca.jsonl');
    writeFileSync(path, '{"instruction":"Say hi","output":"Hi"}\n{not json\n{"instruction":"Say bye","output":"Bye"}\n');
    const p = await core.call('datasets:preview', { path });
    expect(p).toMatchObject({ reader: 'jsonl', format: 'alpaca', problem: null });
    expect(p.rows.map((r) => r.line)).toEqual([1, 3]);
    expect(p.rejected[0]).toMatchObject({ line: 2 });
  });

  it('offers the bundled demo sample, which previews as chat messages', async () => {
    const [sample] = await core.call('datasets:samples', {});
    expect(sample).toMatchObject({ label: expect.stringContaining('demo sample'), examples: 24 });
    const p = await core.call('datasets:preview', { path: sample!.path });
    expect(p).toMatchObject({ reader: 'jsonl', format: 'chat', problem: null });
    expect(p.rows[0]?.messages?.[0]?.role).toBe('system');
  });

  it('previews a folder of documents as raw text for continued pre-training', async () => {
    const docs = join(tmp.dir, 'notes');
    mkdirSync(docs);
    writeFileSync(join(docs, 'a.md'), '# Triage\n\nPatients with chest pain are seen first.');
    writeFileSync(join(docs, 'b.txt'), 'Flu vaccines are offered every October.');
    const p = await core.call('datasets:preview', { path: docs });
    expect(p).toMatchObject({ reader: 'documents', format: 'documents', headers: null, problem: null });
    expect(p.rows.map((r) => r.text).sort()).toEqual(['# Triage\n\nPatients with chest pain are seen first.', 'Flu vaccines are offered every October.']);
  });

  it('rejects a malformed request with a clear contract message', async () => {
    await expect(core.call('datasets:preview', { path: '  ' })).rejects.toThrow('Give the path to a file or folder');
    await expect(core.call('datasets:preview', { path: 'x', extra: 1 })).rejects.toThrow(/Invalid request/);
  });
});

describe('datasets:import and the version operations', () => {
  let versionId: string;

  it('imports as a job and lists the dataset with its first version', async () => {
    const job = await importCsv(join(tmp.dir, 'clinic.csv'));
    expect(job.status).toBe('succeeded');
    expect(job.kind).toBe('dataset.import');
    const [ds] = await core.call('datasets:list', { projectId });
    expect(ds).toMatchObject({ name: 'clinic', kind: 'chat' });
    expect(ds!.versions).toHaveLength(1);
    expect(ds!.versions[0]).toMatchObject({ operation: 'import', examples: 8, parentId: null });
    versionId = ds!.versions[0]!.id;
  });

  it('a refused import fails its job and writes nothing to the workspace', async () => {
    const path = join(tmp.dir, 'broken.csv');
    writeFileSync(path, 'question,answer\nok?,yes\nthis row,has,too many cells\n');
    const dbFile = join(tmp.dir, 'ws', 'fieldtune.db');
    const before = (await core.call('datasets:list', { projectId })).length;
    const job = await importCsv(path);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Line 3: /), fix: { setting: 'skipBad' }, details: { line: 3 } });
    expect(await core.call('datasets:list', { projectId })).toHaveLength(before);
    expect(readdirSync(join(tmp.dir, 'ws', 'files'))).not.toContain('rejected');
    expect(statSync(dbFile).isFile()).toBe(true);
    // With skip-bad the good row is imported and the bad one set aside.
    const skipped = await importCsv(path, { skipBad: true });
    expect(skipped.status).toBe('succeeded');
    expect(skipped.result).toMatchObject({ version: { examples: 1, rejected: 1 } });
  });

  it('pages examples by position', async () => {
    const page = await core.call('datasets:examples', { versionId, offset: 6, limit: 10 });
    expect(page.total).toBe(8);
    expect(page.rows.map((r) => r.position)).toEqual([6, 7]);
    expect(page.rows[1]?.messages?.[0]?.content).toBe('Can I pay by card?');
    await expect(core.call('datasets:examples', { versionId, offset: 0, limit: 501 })).rejects.toThrow('at most 500 rows');
  });

  it('reviews without writing, proposing exact and near duplicates and flagging the conflict', async () => {
    const job = await finished((await core.call('datasets:review', { versionId })).id);
    expect(job).toMatchObject({ kind: 'dataset.review', status: 'succeeded' });
    const review = job.kind === 'dataset.review' ? job.result! : expect.unreachable('a review job');
    expect(review.examples).toBe(8);
    expect(review.proposed).toEqual({ total: 2, exact: 1, near: 1, outOfRange: 0 });
    const page = async (section: 'removals' | 'groups' | 'nearPairs' | 'conflicts') =>
      core.call('datasets:review-page', { jobId: review.jobId, section, offset: 0, limit: 100 });
    expect((await page('removals')).items).toEqual([
      expect.objectContaining({ position: 1, reason: 'exact-duplicate', of: 0, similarity: 1 }),
      expect.objectContaining({ position: 3, reason: 'near-duplicate', of: 2 }),
    ]);
    const groups = await page('groups');
    expect(groups).toMatchObject({ section: 'groups', total: 2 });
    expect(groups.items[0]).toMatchObject({ head: { position: 0 }, positions: [1] });
    const pairs = await page('nearPairs');
    expect(pairs.items[0]).toMatchObject({ a: { position: 2 }, b: { position: 3 } });
    expect(pairs.section === 'nearPairs' && pairs.items[0]!.similarity).toBeGreaterThan(0.7);
    expect((await page('conflicts')).items).toEqual([
      {
        question: 'Do you take walk-ins?',
        answers: [
          { answer: 'Yes until noon.', positions: [4] },
          { answer: 'No - please book ahead.', positions: [5] },
        ],
      },
    ]);
    const [ds] = await core.call('datasets:list', { projectId });
    expect(ds!.versions).toHaveLength(1); // a review is a dry run
  });

  it('clean applies the chosen removals as a new version with its parent', async () => {
    const v = await core.call('datasets:clean', { versionId, remove: [1, 3, 5] });
    expect(v).toMatchObject({ parentId: versionId, operation: 'clean', examples: 5 });
    expect(v.hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(core.call('datasets:clean', { versionId, remove: [99] })).rejects.toThrow('no example #100');
    versionId = v.id;
  });

  it('lists metadata columns, splits with a seed and stratification, and reports leakage', async () => {
    expect(await core.call('datasets:columns', { versionId })).toEqual([{ name: 'Category', filled: 5, distinct: 2 }]);
    const shares = { train: 60, validation: 20, test: 20 };
    const a = await core.call('datasets:split', { versionId, seed: 7, shares, stratifyBy: 'Category' });
    const b = await core.call('datasets:split', { versionId, seed: 7, shares, stratifyBy: 'Category' });
    expect(a.version.hash).toBe(b.version.hash); // same data + seed: same split
    expect(a.counts.train + a.counts.validation + a.counts.test).toBe(5);
    expect(a.leakage).toMatchObject({ ok: true, exact: 0, near: 0, leakedEvalItems: 0 });
    expect(await core.call('datasets:leakage', { versionId: a.version.id })).toMatchObject({ ok: true });
    await expect(core.call('datasets:leakage', { versionId })).rejects.toThrow('not split yet');
    await expect(core.call('datasets:split', { versionId, shares: { train: 0, validation: 0, test: 0 } })).rejects.toThrow('more than 0');
    await expect(core.call('datasets:split', { versionId, shares, stratifyBy: 'Nope' })).rejects.toThrow('"Nope"');
  });

  it('token statistics run as a job: a rough estimate without a model, the real tokenizer and chat template with one', async () => {
    const stats = async (input: { modelId?: string; maxTokens: number; split?: 'train' }) => {
      const job = await finished((await core.call('datasets:stats', { versionId, ...input })).id);
      expect(job).toMatchObject({ kind: 'dataset.stats', status: 'succeeded', projectId });
      return job.result as TokenStatsResult;
    };
    const rough = await stats({ maxTokens: 32 });
    expect(rough).toMatchObject({ tokenizer: 'rough', count: 5, modelLabel: null, maxLength: 32 });
    expect(rough.histogram.reduce((n, b) => n + b.count, 0)).toBe(5);
    const demo = await writeDemoModel({ out: join(tmp.dir, 'tiny.gguf'), vocab: 'gpt-2', layers: 1, embd: 64 });
    const model = await fingerprintAndRecord(core.ws, demo.path, { label: 'tiny' });
    const real = await stats({ modelId: model.id, maxTokens: 32 });
    expect(real).toMatchObject({ tokenizer: 'model', count: 5, modelLabel: 'tiny' });
    // The chat template adds role markers and end-of-turn tokens around every message: not the rough count.
    expect(real.totalTokens).not.toBe(rough.totalTokens);
    expect(real.overMax).toBe(real.histogram.filter((b) => b.from >= 32).reduce((n, b) => n + b.count, 0));
    expect(real.overMaxShare).toBeCloseTo(real.overMax / 5);
    const wider = await stats({ modelId: model.id, maxTokens: 4096 });
    expect(wider.totalTokens).toBe(real.totalTokens); // same lengths, re-binned
    expect(wider.overMax).toBe(0);
    await expect(core.call('datasets:stats', { versionId, maxTokens: 4 })).rejects.toThrow('under 16 tokens');
    await expect(core.call('datasets:stats', { versionId, maxTokens: 64, modelId: 'nope' })).rejects.toThrow('No base model');
  });

  it('exports a version as JSONL and CSV', async () => {
    const out = join(tmp.dir, 'out.jsonl');
    expect(await core.call('datasets:export', { versionId, format: 'jsonl', outFile: out })).toMatchObject({ examples: 5, format: 'jsonl' });
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(5);
    await expect(core.call('datasets:export', { versionId, format: 'csv', outFile: join(tmp.dir, 'missing', 'x.csv') })).rejects.toThrow('does not exist');
  });

  it('refuses to replace an existing file unless told to, and leaves it untouched', async () => {
    const out = join(tmp.dir, 'kept.csv');
    writeFileSync(out, 'my own notes\n');
    const refused = await core.call('datasets:export', { versionId, format: 'csv', outFile: out }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', fix: { setting: 'overwrite' } });
    expect(String((refused as Error).message)).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('my own notes\n');
    expect(await core.call('datasets:export', { versionId, format: 'csv', outFile: out, overwrite: true })).toMatchObject({ examples: 5 });
    expect(readFileSync(out, 'utf8')).toContain('assistant');
  });
});
