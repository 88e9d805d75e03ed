// Encryption at rest in the app (issue 16 item 5): the Workspace page encrypts the open workspace with a passphrase
// (plain words on what it protects and that a lost passphrase means lost data); browser mode started on it again shows
// the passphrase screen and nothing else; a wrong passphrase gets a sentence, the right one opens the projects; the
// passphrase can then be changed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './server.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

test('encrypts the workspace from the app, then asks for the passphrase to open it', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-encrypt-'));
  const ws = join(dir, 'ws');
  let server = await startServer(ws, ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Margaret Ellison intake');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { name: 'Margaret Ellison intake' })).toBeVisible();

    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Workspace', exact: true })).toBeVisible();
    await expect(page.getByText('A lost passphrase means lost data.')).toBeVisible();
    const form = page.getByRole('form', { name: 'Encrypt this workspace' });
    await form.getByLabel('New passphrase').fill('short');
    await expect(form.getByText('A passphrase needs at least 8 characters')).toBeVisible();
    await form.getByLabel('New passphrase').fill('a long private sentence');
    await form.getByLabel('Repeat the passphrase').fill('a long private sentence');
    await expect(form.getByRole('button', { name: 'Encrypt this workspace' })).toBeDisabled();
    await form.getByLabel('I understand that without this passphrase').check();
    await page.screenshot({ path: 'test-results/workspace-encrypt.png', fullPage: true });
    await form.getByRole('button', { name: 'Encrypt this workspace' }).click();
    await expect(page.getByRole('status')).toContainText('This workspace is now encrypted.');
    await expect(page.getByRole('form', { name: 'Change the passphrase' })).toBeVisible();
    await server.stop();
    for (const f of files(ws)) expect(readFileSync(f).includes(Buffer.from('Margaret Ellison')), f).toBe(false);

    server = await startServer(ws, ['--no-demo']);
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'This workspace is encrypted' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Margaret Ellison intake' })).toHaveCount(0);
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('alert')).toContainText('The passphrase is not the one this workspace was encrypted with.');
    await page.screenshot({ path: 'test-results/workspace-unlock.png', fullPage: true });
    await page.getByLabel('Passphrase').fill('a long private sentence');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('button', { name: /Margaret Ellison intake/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0); // the locked start's refusals are gone

    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    const change = page.getByRole('form', { name: 'Change the passphrase' });
    await change.getByLabel('Current passphrase').fill('a long private sentence');
    await change.getByLabel('New passphrase', { exact: true }).fill('another long sentence');
    await change.getByLabel('Repeat the new passphrase').fill('another long sentence');
    await change.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(page.getByRole('status')).toContainText('The passphrase is changed.');
    await page.screenshot({ path: 'test-results/workspace-change-passphrase.png', fullPage: true });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
