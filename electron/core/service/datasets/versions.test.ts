import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { deleteProject } from '../projects/projects.js';
import { openWorkspace, type Workspace } from '../../workspace.js';
import { stageImport } from '../../data/stageImport.js';
import { commitImport, importIntoWorkspace } from './importCommit.js';
import { applyClean, reviewVersion } from './clean.js';
import { exportVersion } from './export.js';
import { versionTokenStats } from './stats.js';
import { editMember, loadMembers, pageMembers, removeMembers, splitVersion, versionLeakage } from './versions.js';
import { mulberry32 } from '../../data/minhash.js';

const FIX = join(import.meta.dirname, '../../../../test/fixtures/data');
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function tmp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
function workspace(dir = tmp()): Workspace {
  const ws = openWorkspace(dir);
  cleanups.push(() => ws.close());
  return ws;
}

/** Every file under dir with its sha256: "byte-for-byte unchanged" made checkable. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = `${statSync(p).size}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

const QA =
  'question,answer,category\nWhat is a lien?,A right to keep property until a debt is paid.,property\nWhat is bail?,Temporary release awaiting trial.,criminal\nWhat is a lien?,A right to keep property until a debt is paid.,property\n';

describe('import into the workspace', () => {
  it('creates project, dataset and a hashed version; identical rows are stored once', async () => {
    const dir = tmp();
    const file = join(dir, 'Contract QA.csv');
    writeFileSync(file, QA);
    const ws = workspace(join(dir, 'ws'));
    const r = await importIntoWorkspace(ws, file, { projectName: 'Contract QA' });
    expect(r).toMatchObject({
      project: { name: 'Contract QA' },
      dataset: { name: 'Contract QA' },
      version: { examples: 3, rejected: 0, format: 'csv', encoding: 'utf-8' },
      rejectedFile: null,
    });
    expect(r.version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ws.db.prepare('SELECT count(*) AS n FROM examples').get()).toEqual({ n: 2 });
    const members = loadMembers(ws, r.version.id);
    expect(members.map((m) => m.position)).toEqual([0, 1, 2]);
    expect(members[0]!.hash).toBe(members[2]!.hash);
    expect(ws.audit.recent(1)[0]).toMatchObject({ action: 'dataset.import', subject: r.version.id, hashAfter: r.version.hash });
    // The same content imported again gives the same version hash: the hash names the content, not the event.
    const again = await importIntoWorkspace(ws, file, { projectId: r.project.id });
    expect(again.version.hash).toBe(r.version.hash);
    expect(ws.db.prepare('SELECT count(*) AS n FROM examples').get()).toEqual({ n: 2 });
  });

  it('a refused file leaves an existing workspace byte-for-byte unchanged', async () => {
    const dir = tmp();
    const wsDir = join(dir, 'ws');
    const good = join(dir, 'good.csv');
    writeFileSync(good, QA);
    let ws = openWorkspace(wsDir);
    await importIntoWorkspace(ws, good, { projectName: 'P' });
    await ws.close();
    const before = snapshot(wsDir);
    const bad = join(dir, 'excel.csv');
    writeFileSync(bad, iconv.encode('question,answer\nCafé?,Oui\n', 'windows-1252'));
    const badRow = join(dir, 'bad.jsonl');
    writeFileSync(badRow, '{"prompt":"a","completion":"b"}\nnot json\n');
    ws = openWorkspace(wsDir);
    const project = ws.projects.list()[0]!;
    await expect(importIntoWorkspace(ws, bad, { projectId: project.id })).rejects.toMatchObject({ fix: { setting: 'encoding' } });
    await expect(importIntoWorkspace(ws, badRow, { projectName: 'New' })).rejects.toThrow(/^Line 2: it is not valid JSON/);
    await ws.close();
    expect(snapshot(wsDir)).toEqual(before);
    // Staging failed before the workspace was even needed: a CLI run with a new folder never creates it.
    await expect(stageImport(badRow)).rejects.toThrow(/Line 2/);
  });

  it('skip-bad keeps the rejected rows in a file inside the workspace', async () => {
    const ws = workspace();
    const r = await importIntoWorkspace(ws, join(FIX, 'bad-row.jsonl'), { projectName: 'Doses' }, { skipBad: true });
    expect(r.version).toMatchObject({ examples: 3, rejected: 2, format: 'prompt-completion' });
    expect(r.rejectedFile!.startsWith(ws.filesDir)).toBe(true);
    const rows = readFileSync(r.rejectedFile!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; reason: string });
    expect(rows.map((x) => x.line)).toEqual([3, 5]);
  });
});

describe('import as a job', () => {
  it('a cancelled import saves nothing', async () => {
    const dir = tmp();
    const ws = workspace(join(dir, 'ws'));
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, '{"prompt":"p","completion":"c"}\n'.repeat(400_000));
    const started = ws.jobs.start({ kind: 'dataset.import', params: { path: big, format: null, map: null, encoding: null, skipBad: false } }, ({ signal }) =>
      importIntoWorkspace(ws, big, { projectName: 'Big' }, { signal }),
    );
    await new Promise((r) => setTimeout(r, 30));
    expect((await ws.jobs.cancel(started.id)).status).toBe('cancelled');
    expect(ws.projects.list()).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM examples').get()).toEqual({ n: 0 });
  });
});

describe('batched commit of a large import', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `{"prompt":"question ${i}","completion":"answer ${i}"}`).join('\n');

  it('hides the version until the last batch, then shows it whole', async () => {
    const dir = tmp();
    const ws = workspace(join(dir, 'ws'));
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, rows(45_000));
    const project = (await importIntoWorkspace(ws, join(FIX, 'chat.jsonl'), { projectName: 'P' })).project;
    const seen: number[] = [];
    const staged = await stageImport(file);
    const r = await commitImport(
      ws,
      staged,
      { projectId: project.id },
      {
        onProgress: (p) => {
          if (p.current < 45_000) seen.push(ws.datasets.listDatasets(project.id).length);
        },
      },
    );
    expect(seen.length).toBeGreaterThanOrEqual(2); // at least two batches were written with the event loop free between
    expect(seen.every((n) => n === 1)).toBe(true); // only the earlier dataset was visible meanwhile
    expect(ws.datasets.listDatasets(project.id)).toHaveLength(2);
    expect(loadMembers(ws, r.version.id)).toHaveLength(45_000);
    expect(() => ws.db.prepare('UPDATE dataset_versions SET complete = 0').run()).toThrow(/immutable/);
  });

  it('cancelled between batches: the partial version, its examples and the project made for it are removed', async () => {
    const dir = tmp();
    const ws = workspace(join(dir, 'ws'));
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, rows(45_000));
    const ac = new AbortController();
    const staged = await stageImport(file);
    await expect(commitImport(ws, staged, { projectName: 'Big' }, { signal: ac.signal, onProgress: () => ac.abort() })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(ws.projects.list()).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM examples').get()).toEqual({ n: 0 });
    expect(ws.db.prepare('SELECT count(*) AS n FROM dataset_versions').get()).toEqual({ n: 0 });
    expect(ws.audit.recent(1)[0]).toMatchObject({ action: 'project.delete' });
  });
});

describe('versions', () => {
  async function seeded() {
    const ws = workspace();
    // Random words: templated rows differing only in a number would all be near-duplicates of each other.
    const vocab = 'tenant dose appeal ward consent lease fever claim estate insulin verdict audit triage lien biopsy merger statute invoice'.split(' ');
    const sentence = (seed: number, n: number) => {
      const r = mulberry32(seed);
      return Array.from({ length: n }, () => vocab[r() % vocab.length]!).join(' ');
    };
    const rows = Array.from({ length: 60 }, (_, i) => `${sentence(i + 1, 12)}?,${sentence(i + 1000, 10)}.,${['tax', 'lease', 'tort'][i % 3]}`);
    rows.push(rows[5]!.replace('?,', ' please?,')); // near-duplicate of row 5
    rows.push('  What is a lien?  ,A right.,property', 'what is a lien,A different right.,property', ',,property');
    const file = join(tmp(), 'qa.csv');
    writeFileSync(file, `question,answer,category\n${rows.join('\n')}\n`);
    const r = await importIntoWorkspace(ws, file, { projectName: 'QA' });
    return { ws, r };
  }

  it('clean makes a child version: normalizes, drops empty rows and near-duplicates, flags conflicts', async () => {
    const { ws, r } = await seeded();
    const review = reviewVersion(ws, r.version.id, { threshold: 0.7, nearDuplicates: true });
    expect(review).toMatchObject({ examples: 64, normalizedChanged: 1 });
    expect(review.proposed.map((p) => p.reason).sort()).toEqual(['empty', 'near-duplicate']);
    expect(review.nearPairs[0]).toMatchObject({ a: { position: 5 }, b: { position: 60 } });
    expect(review.conflicts).toHaveLength(1);
    expect(review.conflicts[0]!.answers.flatMap((a) => a.positions).sort()).toEqual([61, 62]);
    const onlyEmpty = applyClean(
      ws,
      r.version.id,
      review.proposed.filter((p) => p.reason === 'empty').map((p) => p.position),
      true,
    );
    expect(onlyEmpty.examples).toBe(63); // near pairs listed, not removed unless chosen
    const cleaned = applyClean(
      ws,
      r.version.id,
      review.proposed.map((p) => p.position),
      true,
    );
    expect(cleaned).toMatchObject({ examples: 62, parentId: r.version.id, operation: 'clean' });
    const report = { version: cleaned };
    expect(() => ws.db.prepare('UPDATE dataset_versions SET examples = 0').run()).toThrow(/immutable/);
    expect(() => ws.db.prepare('UPDATE dataset_members SET split = NULL').run()).toThrow(/immutable/);
    const removed = removeMembers(ws, report.version.id, [0, 1], 'review');
    expect(removed).toMatchObject({ examples: 60, parentId: report.version.id, operation: 'remove' });
    const edited = editMember(ws, removed.id, 0, {
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A' },
      ],
    });
    expect(loadMembers(ws, edited.id)[0]!.example).toEqual({
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A' },
      ],
    });
    expect(ws.datasets.listVersions(r.dataset.id).map((v) => v.operation)).toEqual(['import', 'clean', 'clean', 'remove', 'edit']);
    const page = pageMembers(ws, edited.id, 10, 5);
    expect(page.total).toBe(60);
    expect(page.items.map((m) => m.position)).toEqual([10, 11, 12, 13, 14]);
  });

  it('split is deterministic, stratified, leak-free; stats and exports read it back', async () => {
    const { ws, r } = await seeded();
    const review = reviewVersion(ws, r.version.id, { threshold: 0.7, nearDuplicates: true });
    const clean = applyClean(
      ws,
      r.version.id,
      review.proposed.map((p) => p.position),
      true,
    );
    const a = splitVersion(ws, clean.id, { seed: 9, stratifyBy: 'category', ratios: { train: 0.8, validation: 0.1, test: 0.1 } });
    const b = splitVersion(ws, clean.id, { seed: 9, stratifyBy: 'category', ratios: { train: 0.8, validation: 0.1, test: 0.1 } });
    expect(b.version.hash).toBe(a.version.hash);
    expect(b.version.id).not.toBe(a.version.id);
    expect(a.counts.train + a.counts.validation + a.counts.test).toBe(62);
    expect(a.leakage.ok).toBe(true);
    expect(versionLeakage(ws, a.version.id).ok).toBe(true);
    const members = loadMembers(ws, a.version.id);
    for (const cat of ['tax', 'lease', 'tort']) {
      const ofCat = members.filter((m) => 'messages' in m.example && m.example.metadata?.['category'] === cat);
      expect(ofCat.filter((m) => m.split === 'test').length).toBe(2);
    }
    const stats = await versionTokenStats(ws, a.version.id, { maxTokens: 20, bins: 20 });
    expect(stats).toMatchObject({ count: 62, tokenizer: 'rough' });
    expect(stats.histogram.reduce((n, h) => n + h.count, 0)).toBe(62);
    const test = await versionTokenStats(ws, a.version.id, { maxTokens: 20, bins: 20, split: 'test' });
    expect(test.count).toBe(a.counts.test);

    const out = tmp();
    const jsonl = exportVersion(ws, clean.id, { format: 'jsonl', outFile: join(out, 'clean.jsonl') });
    expect(jsonl.examples).toBe(62);
    const reimported = await importIntoWorkspace(ws, jsonl.file, { projectId: r.project.id });
    expect(reimported.version.hash).toBe(clean.hash); // a lossless round trip
    const csv = exportVersion(ws, a.version.id, { format: 'csv', outFile: join(out, 'test.csv'), split: 'test' });
    const text = readFileSync(csv.file, 'utf8');
    expect(text.startsWith('\uFEFFsplit,system,user,assistant,conversation,category\r\n')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(1 + a.counts.test);
  });

  it('deleting the project removes its datasets and the examples no other dataset uses', async () => {
    const { ws, r } = await seeded();
    await deleteProject(ws, r.project.id, 'QA');
    expect(ws.datasets.getDataset(r.dataset.id)).toBeUndefined();
    expect(ws.db.prepare('SELECT count(*) AS n FROM examples').get()).toEqual({ n: 0 });
    expect(ws.datasets.collectOrphanExamples()).toBe(0);
  });
});
