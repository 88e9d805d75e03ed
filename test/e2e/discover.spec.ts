// Finding a base model already on this computer, from the Train step: 'Look for models' lists what LM Studio, Ollama
// and the Hugging Face cache hold (fake folders here, named by the apps' own environment variables and the home
// folder), says which can be trained and why not, and 'Use' adds one and chooses it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildFakePlaces } from '../unit/fakeModelPlaces.js';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];

test('looks for models on this computer from the Train step and uses one', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-discover-'));
  const places = await buildFakePlaces(dir);
  const home = join(dir, 'home');
  mkdirSync(join(home, '.lmstudio'), { recursive: true });
  symlinkSync(places.roots.lmStudio[0]!, join(home, '.lmstudio', 'models'));
  const server = await startServer(join(dir, 'ws'), [], {
    env: { HOME: home, OLLAMA_MODELS: places.roots.ollama[0]!, HF_HUB_CACHE: places.roots.huggingFace[0]! },
  });
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();
    await page.getByRole('tab', { name: /Train/ }).click();
    const found = page.getByRole('region', { name: 'Found on this computer' });
    await found.getByRole('button', { name: 'Look for models' }).click();
    const table = found.getByRole('table', { name: 'Models found on this computer' });
    const ollama = table.getByRole('row', { name: /llama3\.2:1b/ });
    await expect(ollama).toContainText('from Ollama');
    await expect(ollama).toContainText('Q4_K_M');
    await expect(ollama).toContainText('Yes');
    await expect(table.getByRole('row', { name: /TinyOrg\/tiny-chat/ })).toContainText('from Hugging Face');
    const snake = table.getByRole('row', { name: /Snake-GGUF/ });
    await expect(snake).toContainText(/No: cannot train a 'mamba' model: state-space layers/);
    await expect(snake.getByRole('button', { name: /Use / })).toBeDisabled();
    await expect(table).not.toContainText('sha256');
    if (shots) await page.screenshot({ path: join(shots, 'train-found-models.png'), fullPage: true });

    await ollama.getByRole('button', { name: 'Use llama3.2:1b, llama3.2:latest' }).click();
    await expect(ollama).toContainText('In use');
    await expect(page.getByLabel('Base model')).toHaveValue(/.+/);
    await expect(page.getByLabel('Base model').locator('option:checked')).toHaveText('llama3.2:1b, llama3.2:latest');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
