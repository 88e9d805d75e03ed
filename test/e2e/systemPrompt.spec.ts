// Issue 14 item 12 in the app: a new medical project takes its field's suggested system prompt from the form, and the
// project's Instructions dialog changes and removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];

test('a project gets its field’s suggested instructions in the form, and changes them later', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-prompt-'));
  const server = await startServer(join(dir, 'ws'), ['--no-demo']);
  try {
    await page.goto(server.url);
    const form = page.getByRole('form', { name: 'Create a project' });
    await form.getByLabel('New project').fill('Discharge letters');
    await form.getByLabel('Field').selectOption('medical');
    await form.getByText('Instructions for the model (optional)').click();
    await form.getByRole('button', { name: /Use the suggested instructions for clinical documentation/ }).click();
    await expect(form.getByLabel(/Instructions for the model \(system prompt/)).toHaveValue(/clinical documentation assistant/);
    await form.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Discharge letters' })).toBeVisible();

    await page.getByRole('button', { name: 'Instructions for the model (set)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Instructions for the model' });
    const box = dialog.getByLabel(/Instructions for the model \(system prompt/);
    await expect(box).toHaveValue(/clinical documentation assistant/);
    if (shots) await page.screenshot({ path: join(shots, 'system-prompt-dialog.png') });
    await box.fill('You write discharge letters for the cardiology ward.');
    await dialog.getByRole('button', { name: 'Save instructions' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Instructions for the model (set)' }).click();
    await expect(box).toHaveValue('You write discharge letters for the cardiology ward.');
    await box.fill('');
    await dialog.getByRole('button', { name: 'Save instructions' }).click();
    await expect(page.getByRole('button', { name: 'Instructions for the model (none yet)' })).toBeVisible();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
