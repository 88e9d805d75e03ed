// The specialist's rules and JSON schema in the Evaluate step, and drift, in the browser by roles and labels. A
// project with a test split and a finished run is seeded before the server starts (a random adapter on a tiny demo
// model: no training), together with one earlier evaluation whose tuned model scored well (planted, so the real
// evaluation here is sure to fall below it). The test writes two rules (an unreadable pattern first: a specific
// message and no Evaluate), pastes a schema that is not one (the core's words), loads a good one from a file,
// evaluates, reads each rule's pass rate per model and the answers that broke it, and sees the drift charts with two
// evaluations and the sentence saying the later one is worse. After a reload the editor holds the rules again.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { evaluationsOf } from '../../electron/core/store/repositories/evaluations.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';
import { screenshots, watchErrors } from './pageErrors.js';
import { startServer } from './server.js';

const snap = screenshots('evaluate-rules');
const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
const PROJECT = 'Front desk rules';

/** An earlier evaluation of the same run on which the tuned model did well, with tight intervals. */
function plantEarlier(core: Core, projectId: string, runId: string, versionId: string): void {
  const scores = (v: number) => ({ exactMatch: v, tokenF1: v, rougeL: v, bleu: 100 * v, chrF: 100 * v, jsonValid: null, fitsSchema: null, rules: null });
  const interval = (v: number) => ({ low: Math.max(0, v - 0.12), high: v + 0.1 });
  const systems = {
    base: { ...scores(0.1), perplexity: 900, intervals: { tokenF1: interval(0.1), rougeL: interval(0.1) } },
    tuned: { ...scores(0.8), perplexity: 40, intervals: { exactMatch: interval(0.8), tokenF1: interval(0.8), rougeL: interval(0.8) } },
  };
  const settings = { maxNewTokens: 8, shots: 0, baseline: false, probes: false, seed: 12345, systemPrompt: null };
  evaluationsOf(core.ws).add({
    id: randomUUID(),
    projectId,
    runId,
    versionId,
    jobId: null,
    createdAt: new Date(Date.now() - 3_600_000).toISOString(),
    systems,
    verdict: null,
    leakPassed: null,
    result: { systems, comparisons: [], examples: [], rules: [], probes: null, settings },
  });
}

