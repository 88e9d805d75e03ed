// The 'pii:*' requests through Core.call, as every host sends them: scan job, review with remembered decisions,
// apply as a new version with its report, the pseudonym map kept apart, cancel, and project deletion.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contract/jobs.js';
import type { PiiApplyResult, PiiScanSummary } from '../../../contract/pii.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { mapDir } from './maps.js';

const tmp = tempDir('fieldtune-pii-');
let core: Core;
let projectId: string;
let datasetId: string;
let v1: string;

const CSV = [
  'Question,Answer',
  '"Patient Maria Kowalski (MRN 00482913) called on 03/14/2024 about her refill. Phone 617-555-0143.","Thank you, we will call her back."',
  // Shelbyville is in no town list: the detector misses it and the reviewer adds it (Springfield is found since issue 17).
  '"Can Maria Kowalski move her appointment? She lives at 12 Elm Street, Shelbyville.","Yes, Friday works."',
  '"Mrs. Kowalski asked whether Dr. Patel can see her; email maria.k@example.com.","Dr. Patel has time on Monday."',
  '"Reminder for Maria Kowalski: bring the insurance card.","Noted."',
  '"When does the clinic open?","At eight."',
].join('\n');
const IDENTIFIERS = ['Maria', 'Kowalski', '00482913', '03/14/2024', '617-555-0143', '12 Elm Street', 'Shelbyville', 'maria.k@example.com'];

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Clinic', domain: 'medical' })).id;
  writeFileSync(join(tmp.dir, 'calls.csv'), CSV);
  const job = await finished((await core.call('datasets:import', { projectId, path: join(tmp.dir, 'calls.csv') })).id);
  expect(job.status).toBe('succeeded');
  const [dataset] = await core.call('datasets:list', { projectId });
  datasetId = dataset!.id;
  v1 = dataset!.versions[0]!.id;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('pii:scan and pii:spans', () => {
  it('refuses to list spans before a scan, then scans as a job and counts by type', async () => {
    await expect(core.call('pii:spans', { versionId: v1, offset: 0, limit: 10 })).rejects.toThrow(/not been checked/);
    const job = await finished((await core.call('pii:scan', { versionId: v1 })).id);
    expect(job.status).toBe('succeeded');
    const summary = job.result as PiiScanSummary;
    expect(summary).toMatchObject({ versionId: v1, examples: 5, examplesWithSpans: 4 });
    expect(summary.detected.NAME).toBeGreaterThanOrEqual(4);
    expect(summary.detected).toMatchObject({ MRN: 1, PHONE: 1, EMAIL: 1, DATE: 1 });
    const status = await core.call('pii:status', { versionId: v1 });
    expect(status).toMatchObject({ datasetId, scan: { examples: 5 }, decisions: [], map: { exists: false }, hasReport: false });
  });

  it('a cancelled rescan keeps the earlier scan', async () => {
    const before = (await core.call('pii:status', { versionId: v1 })).scan!.scannedAt;
    const job = await core.call('pii:scan', { versionId: v1 });
    expect((await core.call('jobs:cancel', { id: job.id })).status).toBe('cancelled');
    expect((await core.call('pii:status', { versionId: v1 })).scan!.scannedAt).toBe(before);
  });

  it('returns each example with its fields and spans whose offsets point into the field text', async () => {
    const page = await core.call('pii:spans', { versionId: v1, offset: 0, limit: 10 });
    expect(page.total).toBe(4);
    for (const r of page.records) for (const f of r.fields) for (const s of f.spans) expect(f.text.slice(s.start, s.end)).toBe(s.text);
    const first = page.records[0]!;
    expect(first.fields.map((f) => f.label)).toEqual(['Question', 'Answer']);
    expect(first.fields[0]!.spans.map((s) => [s.type, s.text, s.status])).toContainEqual(['MRN', '00482913', 'detected']);
    const phones = await core.call('pii:spans', { versionId: v1, offset: 0, limit: 10, type: 'PHONE' });
    expect(phones.records.map((r) => r.position)).toEqual([0]);
  });
});

