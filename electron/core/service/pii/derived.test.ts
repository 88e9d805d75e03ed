// A clinic in the UK: its dates are read day first (the project's locale), and a version made from a pseudonymized
// one (its split) carries the redaction and is not re-flagged for the pseudonyms Fieldtune wrote itself.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contract/jobs.js';
import type { PiiApplyResult, PiiScanSummary } from '../../../contract/pii.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { shiftDateText } from '../../pii/dateShift.js';
import { mapDir } from './maps.js';

const tmp = tempDir('fieldtune-pii-derived-');
let core: Core;
let projectId: string;
let redacted: PiiApplyResult;

const CSV = [
  'Patient question,Reception reply',
  '"This is Margaret Ellison, DOB 02/11/2015, can I move my appointment? My mobile is 07700 900123.","Of course, Margaret, we will ring you back."',
  '"Margaret Ellison again: is Dr Patel in on Friday?","Yes, Dr Patel works on Fridays."',
  '"When does the clinic open?","At eight."',
  '"Do you take walk-ins?","Only in the morning."',
].join('\n');

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const texts = async (versionId: string) =>
  (await core.call('datasets:examples', { versionId, offset: 0, limit: 50 })).rows.map((r) => r.messages!.map((m) => m.content).join('\n')).join('\n');

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Front desk', domain: 'medical', locale: 'en-GB' })).id;
  writeFileSync(join(tmp.dir, 'desk.csv'), CSV);
  const imp = await finished((await core.call('datasets:import', { projectId, path: join(tmp.dir, 'desk.csv') })).id);
  expect(imp.status, imp.error?.message ?? '').toBe('succeeded');
  const v1 = (await core.call('datasets:list', { projectId }))[0]!.versions[0]!.id;
  expect((await finished((await core.call('pii:scan', { versionId: v1 })).id)).status).toBe('succeeded');
  const job = await finished((await core.call('pii:apply', { versionId: v1, mode: 'pseudonym', policy: { types: ['NAME', 'DATE', 'PHONE'] } })).id);
  expect(job.status, job.error?.message ?? '').toBe('succeeded');
  redacted = job.result as PiiApplyResult;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('a project locale', () => {
  it('is kept with the project, can be changed, and refuses what is not a locale', async () => {
    expect((await core.call('projects:get', { id: projectId })).locale).toBe('en-GB');
    const other = await core.call('projects:create', { name: 'Elsewhere' });
    expect(other.locale).toBe(Intl.DateTimeFormat().resolvedOptions().locale); // the system's, by default
    expect((await core.call('projects:set-locale', { id: other.id, locale: 'en-us' })).locale).toBe('en-US');
    await expect(core.call('projects:set-locale', { id: other.id, locale: 'not a locale' })).rejects.toThrow(/locale/);
    expect((await core.call('projects:get', { id: other.id })).locale).toBe('en-US');
  });

  it('reads a UK date of birth day first and shifts it in its own format', async () => {
    const [file] = readdirSync(mapDir({ dir: join(tmp.dir, 'ws') }));
    const map = JSON.parse(readFileSync(join(mapDir({ dir: join(tmp.dir, 'ws') }), file!), 'utf8')) as { map: { dateShifts: Record<string, number> } };
    const shifts = Object.values(map.map.dateShifts);
    const out = await texts(redacted.version.id);
    expect(out).not.toContain('02/11/2015');
    const dayFirst = shifts.map((d) => shiftDateText('02/11/2015', d, true)!);
    expect(dayFirst.some((d) => out.includes(`DOB ${d}`))).toBe(true);
    // Read month first (11 February), the shifted date would be a different one.
    const monthFirst = shifts.map((d) => shiftDateText('02/11/2015', d, false)!);
    expect(monthFirst.some((d) => out.includes(`DOB ${d}`))).toBe(false);
  });
});

describe('a version made from a redacted version', () => {
  it('inherits the redaction, and a new check recognises the pseudonyms instead of flagging them', async () => {
    const split = await core.call('datasets:split', { versionId: redacted.version.id, shares: { train: 50, validation: 25, test: 25 } });
    const status = await core.call('pii:status', { versionId: split.version.id });
    expect(status.redactedIn).toBe(redacted.version.id);
    expect((await core.call('pii:report', { versionId: split.version.id }))?.report.totalRedacted).toBe(redacted.report.totalRedacted);
    const job = await finished((await core.call('pii:scan', { versionId: split.version.id })).id);
    const summary = job.result as PiiScanSummary;
    const flagged = Object.values(summary.detected).reduce((a, b) => a + b, 0);
    expect(flagged).toBe(0);
    expect(summary.surrogates).toBeGreaterThanOrEqual(4); // two names, a shifted date, a phone number
  });

  it('a version with no redaction upstream says so', async () => {
    const v1 = redacted.version.parentId!;
    expect((await core.call('pii:status', { versionId: v1 })).redactedIn).toBeNull();
    expect(await core.call('pii:report', { versionId: v1 })).toBeNull();
  });
});
