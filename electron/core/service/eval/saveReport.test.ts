// A saved copy of an evaluation report: in an encrypted workspace the kept report files are encrypted (and the report
// says so), while the copy the person saves opens as a plain PDF or web page; a file already there is never replaced
// without being told to; the audit log records where the copy went.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../../contract/evaluation.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { isEncryptedBytes } from '../../disk/encryption.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';

const tmp = tempDir('fieldtune-save-report-');
let core: Core;
const scores = { exactMatch: 0.5, tokenF1: 0.6, rougeL: 0.5, bleu: 20, chrF: 40, jsonValid: null, fitsSchema: null, rules: null, perplexity: null };
const result: EvaluationResult = {
  systems: { base: scores, tuned: { ...scores, tokenF1: 0.8 } },
  comparisons: [],
  examples: [],
  rules: [],
  probes: null,
  settings: { maxNewTokens: 8, shots: 0, baseline: false, probes: false, seed: 1, systemPrompt: null, rules: [], jsonSchema: null, expectJson: false },
};

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  await core.call('workspace:encrypt', { passphrase: 'a long private sentence for reports' });
  const projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  core.ws.trainingRuns.create({ id: 'run-1', projectId, jobId: null, baseSha256: 'b', trainSha256: 't', valSha256: null, settings: {} });
  evaluationsOf(core.ws).add({
    id: 'eval-1',
    projectId,
    runId: 'run-1',
    versionId: 'v1',
    jobId: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    systems: result.systems,
    verdict: null,
    leakPassed: null,
    result,
  });
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('saving a copy of a report', () => {
  it('keeps the report encrypted in an encrypted workspace and saves a plain copy where the person chose', async () => {
    const report = await core.call('eval:report', { id: 'eval-1' });
    expect(report.encrypted).toBe(true);
    expect(isEncryptedBytes(readFileSync(report.pdfPath))).toBe(true);
    expect(isEncryptedBytes(readFileSync(report.htmlPath))).toBe(true);

    const pdf = join(tmp.dir, 'report.pdf');
    expect(await core.call('eval:save-report', { id: 'eval-1', format: 'pdf', outFile: pdf })).toEqual({ file: pdf });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const html = join(tmp.dir, 'report.html');
    await core.call('eval:save-report', { id: 'eval-1', format: 'html', outFile: html });
    expect(readFileSync(html, 'utf8')).toBe(report.html);
    const [audit] = await core.call('audit:list', { limit: 1, action: 'eval.report-saved' });
    expect(audit).toMatchObject({ subject: 'eval-1', details: { out: html, format: 'html' } });
  });

  it('asks before replacing a file, and refuses a folder that does not exist', async () => {
    const mine = join(tmp.dir, 'mine.pdf');
    writeFileSync(mine, 'my own file');
    await expect(core.call('eval:save-report', { id: 'eval-1', format: 'pdf', outFile: mine })).rejects.toMatchObject({
      code: 'CONFLICT',
      fix: { setting: 'overwrite' },
    });
    expect(readFileSync(mine, 'utf8')).toBe('my own file');
    await core.call('eval:save-report', { id: 'eval-1', format: 'pdf', outFile: mine, overwrite: true });
    expect(readFileSync(mine).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(core.call('eval:save-report', { id: 'eval-1', format: 'pdf', outFile: join(tmp.dir, 'nowhere', 'r.pdf') })).rejects.toThrow(
      /The folder .*nowhere does not exist/,
    );
    await expect(core.call('eval:save-report', { id: 'missing', format: 'pdf', outFile: join(tmp.dir, 'x.pdf') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
