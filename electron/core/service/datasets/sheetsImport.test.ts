// A clinic's workbook as a receptionist's manager exports it: notes on the first sheet, questions on the second,
// dates of birth as Excel dates, a few rows without a reply. The preview says all of that; the import follows it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Job } from '../../../contract/jobs.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';

const tmp = tempDir('fieldtune-sheets-');
let core: Core;
const book = join(tmp.dir, 'front-desk.xlsx');
const csv = join(tmp.dir, 'front-desk.csv');

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['Exported from the booking system']);
  const qa = wb.addWorksheet('Questions');
  qa.addRow(['Patient question', 'Reception reply', 'Date of birth']);
  qa.addRow(['Can I move my appointment?', 'Yes, to Friday.', new Date(Date.UTC(2015, 10, 2))]);
  qa.addRow(['Do I need to fast before bloods?', '', new Date(Date.UTC(1980, 0, 31))]);
  qa.addRow(['Is there parking?', 'Behind the building.', null]);
  qa.getColumn(3).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(book);
  writeFileSync(csv, 'question,answer\nOne?,Yes.\n,An answer to nothing.\nTwo?,\nThree?,No.\n');
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('a workbook with several sheets and date cells', () => {
  it('lists the sheets, reads the chosen one, and writes dates in the locale (not as serial numbers)', async () => {
    const first = await core.call('datasets:preview', { path: book, locale: 'en-GB' });
    expect(first.sheets).toEqual(['Notes', 'Questions']);
    expect(first.problem?.kind).toBe('mapping'); // the notes sheet has no question column
    const chosen = await core.call('datasets:preview', { path: book, sheet: 'Questions', locale: 'en-GB' });
    expect(chosen.problem).toBeNull();
    expect(chosen.mapping).toEqual({ 'Patient question': 'user', 'Reception reply': 'assistant', 'Date of birth': 'ignore' });
    const withDates = await core.call('datasets:preview', { path: book, sheet: 'Questions', locale: 'en-GB', map: { 'Date of birth': 'metadata' } });
    expect(withDates.rows[0]?.metadata).toEqual({ 'Date of birth': '02/11/2015' });
    const us = await core.call('datasets:preview', { path: book, sheet: 'Questions', locale: 'en-US', map: { 'Date of birth': 'metadata' } });
    expect(us.rows[1]?.metadata).toEqual({ 'Date of birth': '01/31/1980' });
    await expect(core.call('datasets:preview', { path: book, sheet: 'Nope' })).resolves.toMatchObject({
      problem: { message: expect.stringContaining('Notes, Questions') },
    });
  });

  it('imports the chosen sheet with the project locale, skipping rows with no reply when asked', async () => {
    const project = await core.call('projects:create', { name: 'Desk', domain: 'medical', locale: 'en-GB' });
    const job = await finished(
      (await core.call('datasets:import', { projectId: project.id, path: book, sheet: 'Questions', map: { 'Date of birth': 'metadata' }, skipEmpty: true })).id,
    );
    expect(job.status, job.error?.message ?? '').toBe('succeeded');
    const result = job.result as ImportResult;
    expect(result.version).toMatchObject({ examples: 2, emptySkipped: 1 });
    const rows = (await core.call('datasets:examples', { versionId: result.version.id, offset: 0, limit: 10 })).rows;
    expect(rows[0]?.metadata).toEqual({ 'Date of birth': '02/11/2015' });
  });
});

describe('rows with an empty question or answer', () => {
  it('are counted by the preview over the whole file, with their lines', async () => {
    const p = await core.call('datasets:preview', { path: csv });
    expect(p.empty).toEqual({ count: 2, lines: [3, 4], scanned: 4, complete: true });
    expect(p.rows).toHaveLength(4);
    const skipping = await core.call('datasets:preview', { path: csv, skipEmpty: true });
    expect(skipping.rows.map((r) => r.messages?.[0]?.content)).toEqual(['One?', 'Three?']);
  });

  it('import as they are unless skipped', async () => {
    const project = await core.call('projects:create', { name: 'Empty rows' });
    const kept = (await finished((await core.call('datasets:import', { projectId: project.id, path: csv })).id)).result as ImportResult;
    expect(kept.version.examples).toBe(4);
    const skipped = (await finished((await core.call('datasets:import', { projectId: project.id, path: csv, skipEmpty: true })).id)).result as ImportResult;
    expect(skipped.version).toMatchObject({ examples: 2, emptySkipped: 2 });
  });
});
