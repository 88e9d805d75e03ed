// Lineage and erasure in the browser: a project whose data was imported, trained on and exported (seeded before the
// server starts, so nothing trains here). From one example: "Where is this used?" lists the version, the run and the
// exported file; "Erase everywhere…" explains what will and will not happen, waits for the typed word, erases, and
// the Train step then says the run needs retraining.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';
import { screenshots, watchErrors } from './pageErrors.js';
import { startServer } from './server.js';

const snap = screenshots('lineage');
const CSV = [
  'Patient question,Reception reply',
  '"This is Margaret Ellison, can I move my appointment on Friday?","Of course, we will ring you back today."',
  '"When does the clinic open?","At eight in the morning."',
  '"Is there parking?","Yes, behind the building."',
].join('\n');

test('shows where an example is used and erases it everywhere, flagging the run trained on it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-lineage-'));
  const ws = join(dir, 'ws');
  const shared = join(dir, 'front-desk.gguf');
  const core = new Core({ workspaceDir: ws, mode: 'cli' });
  try {
    const project = await core.call('projects:create', { name: 'Front desk', domain: 'medical' });
    writeFileSync(join(dir, 'desk.csv'), CSV);
    await core.ws.jobs.wait((await core.call('datasets:import', { projectId: project.id, path: join(dir, 'desk.csv') })).id);
    const versionId = (await core.call('datasets:list', { projectId: project.id }))[0]!.versions[0]!.id;
    const model = await writeDemoModel({ out: join(dir, 'base.gguf'), layers: 1, embd: 32, heads: 2, headsKv: 1, ff: 32, ctx: 64 });
    const runId = await seedRun(core.ws, await registerBase(core.ws, model.path), 'Front desk', 1, [{ versionId, weight: 1 }]);
    await core.ws.jobs.wait((await core.call('adapters:export', { runId, format: 'gguf', out: shared })).id);
  } finally {
    await core.close();
  }
  const server = await startServer(ws, ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Front desk/ }).click();
    await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Versions and examples' }).click();
    // the imported file first: what was made from it
    await page.getByRole('button', { name: 'Where is the data from desk.csv used?' }).click();
    const fileView = page.getByRole('dialog', { name: 'Where the data from desk.csv is used' });
    await expect(fileView.getByRole('region', { name: 'Models trained on it (1)' })).toBeVisible();
    await expect(fileView.getByRole('button', { name: 'Erase everywhere…' })).toHaveCount(0);
    await snap(page, 'file');
    await fileView.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Open example 1 in full' }).click();
    await page.getByRole('dialog', { name: 'Example #1' }).getByRole('button', { name: 'Where is this used?' }).click();

    const view = page.getByRole('dialog', { name: /^(Where example #1 is used|Example #1 erased)$/ });
    await expect(view.getByRole('region', { name: 'Dataset versions that hold it (1)' })).toContainText('Imported');
    await expect(view.getByRole('region', { name: 'Models trained on it (1)' })).toContainText('finished, with its adapter');
    await expect(view.getByRole('region', { name: 'Copies that left this workspace (1)' })).toContainText(shared);
    await snap(page, 'uses');

    await view.getByRole('button', { name: 'Erase everywhere…' }).click();
    const form = view.getByRole('region', { name: 'Erase this example everywhere' });
    await expect(form).toContainText('cannot be called back');
    await expect(form).toContainText('1 trained model is marked “needs retraining”');
    const erase = view.getByRole('button', { name: 'Erase this example' });
    await expect(erase).toBeDisabled();
    await form.getByLabel('Why (optional, kept in the audit log)').fill('the patient asked us to');
    await form.getByLabel('To confirm, type the word erase').fill('eras');
    await expect(erase).toBeDisabled();
    await form.getByLabel('To confirm, type the word erase').fill('erase');
    await snap(page, 'erase-form');
    await erase.click();
    await expect(view.getByRole('status')).toContainText('Erased. New version without it: desk.');
    await expect(view.getByRole('status')).toContainText('1 trained model needs retraining');
    await snap(page, 'erased');
    await view.getByRole('button', { name: 'Close' }).click();

    // the table shows the new newest version, two examples, without the erased one
    await expect(page.getByRole('heading', { name: 'Examples in this version (2)' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Examples' })).not.toContainText('Margaret');
    // the version it was imported in keeps its size, and says that one of its examples was erased there
    await expect(page.getByText('1 erased here')).toBeVisible();
    await snap(page, 'versions');

    await page.getByRole('tab', { name: /Train/ }).click();
    await expect(page.getByRole('table', { name: 'Training runs' })).toContainText('needs retraining');
    await expect(page.getByRole('note', { name: /Needs retraining/ })).toContainText('(the patient asked us to). Train it again');
    await snap(page, 'train');
    await page.getByRole('tab', { name: /Export/ }).click();
    await expect(page.getByRole('alert')).toContainText('This model needs retraining');
    await snap(page, 'export');
    // the audit log says it in words, and its chain still checks
    await page.getByRole('button', { name: 'Audit log' }).click();
    await expect(page.getByRole('cell', { name: /Example erased everywhere/ })).toBeVisible();
    await snap(page, 'audit');
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
