// The audit log page: entries with filters, a check that says the log is intact, and the same check naming the row
// someone edited in the database file behind the app's back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the test plays someone editing the database file behind the app's back
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, test } from '@playwright/test';
import { startServer } from './server.js';

test('lists, filters and checks the audit log, and names an edited entry', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-audit-'));
  const ws = join(dir, 'ws');
  let server = await startServer(ws, ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Front desk');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { name: 'Front desk' })).toBeVisible();

    await page.getByRole('button', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Audit entries' });
    await expect(table.getByRole('row', { name: /Project created/ })).toBeVisible();
    await page.getByLabel('What happened').selectOption('Training');
    await expect(page.getByText('No entries match.')).toBeVisible();
    await page.getByLabel('What happened').selectOption('Projects');
    await expect(table.getByRole('row', { name: /Project created/ })).toBeVisible();

    await page.getByRole('button', { name: 'Check the log' }).click();
    await expect(page.getByRole('status')).toContainText('The log is intact.');
    await page.screenshot({ path: 'test-results/audit-log.png', fullPage: true });
    await server.stop();

    const db = new Database(join(ws, 'fieldtune.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    const { id } = db.prepare("SELECT id FROM audit_log WHERE action = 'project.create'").get() as { id: number };
    db.prepare("UPDATE audit_log SET subject = 'someone else' WHERE id = ?").run(id);
    db.close();

    server = await startServer(ws, ['--no-demo']);
    await page.goto(`${server.url.split('#')[0]}#/audit`);
    await page.getByRole('button', { name: 'Check the log' }).click();
    await expect(page.getByRole('status')).toContainText(`The log was altered. Row ${id} was changed after it was written.`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