test('writes rules and a schema, evaluates, reads per-rule results, and sees drift over two evaluations', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-evalrules-'));
  const ws = join(dir, 'ws');
  const core = new Core({ workspaceDir: ws, mode: 'cli' });
  try {
    const model = await writeDemoModel({ out: join(dir, 'base.gguf'), layers: 1, embd: 64, ff: 64, ctx: 4096 });
    const base = await registerBase(core.ws, model.path);
    const project = await core.call('projects:create', { name: PROJECT });
    const imported = await core.call('datasets:import', { projectId: project.id, path: SAMPLE });
    await core.ws.jobs.wait(imported.id);
    const done = await core.call('jobs:get', { id: imported.id });
    const version = done.kind === 'dataset.import' ? done.result!.version.id : '';
    const split = await core.call('datasets:split', { versionId: version, shares: { train: 0.75, validation: 0, test: 0.25 } });
    const runId = await seedRun(core.ws, base, PROJECT, 1, [{ versionId: split.version.id, weight: 1 }]);
    plantEarlier(core, project.id, runId, split.version.id);
  } finally {
    await core.close();
  }
  const server = await startServer(ws, ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: new RegExp(PROJECT) }).click();
    await page.getByRole('tab', { name: /Evaluate/ }).click();
    await expect(page.getByText('A chart of the scores over time appears after a second evaluation.')).toBeVisible();

    // two rules: one every answer will break, and a pattern typed wrong first
    const editor = page.getByRole('group', { name: 'Your rules for the answers' });
    await editor.getByRole('button', { name: 'Add a rule' }).click();
    const rule1 = editor.getByRole('group', { name: 'Rule 1' });
    await expect(rule1.getByLabel('Kind of rule')).toHaveValue('mustContain');
    await rule1.getByLabel('Text the answer must contain').fill('zebra appointment');
    await editor.getByRole('button', { name: 'Add a rule' }).click();
    const rule2 = editor.getByRole('group', { name: 'Rule 2' });
    await rule2.getByLabel('Kind of rule').selectOption({ label: 'matches a pattern' });
    await expect(rule2).toContainText('A regular expression found somewhere in the answer');
    await rule2.getByLabel('Pattern the answer must match').fill('[0-9');
    await expect(rule2.getByRole('alert')).toHaveText('This pattern cannot be read: a "[" is never closed with "]" (Unterminated character class).');
    await expect(page.getByRole('button', { name: 'Evaluate', exact: true })).toBeDisabled();
    await expect(page.getByText('Rule 2 needs fixing before the evaluation can use it.')).toBeVisible();
    await snap(page, '1-bad-pattern');
    await rule2.getByLabel('Pattern the answer must match').fill('[a-z]+');
    await rule2.getByLabel('Capital letters do not matter').check();
    await expect(rule2.getByRole('alert')).toHaveCount(0);

    // answers should be JSON: a pasted text that is not a schema, then a good schema loaded from a file
    await editor.getByLabel(/Answers should be JSON/).check();
    await editor.getByLabel('JSON schema the answers must fit (optional)').fill('{"type": "objec"}');
    await expect(editor.getByRole('alert')).toContainText('The JSON schema is not valid:');
    await expect(page.getByRole('button', { name: 'Evaluate', exact: true })).toBeDisabled();
    await editor.getByLabel('Load a schema from a file').setInputFiles({
      name: 'answer.schema.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type": "object", "required": ["answer"], "properties": {"answer": {"type": "string"}}}'),
    });
    await expect(editor.getByText('The schema reads correctly: each answer is checked to be JSON that fits it.')).toBeVisible();
    await expect(editor.getByLabel('JSON schema the answers must fit (optional)')).toHaveValue(/"required": \["answer"\]/);
    await snap(page, '2-rules-written');

    await page.getByRole('checkbox', { name: /Run the checks/ }).uncheck();
    await page.getByLabel('Longest answer, in word pieces').fill('8');
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await expect(page.getByText('The evaluation finished. The results are below.')).toBeVisible({ timeout: 90_000 });

    // the scores carry the JSON and rule measures; each rule has its pass rate per model and its broken answers
    const scores = page.getByRole('table', { name: /Scores/ });
    for (const m of ['Valid JSON', 'Fits the schema', 'Your rules']) await expect(scores.getByRole('rowheader', { name: m })).toBeVisible();
    const kept = page.getByRole('region', { name: 'How the answers kept your rules' }).getByRole('table', { name: /Share of answers keeping each rule/ });
    for (const system of ['Original model', 'Tuned model', 'Prompting baseline']) await expect(kept.getByRole('columnheader', { name: system })).toBeVisible();
    const zebra = kept.getByRole('row', { name: /The answer must contain "zebra appointment"/ });
    await expect(zebra.getByRole('cell')).toHaveText(['0.0%', '0.0%', '0.0%', /Show the \d+ answers that broke rule 1/]);
    await expect(kept.getByRole('rowheader', { name: 'The answer must match the pattern /[a-z]+/i' })).toBeVisible();
    await zebra.getByRole('button', { name: /Show the \d+ answers that broke rule 1/ }).click();
    const broken = kept.getByRole('list', { name: 'Answers that broke: must contain "zebra appointment"' });
    await expect(broken.getByRole('listitem').first()).toContainText(/^Original model, example 1 \(“.+”\)/);
    await expect(
      broken
        .getByRole('listitem')
        .filter({ hasText: /^Tuned model/ })
        .first(),
    ).toBeVisible();
    await snap(page, '3-rule-results');
    // the weakest answers can be sorted by the schema and rule measures too
    const weakest = page.getByRole('region', { name: 'Weakest answers' });
    await weakest.getByLabel('Sort by').selectOption({ label: 'Fits the schema' });
    await expect(weakest.getByRole('listitem', { name: 'Example 1' })).toContainText('Tuned model (0.0%)');

    // drift: two evaluations charted, the later one worse than the planted earlier one beyond its interval
    const history = page.getByRole('region', { name: 'Your evaluations over time' });
    await expect(
      history.getByRole('img', {
        name: /^Word overlap \(token F1\) over 2 evaluations, oldest first: original model #1 10\.0%, #2 .*; tuned model #1 80\.0%, #2 /,
      }),
    ).toBeVisible();
    await expect(history.getByRole('img', { name: /over 2 evaluations/ })).toHaveCount(6);
    await expect(history.getByRole('status', { name: 'Drift' })).toContainText(
      /Evaluation #2 is worse than #1\. The tuned model scored worse in the evaluation of .* 95% interval is below the earlier score\): Exact match 80\.0% → .*; Word overlap \(token F1\) 80\.0% → /,
    );
    await expect(history.getByRole('table', { name: 'Exact numbers' }).getByRole('row')).toHaveCount(3);
    await history.scrollIntoViewIfNeeded();
    await snap(page, '4-drift');

    // the rules are kept with the evaluation: a fresh page starts the next evaluation from them
    await page.reload();
    await page.getByRole('button', { name: new RegExp(PROJECT) }).click();
    await page.getByRole('tab', { name: /Evaluate/ }).click();
    await expect(editor.getByRole('group', { name: 'Rule 1' }).getByLabel('Text the answer must contain')).toHaveValue('zebra appointment');
    await expect(editor.getByRole('group', { name: 'Rule 2' }).getByLabel('Capital letters do not matter')).toBeChecked();
    await expect(editor.getByLabel('JSON schema the answers must fit (optional)')).toHaveValue(/"required": \[\s*"answer"\s*\]/);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
