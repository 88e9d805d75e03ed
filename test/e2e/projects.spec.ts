import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './server.js';

let workspace: string;
test.beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-'));
});
test.afterEach(() => rmSync(workspace, { recursive: true, force: true }));

test('serves the demo workspace; a project created in the UI survives a server restart', async ({ page }) => {
  const first = await startServer(workspace);
  try {
    await page.goto(first.url);
    await expect(page.getByRole('navigation', { name: 'Projects' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Demo: clinic front desk/ })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('demo model with random weights');

    await page.getByLabel('New project').fill('Cardiology letters');
    await page.getByLabel('Field').selectOption('medical');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cardiology letters' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /Data/ })).toHaveAttribute('aria-selected', 'true');
  } finally {
    await first.stop();
  }

  const second = await startServer(workspace);
  try {
    await page.goto(second.url);
    const project = page.getByRole('button', { name: /Cardiology letters/ });
    await expect(project).toBeVisible();
    await expect(project).toContainText('medical');
    await project.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cardiology letters' })).toBeVisible();
  } finally {
    await second.stop();
  }
});

test('renames and deletes a project, deletion only after typing its name; dark theme toggles', async ({ page }) => {
  const server = await startServer(workspace, ['--no-demo']);
  try {
    await page.goto(server.url);
    await expect(page.getByText('No projects yet')).toBeVisible();
    await page.getByLabel('New project').fill('Draft');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Project name').fill('Lease reviews');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lease reviews' })).toBeVisible();

    await page.getByRole('tab', { name: /Playground/ }).click();
    // no run yet: the Playground offers the original model alone (or says to add one) and a message box
    await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Playground' })).toBeVisible();
    await expect(page.getByRole('tabpanel')).not.toContainText('not available in this version yet');

    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: /Delete “Lease reviews”/ });
    await expect(dialog.getByRole('button', { name: 'Delete project' })).toBeDisabled();
    await dialog.getByLabel("Type the project's name to confirm").fill('Lease reviews');
    await dialog.getByRole('button', { name: 'Delete project' }).click();
    await expect(page.getByText('No projects yet')).toBeVisible();

    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    const theme = await page.evaluate(() => document.documentElement.dataset['theme']);
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).not.toBe(theme);
  } finally {
    await server.stop();
  }
});
