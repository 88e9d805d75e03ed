// The Data step end to end as a clinic manager met it in browser mode: choose the file with Fieldtune's own chooser,
// double-click Import (one import), read the jobs panel, reload during a personal-data check (the screen follows the
// running check to its result), go Back and reload (the address keeps project, step and tab), and correct one example
// read in full (a new version).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type BrowserModeServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `flow-${name}.png`), fullPage: true });
};

const ROWS = 15_000;
const LONG_ANSWER =
  'We open at eight in the morning from Monday to Friday and close at six in the evening; on Saturdays the front desk is open from nine until noon for ' +
  'prescriptions and urgent questions only, and on public holidays the practice stays closed, so please call the out-of-hours line printed on your card.';

function clinicCsv(): string {
  const lines = ['Question,Answer'];
  lines.push(`"When do you open?","${LONG_ANSWER}"`);
  for (let i = 1; i < ROWS; i++) {
    lines.push(
      `"Hi, this is Maria Keller (call me on 0176 5550${String(i % 1000).padStart(3, '0')}), can I move appointment ${i}?","Yes, we moved it for you."`,
    );
  }
  return lines.join('\n');
}

test.use({ actionTimeout: 20_000 });

let dir: string;
let home: string;
let server: BrowserModeServer;
const savedHome = process.env['HOME'];
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-flow-'));
  home = join(dir, 'home');
  mkdirSync(join(home, 'Documents'), { recursive: true });
  writeFileSync(join(home, 'Documents', 'clinic.csv'), clinicCsv());
  writeFileSync(join(home, 'Documents', 'notes.exe'), 'not data');
  process.env['HOME'] = home; // the server (a child process) reads its home folder from here
  server = await startServer(join(dir, 'ws'));
  process.env['HOME'] = savedHome;
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('choose, import once, follow jobs across reloads, keep the place on Back and reload, correct an example', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(server.url);
  await page.getByLabel('New project').fill('Front desk');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();

  // The chooser: home folder first, folders to open, files of other kinds greyed out.
  await page.getByRole('button', { name: 'Browse…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose a data file or a folder of documents' });
  await expect(chooser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home folder' })).toBeVisible();
  await chooser.getByRole('button', { name: /Documents/ }).dblclick();
  await expect(chooser.getByRole('button', { name: /notes\.exe/ })).toBeDisabled();
  await chooser.getByRole('button', { name: /clinic\.csv/ }).click();
  await snap(page, 'chooser');
  await chooser.getByRole('button', { name: 'Choose this file' }).click();
  await expect(chooser).toBeHidden();
  await expect(page.getByLabel('Path to a file or folder on this computer')).toHaveValue(join(home, 'Documents', 'clinic.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'Reading' })).toContainText(join(home, 'Documents', 'clinic.csv'));

  // A double click imports once.
  await page.getByRole('button', { name: 'Import this file' }).dblclick();
  await expect(page.getByText(`Imported ${ROWS} examples`)).toBeVisible({ timeout: 120_000 });
  const jobs = page.getByRole('region', { name: 'Background work' });
  await expect(jobs.getByRole('listitem').filter({ hasText: 'Importing data: clinic.csv' })).toHaveCount(1);
  await expect(jobs.getByRole('listitem').first()).toContainText(/started \d\d?:\d\d( [AP]M)?, took \d+ s/);
  await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Versions and examples' }).click();
  await expect(page.getByRole('table', { name: 'Examples' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^v1 / })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /^v2 / })).toHaveCount(0);
  await snap(page, 'jobs');
  await jobs.getByRole('button', { name: 'Clear finished' }).click();
  await expect(jobs).toBeHidden();

  // Reload while the personal-data check runs: the screen follows it, and shows its result when it ends.
  await page.getByRole('button', { name: 'Protect personal data' }).click();
  await page.getByRole('button', { name: 'Check this version for personal data' }).click();
  await expect(page.getByLabel('Personal data check progress')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
  await expect(page.getByText('Checking for personal data…')).toBeVisible();
  await page.getByRole('button', { name: 'Protect personal data' }).click();
  await expect(page.getByLabel('Personal data check progress')).toBeVisible();
  await expect(page.getByRole('button', { name: /Check this version/ })).toHaveCount(0);
  await snap(page, 'check-after-reload');
  await expect(page.getByText(/\d+ to replace in \d+ examples/)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Hide' }).click();

  // The address keeps project, step and tab: Back returns to the previous tab, reload stays on it.
  const tasks = page.getByRole('navigation', { name: 'Data tasks' });
  await tasks.getByRole('button', { name: 'Clean' }).click();
  await tasks.getByRole('button', { name: 'Split' }).click();
  await expect(page).toHaveURL(/#\/projects\/[^/]+\/data\/split$/);
  await page.goBack();
  await expect(tasks.getByRole('button', { name: 'Clean' })).toHaveAttribute('aria-current', 'step');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
  await expect(tasks.getByRole('button', { name: 'Clean' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('tab', { name: /Train/ }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Models' }).click();
  await page.goBack();
  await expect(page.getByRole('tab', { name: /Train/ })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.getByRole('tab', { name: /Data/ })).toHaveAttribute('aria-selected', 'true');

  // One example in full, corrected as a new version.
  await tasks.getByRole('button', { name: 'Versions and examples' }).click();
  await page.getByRole('button', { name: 'Open example 1 in full' }).click();
  const detail = page.getByRole('dialog', { name: 'Example #1' });
  await expect(detail.getByText(LONG_ANSWER)).toBeVisible();
  await snap(page, 'detail');
  await detail.getByRole('button', { name: 'Correct this example' }).click();
  await detail.getByLabel('Answer').fill('We open at 8:00 on weekdays and at 9:00 on Saturdays.');
  await detail.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(detail).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved your correction to example #1 as a new version' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^v2 .*example #1 corrected/ })).toBeVisible();
  await page.getByRole('button', { name: 'Open example 1 in full' }).click();
  await expect(page.getByRole('dialog', { name: 'Example #1' }).getByText('We open at 8:00 on weekdays and at 9:00 on Saturdays.')).toBeVisible();
});
