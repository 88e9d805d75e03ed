// Lineage and erasure through the door: an example imported, redacted, cleaned and split, a run seeded on the split
// and exported; lineage lists every one of them; bad requests change nothing; erasing writes a new newest version
// without the example (in any of its forms), scrubs the old ones, flags the run, audits, and the chain still checks.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBase, seedRun } from '../../../../test/unit/adapterRun.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import type { Job } from '../../../contract/jobs.js';
import { Core } from '../../core.js';
import { writeDemoModel } from '../../demoModel/index.js';
import { normalizeKey } from '../../pii/surrogates.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';
import { RedactionRepository } from '../../store/repositories/redaction.js';
import { DATABASE_FILE } from '../../workspace.js';
import { loadMap, saveMap } from '../pii/maps.js';
import { runDirOf } from '../train/runs.js';

const tmp = tempDir('fieldtune-lineage-');
let core: Core;
let projectId: string;
let runId: string;
const ids: Record<'imported' | 'redacted' | 'cleaned' | 'split', string> = { imported: '', redacted: '', cleaned: '', split: '' };

const CSV = [
  'Patient question,Reception reply',
  '"This is Margaret Ellison, can I move my appointment? My mobile is 07700 900123.","Of course, Margaret, we will ring you back."',
  '"When does the clinic open?","At eight."',
  '"Do you take walk-ins?","Only in the morning."',
  '"Is there parking?","Yes, behind the building."',
].join('\n');

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const texts = async (versionId: string) =>
  (await core.call('datasets:examples', { versionId, offset: 0, limit: 50 })).rows.map((r) => r.messages!.map((m) => m.content).join('\n'));
/** What a refused request must leave as it was. */
const state = async () => ({
  audit: (await core.call('audit:list', { limit: 1000 })).length,
  versions: (await core.call('datasets:list', { projectId }))[0]!.versions.length,
  examples: await texts(ids.split),
  flags: (await core.call('train:runs', { projectId })).map((r) => r.needsRetraining),
});

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Front desk', domain: 'medical', locale: 'en-GB' })).id;
  writeFileSync(join(tmp.dir, 'desk.csv'), CSV);
  expect((await finished((await core.call('datasets:import', { projectId, path: join(tmp.dir, 'desk.csv') })).id)).status).toBe('succeeded');
  ids.imported = (await core.call('datasets:list', { projectId }))[0]!.versions[0]!.id;
  expect((await finished((await core.call('pii:scan', { versionId: ids.imported })).id)).status).toBe('succeeded');
  const redact = await finished((await core.call('pii:apply', { versionId: ids.imported, mode: 'mask', policy: { types: ['NAME', 'PHONE'] } })).id);
  expect(redact.status, redact.error?.message ?? '').toBe('succeeded');
  const versions = () => core.call('datasets:list', { projectId }).then((d) => d[0]!.versions);
  ids.redacted = (await versions()).at(-1)!.id;
  ids.cleaned = (await core.call('datasets:clean', { versionId: ids.redacted, remove: [2], normalize: false })).id;
  ids.split = (await core.call('datasets:split', { versionId: ids.cleaned, shares: { train: 0.67, validation: 0.33, test: 0 } })).version.id;
  const model = await writeDemoModel({ out: join(tmp.dir, 'base.gguf'), layers: 1, embd: 32, heads: 2, headsKv: 1, ff: 32, ctx: 64 });
  runId = await seedRun(core.ws, await registerBase(core.ws, model.path), 'Front desk', 1, [{ versionId: ids.split, weight: 1 }]);
  await core.call('datasets:export', { versionId: ids.cleaned, format: 'csv', outFile: join(tmp.dir, 'for-review.csv') });
  const exported = await finished((await core.call('adapters:export', { runId, format: 'gguf', out: join(tmp.dir, 'shared.gguf') })).id);
  expect(exported.status, exported.error?.message ?? '').toBe('succeeded');
  await plantElsewhere();
});

const QUOTE = 'This is Margaret Ellison, can I move my appointment? My mobile is 07700 900123.';
const datasetId = async () => (await core.call('datasets:list', { projectId }))[0]!.id;

