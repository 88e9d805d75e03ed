// The Export step in the browser: a project with a finished run (seeded before the server starts, so no training is
// needed here), the format picker, the model card editor, a share bundle exported with its progress, and the file on
// disk; then the adapter made the project's current one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `export-${name}.png`), fullPage: true });
};

test('exports a signed share bundle from the Export step, with an edited model card', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-export-'));
  const ws = join(dir, 'ws');
  const core = new Core({ workspaceDir: ws, mode: 'cli' });
  try {
    const model = await writeDemoModel({ out: join(dir, 'base.gguf'), layers: 1, embd: 64, ff: 64, ctx: 128 });
    await seedRun(core.ws, await registerBase(core.ws, model.path), 'Clinic letters');
  } finally {
    await core.close();
  }
  const server = await startServer(ws, ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Clinic letters/ }).click();
    await page.getByRole('tab', { name: /Export/ }).click();
    await expect(page.getByLabel('Model card')).toHaveValue(/Not evaluated/);
    await page.getByRole('radio', { name: /Share bundle for colleagues/ }).check();
    const out = join(dir, 'clinic.ftadapter');
    await page.getByLabel('Save to').fill(out);
    await page.getByLabel('Model card').fill('# Clinic letters adapter\n\nReviewed by Dr Okafor.\n');
    await snap(page, 'form');
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByText(`Exported to ${out}`)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Exported files' })).toContainText(out);
    expect(existsSync(out)).toBe(true);
    await snap(page, 'done');

    // exporting again to the same file asks before replacing it
    await page.getByRole('button', { name: 'Export' }).click();
    const ask = page.getByRole('alertdialog', { name: 'The file already exists' });
    await expect(ask).toContainText(`A file named ${out} already exists`);
    await ask.getByRole('button', { name: 'Replace it' }).click();
    await expect(page.getByText(`Exported to ${out}`)).toBeVisible({ timeout: 60_000 });

    // the bundle comes back in as a new run of this project, its signature and contents checked
    const bringIn = page.getByRole('region', { name: 'Bring in a shared adapter' });
    await bringIn.getByLabel('Shared file').fill(out);
    await bringIn.getByRole('button', { name: 'Check and bring in' }).click();
    await expect(bringIn.getByRole('status')).toContainText('signed with this workspace’s own key');
    await expect(page.getByLabel('Training run').locator('option')).toHaveCount(2);
    await snap(page, 'imported');

    const versions = page.getByRole('region', { name: 'Adapter versions' });
    await expect(versions).toContainText('No adapter has been made the current one yet.');
    await versions.getByRole('button', { name: /Use the chosen run’s adapter/ }).click();
    await expect(versions).toContainText(/Version 1 .* in use/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