describe('pii:decide', () => {
  it('rejects a string everywhere, adds a missed one, and remembers both for the dataset', async () => {
    const decisions = await core.call('pii:decide', {
      versionId: v1,
      changes: [
        { scope: 'span', decision: 'reject', type: 'NAME', text: 'Patel' },
        { scope: 'add', type: 'LOCATION', text: 'Shelbyville', at: { position: 1, field: 'm0', start: CSV.split('\n')[2]!.indexOf('Shelbyville') - 1 } },
      ],
    });
    expect(decisions.map((d) => [d.decision, d.type, d.text])).toEqual([
      ['reject', 'NAME', 'Patel'],
      ['added', 'LOCATION', 'Shelbyville'],
    ]);
    const page = await core.call('pii:spans', { versionId: v1, offset: 0, limit: 10 });
    const all = page.records.flatMap((r) => r.fields.flatMap((f) => f.spans));
    expect(all.filter((s) => s.text === 'Patel').map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(all.filter((s) => s.text === 'Shelbyville').map((s) => [s.type, s.status])).toEqual([['LOCATION', 'added']]);
    expect((await core.call('pii:status', { versionId: v1 })).current?.LOCATION).toBe(2);
  });

  it('says clearly when an added span is not where the reviewer says, or is part of a word', async () => {
    await expect(
      core.call('pii:decide', { versionId: v1, changes: [{ scope: 'add', type: 'NAME', text: 'Friday', at: { position: 0, field: 'm0', start: 3 } }] }),
    ).rejects.toThrow(/not at that place in example #1/);
    await expect(
      core.call('pii:decide', { versionId: v1, changes: [{ scope: 'add', type: 'NAME', text: 'Kowal', at: { position: 0, field: 'm0', start: 14 } }] }),
    ).rejects.toThrow(/part of a longer word/);
    await expect(core.call('pii:decide', { versionId: v1, changes: [{ scope: 'add', type: 'NAME', text: 'Zebedee' }] })).rejects.toThrow(/does not appear/);
    await expect(
      core.call('pii:decide', { versionId: v1, changes: [{ scope: 'span', decision: 'reject', type: 'NOPE', text: 'x' }] } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('accepts or undoes every string of a type at once', async () => {
    const accepted = await core.call('pii:decide', { versionId: v1, changes: [{ scope: 'type', decision: 'accept', type: 'PHONE' }] });
    expect(accepted.filter((d) => d.type === 'PHONE').map((d) => [d.decision, d.text])).toEqual([['accept', '617-555-0143']]);
    const undone = await core.call('pii:decide', { versionId: v1, changes: [{ scope: 'type', decision: 'undo', type: 'PHONE' }] });
    expect(undone.some((d) => d.type === 'PHONE')).toBe(false);
  });
});

describe('pii:apply', () => {
  it('refuses an empty policy with a plain message', async () => {
    await expect(core.call('pii:apply', { versionId: v1, mode: 'mask', policy: { types: [] } })).rejects.toThrow(/at least one kind of identifier/);
  });

  it('writes a new pseudonymized version: no original identifiers, one surrogate per person, report kept, map apart', async () => {
    const job = await finished(
      (await core.call('pii:apply', { versionId: v1, mode: 'pseudonym', policy: { types: ['NAME', 'LOCATION', 'DATE', 'PHONE', 'EMAIL', 'MRN'] } })).id,
    );
    expect(job.status, job.error?.message ?? '').toBe('succeeded');
    const { version, report } = job.result as PiiApplyResult;
    expect(version).toMatchObject({ parentId: v1, operation: 'redact', examples: 5 });
    const rows = (await core.call('datasets:examples', { versionId: version.id, offset: 0, limit: 10 })).rows;
    const text = rows.map((r) => r.messages!.map((m) => m.content).join('\n')).join('\n');
    for (const id of IDENTIFIERS) expect(text).not.toContain(id);
    expect(text).toContain('Dr. Patel'); // rejected by the reviewer: kept
    // The same person has the same full-name surrogate in every row.
    const full = /Patient (\p{Lu}\p{L}+ \p{Lu}\p{L}+) \(MRN/u.exec(rows[0]!.messages![0]!.content)![1]!;
    expect(rows[1]!.messages![0]!.content).toContain(full);
    expect(rows[3]!.messages![0]!.content).toContain(full);
    expect(rows[2]!.messages![0]!.content).toContain(`Mrs. ${full.split(' ')[1]}`);
    expect(report).toMatchObject({ mode: 'pseudonym', records: 5, review: { rejected: 1, added: 1 } });
    expect(report.redacted.LOCATION).toBe(2);
    // Span counts add up for every kind: "Patel" twice kept, "Shelbyville" added once, kinds outside the policy kept.
    expect([report.kept?.NAME, report.added?.LOCATION]).toEqual([2, 1]);
    for (const t of Object.keys(report.detected) as (keyof typeof report.detected)[])
      expect(report.detected[t] + report.added![t], t).toBe(report.redacted[t] + report.kept![t]);
    const stored = await core.call('pii:report', { versionId: version.id });
    expect(stored).toMatchObject({ sourceVersionId: v1, report: { totalRedacted: report.totalRedacted } });
    expect(stored!.decisions.map((d) => d.text)).toEqual(['Patel', 'Shelbyville']);
    expect(await core.call('pii:report', { versionId: v1 })).toBeNull();
    // The map is a file of its own, outside the database, with the originals in it.
    const mapFile = join(mapDir(core.ws), `${datasetId}.json`);
    expect(readFileSync(mapFile, 'utf8')).toContain('kowalski');
    expect((await core.call('pii:status', { versionId: version.id })).map.exists).toBe(true);
    // The audit log holds counts, never the identifiers.
    expect(JSON.stringify(await core.call('audit:list', { limit: 100 }))).not.toMatch(/Kowalski|Shelbyville|Patel/);
  });

  it('a mask run replaces spans with typed placeholders', async () => {
    const job = await finished((await core.call('pii:apply', { versionId: v1, mode: 'mask', policy: { types: ['NAME', 'MRN'] } })).id);
    const { version } = job.result as PiiApplyResult;
    const first = (await core.call('datasets:examples', { versionId: version.id, offset: 0, limit: 1 })).rows[0]!.messages![0]!.content;
    expect(first).toBe('Patient [NAME] (MRN [MRN]) called on 03/14/2024 about her refill. Phone 617-555-0143.');
  });

  it('a cancelled apply writes no version and no report', async () => {
    const before = (await core.call('datasets:list', { projectId }))[0]!.versions.length;
    const job = await core.call('pii:apply', { versionId: v1, mode: 'mask', policy: { types: ['NAME'] } });
    const cancelled = await core.call('jobs:cancel', { id: job.id });
    expect(cancelled.status).toBe('cancelled');
    expect((await core.call('datasets:list', { projectId }))[0]!.versions.length).toBe(before);
  });

  it('deletes the pseudonym map on request, and a deleted project takes its maps and decisions along', async () => {
    expect(await core.call('pii:delete-map', { datasetId })).toEqual({ deleted: true });
    expect(await core.call('pii:delete-map', { datasetId })).toEqual({ deleted: false });
    expect(existsSync(join(mapDir(core.ws), `${datasetId}.json`))).toBe(false);
    await finished((await core.call('pii:apply', { versionId: v1, mode: 'pseudonym', policy: { types: ['NAME'] } })).id);
    expect(existsSync(join(mapDir(core.ws), `${datasetId}.json`))).toBe(true);
    await core.call('projects:delete', { id: projectId, confirmName: 'Clinic' });
    expect(existsSync(join(mapDir(core.ws), `${datasetId}.json`))).toBe(false);
    const left = core.ws.db
      .prepare('SELECT (SELECT count(*) FROM pii_decisions) + (SELECT count(*) FROM redaction_reports) + (SELECT count(*) FROM pii_scans) AS n')
      .get() as { n: number };
    expect(left.n).toBe(0);
  });
});

describe('templates', () => {
  it('returns a domain template and imports its samples as a dataset', async () => {
    const t = await core.call('templates:get', { domain: 'legal' });
    expect(t.identifierTypes).toContain('CASE_NUMBER');
    expect(t.systemPrompt.length).toBeGreaterThan(20);
    await expect(core.call('templates:get', { domain: 'general' } as never)).rejects.toThrow(/medical, legal, finance and education/);
    const p = await core.call('projects:create', { name: 'Law', domain: 'legal' });
    const job = await finished((await core.call('templates:import-sample', { projectId: p.id, domain: 'legal' })).id);
    expect(job.status).toBe('succeeded');
    const [d] = await core.call('datasets:list', { projectId: p.id });
    expect(d).toMatchObject({ name: 'Legal drafting and review (sample)', versions: [{ examples: t.samples.length }] });
  });
});

describe('surrogate collisions', () => {
  it('counts a surrogate that equals a real name word found elsewhere in the dataset', async () => {
    const { redactExamples } = await import('../../pii/redactExamples.js');
    const { createPseudonymMap } = await import('../../pii/redact.js');
    const { loadPiiResources } = await import('../../pii/resources.js');
    const examples = [
      {
        position: 0,
        hash: 'a',
        split: null,
        example: { text: 'Maria Kowalski called.' },
        fields: [{ field: 'text', label: 'Text', text: 'Maria Kowalski called.' }],
      },
      {
        position: 1,
        hash: 'b',
        split: null,
        example: { text: 'Tomás Ferreira called.' },
        fields: [{ field: 'text', label: 'Text', text: 'Tomás Ferreira called.' }],
      },
    ];
    const span = (text: string, start: number) => ({
      start,
      end: start + text.length,
      type: 'NAME' as const,
      text,
      confidence: 1,
      source: 'dictionary' as const,
    });
    const scan = new Map([
      [0, { text: [span('Maria Kowalski', 0)] }],
      [1, { text: [span('Tomás Ferreira', 0)] }],
    ]);
    const base = {
      examples,
      scan,
      decisions: [],
      policy: { types: ['NAME' as const] },
      secret: 'k',
      resources: loadPiiResources(),
    };
    // A map that already hands "Kowalski" out as the surrogate for "Ferreira": the new text would name a real patient.
    const rigged = createPseudonymMap();
    rigged.entries.NAME = { ferreira: 'Kowalski' };
    const out = redactExamples({ ...base, mode: 'pseudonym', map: rigged });
    expect((out.members[1]!.example as { text: string }).text).toMatch(/ Kowalski called\.$/);
    expect(out.collisions).toBe(1);
    expect(redactExamples({ ...base, mode: 'mask', map: createPseudonymMap() }).collisions).toBe(0);
  });
});

describe('surrogates that are real elsewhere', () => {
  it('are never drawn: a name word another example really has is avoided, so nothing collides', async () => {
    const { redactExamples } = await import('../../pii/redactExamples.js');
    const { createPseudonymMap } = await import('../../pii/redact.js');
    const { loadPiiResources } = await import('../../pii/resources.js');
    const { surrogateNameWord } = await import('../../pii/surrogates.js');
    const resources = loadPiiResources();
    const natural = surrogateNameWord('Ferreira', 'k', resources); // what "Ferreira" would get with nothing to avoid
    const texts = ['Tomás Ferreira called.', `Maria ${natural} called.`];
    const examples = texts.map((text, i) => ({ position: i, hash: `h${i}`, split: null, example: { text }, fields: [{ field: 'text', label: 'Text', text }] }));
    const name = (text: string) => ({
      start: 0,
      end: text.length - ' called.'.length,
      type: 'NAME' as const,
      text: text.slice(0, -' called.'.length),
      confidence: 1,
      source: 'dictionary' as const,
    });
    const scan = new Map(texts.map((t, i) => [i, { text: [name(t)] }]));
    const out = redactExamples({
      examples,
      scan,
      decisions: [],
      mode: 'pseudonym',
      policy: { types: ['NAME'] },
      secret: 'k',
      map: createPseudonymMap(),
      resources,
    });
    expect(out.collisions).toBe(0);
    expect((out.members[0]!.example as { text: string }).text).not.toContain(natural);
  });
});

describe('fields beyond the question and answer', () => {
  it('keeps offsets exact on CRLF and emoji text, and redacts string metadata (a "Patient" column) too', async () => {
    const p = await core.call('projects:create', { name: 'Ward' });
    const file = join(tmp.dir, 'ward.jsonl');
    const content = 'Hello 👋🏽\r\nPatient: Maria Kowalski, MRN 00482913.\r\nThanks';
    writeFileSync(
      file,
      `${JSON.stringify({
        messages: [
          { role: 'user', content },
          { role: 'assistant', content: 'Noted 👍' },
        ],
        metadata: { patient: 'Maria Kowalski', ward: 'B', city: 'Springfield' },
      })}\n`,
    );
    expect((await finished((await core.call('datasets:import', { projectId: p.id, path: file })).id)).status).toBe('succeeded');
    const versionId = (await core.call('datasets:list', { projectId: p.id }))[0]!.versions[0]!.id;
    await finished((await core.call('pii:scan', { versionId })).id);
    const [record] = (await core.call('pii:spans', { versionId, offset: 0, limit: 1 })).records;
    const question = record!.fields.find((f) => f.field === 'm0')!;
    expect(question.text).toBe(content);
    for (const s of question.spans) expect(content.slice(s.start, s.end)).toBe(s.text);
    expect(question.spans.map((s) => s.text)).toEqual(['Maria Kowalski', '00482913']);
    expect(record!.fields.find((f) => f.field === 'meta:patient')?.spans.map((s) => s.type)).toEqual(['NAME']);
    // A lone town in its column is found through the column's name, and placed on the value itself.
    expect(record!.fields.find((f) => f.field === 'meta:city')?.spans).toMatchObject([{ type: 'LOCATION', start: 0, end: 11, text: 'Springfield' }]);
    const job = await finished((await core.call('pii:apply', { versionId, mode: 'mask', policy: { types: ['NAME', 'MRN'] } })).id);
    const row = (await core.call('datasets:examples', { versionId: (job.result as PiiApplyResult).version.id, offset: 0, limit: 1 })).rows[0]!;
    expect(row.messages![0]!.content).toBe('Hello 👋🏽\r\nPatient: [NAME], MRN [MRN].\r\nThanks');
    expect(row.metadata).toEqual({ patient: '[NAME]', ward: 'B', city: 'Springfield' }); // LOCATION was not in the policy
  });
});