/** The example's text where erasure must also reach it besides the versions (issue 16 item 8's leftovers). */
async function plantElsewhere(): Promise<void> {
  const ws = core.ws;
  // a tokenized training file in the run's folder (a real one holds token ids; the text stands for them here)
  mkdirSync(runDirOf(ws, runId), { recursive: true });
  writeFileSync(join(runDirOf(ws, runId), 'train.fttrain'), `tokens of: ${QUOTE}`);
  // an inbox suggestion quoting it, and one that does not
  for (const [id, prompt] of [
    ['inbox-quoting', QUOTE],
    ['inbox-other', 'Is the pharmacy open on Sundays?'],
  ] as const) {
    ws.inbox.insert({
      id,
      projectId,
      source: 'playground',
      runId,
      prompt,
      answers: [{ label: 'tuned', text: 'We will call you back.' }],
      choice: null,
      correction: null,
      rating: 'down',
      author: 'tester',
      status: 'pending',
      reviewCorrection: null,
      decidedBy: null,
      decidedAt: null,
      committedVersionId: null,
      createdAt: new Date().toISOString(),
    } as never);
  }
  // a stored evaluation whose result and report files quote it
  const evaluations = evaluationsOf(ws);
  evaluations.add({
    id: 'eval-quoting',
    projectId,
    runId,
    versionId: ids.split,
    jobId: null,
    createdAt: new Date().toISOString(),
    systems: ['base', 'tuned'],
    verdict: 'better',
    leakPassed: true,
    result: { examples: [{ prompt: QUOTE, reference: 'Of course, Margaret, we will ring you back.', scores: { chrf: 41.5 } }] },
  });
  const html = await ws.blobs.put(Buffer.from(`<p>${QUOTE}</p>`));
  const pdf = await ws.blobs.put(Buffer.from(`%PDF ${QUOTE}`));
  ws.blobs.reference(projectId, html.sha256, 'report');
  ws.blobs.reference(projectId, pdf.sha256, 'report');
  evaluations.saveReport('eval-quoting', html.sha256, pdf.sha256);
  // the pseudonym map of the dataset holds her name and number; a reviewer's decision names her
  const dataset = await datasetId();
  saveMap(ws, dataset, {
    secret: Buffer.alloc(32, 7),
    map: {
      version: 1,
      entries: { NAME: { [normalizeKey('NAME', 'Margaret Ellison')]: 'Anna Berg', [normalizeKey('NAME', 'Tom Field')]: 'Max Ode' } },
      dateShifts: {},
    },
  });
  new RedactionRepository(ws.db).setDecision(dataset, 'NAME', 'Margaret Ellison', 'accept', new Date().toISOString());
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('lineage', () => {
  it('lists every version that holds the example (imported, redacted, cleaned, split), the run, its adapter and the export', async () => {
    const lineage = await core.call('lineage:example', { versionId: ids.imported, position: 0 });
    expect(lineage.subject).toEqual({ kind: 'example', preview: expect.stringContaining('Margaret Ellison') as unknown });
    expect(lineage.versions.map((v) => [v.id, v.operation, v.positions, v.latest])).toEqual([
      [ids.imported, 'import', [0], false],
      [ids.redacted, 'redact', [0], false],
      [ids.cleaned, 'clean', [0], false],
      [ids.split, 'split', [0], true],
    ]);
    expect(lineage.runs).toMatchObject([{ id: runId, versionIds: [ids.split], hasAdapter: true, needsRetraining: null }]);
    expect(lineage.exports).toMatchObject([
      { runId: null, versionId: ids.cleaned, format: 'data-csv', out: join(tmp.dir, 'for-review.csv') },
      { runId, versionId: null, format: 'gguf', out: join(tmp.dir, 'shared.gguf') },
    ]);
    // an example the others never touched is only where it was imported and copied
    const other = await core.call('lineage:example', { versionId: ids.imported, position: 2 });
    expect(other.versions.map((v) => v.id)).toEqual([ids.imported, ids.redacted]);
    expect(other.runs).toEqual([]);
  });

  it("lists an imported file's versions and what was trained on them", async () => {
    const lineage = await core.call('lineage:file', { projectId, fileName: 'desk.csv' });
    expect(lineage.versions.map((v) => v.id)).toEqual([ids.imported, ids.redacted, ids.cleaned, ids.split]);
    expect(lineage.runs.map((r) => r.id)).toEqual([runId]);
    await expect(core.call('lineage:file', { projectId, fileName: 'other.csv' })).rejects.toThrow(
      /No data in this project was imported from a file named other.csv/,
    );
  });
});

describe('erasure', () => {
  it('refuses bad requests and changes nothing', async () => {
    const before = await state();
    await expect(core.call('lineage:erase', { versionId: ids.split, position: 0, confirm: 'yes' })).rejects.toThrow(/type the word "erase"/);
    await expect(core.call('lineage:erase', { versionId: 'no-such-version', position: 0, confirm: 'erase' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.call('lineage:erase', { versionId: ids.split, position: 99, confirm: 'erase' })).rejects.toThrow(/no example #100/);
    await expect(core.call('lineage:erase', { versionId: ids.split, position: 0 } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.call('lineage:erase', { versionId: ids.split, position: -1, confirm: 'erase' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await state()).toEqual(before);
  });

  it('takes the example out of the newest version, scrubs the older ones, flags the run and audits it', async () => {
    const result = await core.call('lineage:erase', { versionId: ids.redacted, position: 0, confirm: 'Erase', reason: 'patient request' });
    expect(result).toMatchObject({ scrubbedVersions: 4, flaggedRuns: [runId], exportsOutside: 2 });
    expect(result.newVersions).toMatchObject([{ fromVersionId: ids.split, removed: 1 }]);
    const newest = result.newVersions[0]!.versionId;
    const versions = (await core.call('datasets:list', { projectId }))[0]!.versions;
    expect(versions.at(-1)).toMatchObject({ id: newest, parentId: ids.split, operation: 'erase', examples: 2 });
    expect(versions.at(-1)!.erasedExamples).toBeUndefined();
    expect(versions.find((v) => v.id === ids.imported)!.erasedExamples).toBe(1);
    expect((await texts(newest)).join('\n')).not.toMatch(/Margaret|appointment|07700/);
    // the older versions keep their size and order; the example's place holds a placeholder
    for (const id of [ids.imported, ids.redacted, ids.cleaned, ids.split]) {
      const rows = await texts(id);
      expect(rows[0]).toBe('[erased]\n[erased]');
      expect(rows.join('\n')).not.toMatch(/appointment/);
    }
    // the text is gone from the database file itself (secure delete, log folded back)
    const db = readFileSync(join(core.ws.dir, DATABASE_FILE));
    expect([db.includes('move my appointment'), db.includes('07700 900123')]).toEqual([false, false]);
    const run = (await core.call('train:runs', { projectId })).find((r) => r.id === runId)!;
    expect(run.needsRetraining?.reason).toMatch(/erased on \d{1,2} [A-Z][a-z]+ \d{4} \(patient request\)\. Train it again/);
    const audit = await core.call('audit:list', { limit: 5, action: 'lineage.' });
    // the erasure's row, then the row of the files it reached after the database committed
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['lineage.erase-files', 'lineage.erase']);
    expect(audit[1]).toMatchObject({ action: 'lineage.erase', subject: result.erasureId, details: { flaggedRuns: [runId], exportsOutside: 2 } });
    expect(JSON.stringify(audit.slice(0, 2))).not.toMatch(/Margaret|appointment/);
    expect((await core.call('audit:verify', {})).ok).toBe(true);
    // lineage afterwards: the old versions say they were scrubbed, the run is flagged, and an erased place cannot be erased again
    const after = await core.call('lineage:example', { versionId: ids.imported, position: 1 });
    expect(after.versions.find((v) => v.id === ids.imported)).toMatchObject({ erased: true });
    await expect(core.call('lineage:erase', { versionId: ids.imported, position: 0, confirm: 'erase' })).rejects.toThrow(/already erased/);
  });

  it('reaches the training files, inbox, stored evaluation and its report files, pseudonym map and review decisions', async () => {
    const ws = core.ws;
    // every file of the workspace, the database included: neither her name nor the request is anywhere
    for (const file of filesUnder(ws.dir)) {
      const bytes = readFileSync(file);
      for (const needle of ['Margaret Ellison', 'move my appointment', 'margaret ellison']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${file}`).toBe(false);
      }
    }
    expect(readdirSync(runDirOf(ws, runId)).filter((n) => n.endsWith('.fttrain'))).toEqual([]);
    expect(ws.inbox.list(projectId).map((i) => i.id)).toEqual(['inbox-other']);
    // the evaluation keeps its scores; its text is replaced, its report files are gone, the erasure lists it
    const evaluation = evaluationsOf(ws).get('eval-quoting')!;
    expect(JSON.parse(evaluation.result)).toEqual({ examples: [{ prompt: '[erased]', reference: '[erased]', scores: { chrf: 41.5 } }] });
    expect([evaluation.report_sha256, evaluation.report_pdf_sha256]).toEqual([null, null]);
    const audit = await core.call('audit:list', { limit: 5, action: 'lineage.' });
    const erase = audit.find((a) => a.action === 'lineage.erase')!;
    expect(erase.details).toMatchObject({ scrubbedEvaluations: ['eval-quoting'], inboxItems: 1, piiDecisions: 1 });
    expect(audit.find((a) => a.action === 'lineage.erase-files')?.details).toMatchObject({ mapEntries: 1, trainingFiles: 1, reportFiles: 2 });
    // the map keeps the other pair; the decision is gone
    const map = loadMap(ws, await datasetId())!;
    expect(Object.values(map.map.entries.NAME ?? {})).toEqual(['Max Ode']);
    expect(new RedactionRepository(ws.db).decisions(await datasetId())).toEqual([]);
    expect((await core.call('audit:verify', {})).ok).toBe(true);
  });
});
