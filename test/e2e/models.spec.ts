import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './server.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');

test('registers a GGUF by path with a fingerprint job, and explains a wrong file', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-models-'));
  const server = await startServer(join(dir, 'ws'), ['--no-demo']);
  try {
    const model = join(dir, 'tiny.gguf');
    const made = spawnSync(process.execPath, [bin, 'demo-model', '--out', model, '--vocab', 'gpt-2', '--layers', '1', '--embd', '64'], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const notModel = join(dir, 'notes.txt');
    writeFileSync(notModel, 'not a model');

    await page.goto(server.url);
    await page.getByRole('button', { name: 'Models' }).click();
    await expect(page.getByRole('heading', { name: 'Base models' })).toBeVisible();
    await expect(page.getByText('No models yet.')).toBeVisible();

    await page.getByLabel('Model file').fill(notModel);
    await page.getByRole('button', { name: 'Add model' }).click();
    await expect(page.getByRole('alert')).toContainText('not a GGUF model');

    await page.getByLabel('Model file').fill(model);
    await page.getByRole('button', { name: 'Add model' }).click();
    const row = page.getByRole('row', { name: /tiny\.gguf/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText('llama, 1 layers');
    await expect(page.getByRole('region', { name: 'Background work' })).toContainText(/Adding a model: tiny\.gguf\s*done/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
