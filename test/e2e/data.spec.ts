// The Data wizard in the browser: import a CSV whose columns need mapping, remove its exact and near duplicates,
// split it (stratified, with the leakage check), and read the token histogram made with the demo model's tokenizer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectHoldsStill } from './holdsStill.js';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `data-${name}.png`), fullPage: true });
};

// 18 distinct front-desk questions (two topics), then 2 exact copies, 2 near copies (one word changed) and one question
// answered differently (a conflict, flagged but not removed): 23 rows.
const QA: Array<[string, string, string]> = [
  ['When does the clinic open on weekdays?', 'We open at eight in the morning, Monday to Friday, and close at six in the evening.', 'visits'],
  ['Can I bring my child to my own appointment?', 'Yes, children are welcome in the waiting room as long as an adult stays with them at all times.', 'visits'],
  [
    'What should I bring to my first visit?',
    'Please bring your insurance card, a photo ID, the referral letter from your doctor and a list of your current medicines.',
    'visits',
  ],
  [
    'How do I cancel an appointment?',
    'Call the front desk at least twenty four hours before the appointment, or use the cancellation link in your reminder email.',
    'visits',
  ],
  ['Do you accept walk-in patients?', 'Walk-ins are seen until noon when a doctor is free; booked patients always go first.', 'visits'],
  ['Is there parking near the building?', 'There is a small car park behind the building and a public garage two streets away on Mill Road.', 'visits'],
  ['Can I get a copy of my lab results?', 'Yes. Ask at reception or download them from the patient portal once the doctor has reviewed them.', 'visits'],
  ['How early should I arrive?', 'Arrive ten minutes early so the nurse can update your details and measure your blood pressure.', 'visits'],
  ['Are the rooms wheelchair accessible?', 'Every consulting room is on the ground floor, and the main entrance has a ramp and an automatic door.', 'visits'],
  ['How much does a standard consultation cost?', 'A standard consultation is sixty euros without insurance; most public insurers cover it fully.', 'billing'],
  ['Can I pay by card?', 'We take debit and credit cards, contactless payments and bank transfers within fourteen days.', 'billing'],
  ['Why did I receive a second invoice?', 'A second invoice usually covers laboratory work billed separately by the external lab partner.', 'billing'],
  [
    'Do you send invoices to my insurer directly?',
    'For public insurance we bill the insurer directly; private patients receive the invoice by post.',
    'billing',
  ],
  [
    'Can I pay an invoice in instalments?',
    'Yes, for amounts above two hundred euros you can ask accounts for a plan of up to six monthly payments.',
    'billing',
  ],
  ['What happens if I miss an appointment?', 'Missed appointments without notice are charged a fee of twenty euros, which insurers do not refund.', 'billing'],
  ['Is the flu vaccine free?', 'The seasonal flu vaccine is free for patients over sixty and for people with chronic conditions.', 'billing'],
  ['How do I update my bank details?', 'Fill in the short form at reception or send the new details through the secure portal message box.', 'billing'],
  [
    'Who do I contact about a billing error?',
    'Write to the accounts team through the portal; they answer within three working days and correct mistakes.',
    'billing',
  ],
];

function clinicCsv(): string {
  const rows = QA.map((r) => [...r]);
  rows.push([...QA[0]!], [...QA[1]!]);
  rows.push([QA[2]![0], QA[2]![1].replace('current medicines', 'present medicines'), QA[2]![2]]);
  rows.push([QA[3]![0], QA[3]![1].replace('reminder email', 'reminder message'), QA[3]![2]]);
  rows.push([QA[4]![0], 'No, we only see patients with a booked appointment.', QA[4]![2]]);
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  return ['Patient question,Reply given,Topic', ...rows.map((r) => r.map(quote).join(','))].join('\n');
}

test('imports a CSV, maps columns, removes duplicates, splits, and shows the token histogram', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-data-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    const csv = join(dir, 'front-desk.csv');
    writeFileSync(csv, clinicCsv());
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Front desk');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();

    // With no file of one's own, the bundled demo sample is one click away.
    await expect(page.getByRole('button', { name: /Try the Clinic front desk \(demo sample\) \(24 examples\)/ })).toBeVisible();

    // A spreadsheet saved by Excel in windows-1252 is refused with the reason, and reads once the encoding is chosen.
    const legacy = join(dir, 'excel.csv');
    writeFileSync(legacy, Buffer.from('question,answer\nCaf\xe9 opening hours?,Until five.\n', 'latin1'));
    await page.getByLabel('Path to a file or folder on this computer').fill(legacy);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('alert')).toContainText('import it with the text encoding windows-1252'); // the CLI's --encoding, in app words
    await snap(page, '0-encoding');
    await page.getByLabel('Text encoding').selectOption('windows-1252');
    await expect(page.getByRole('table', { name: 'The first example as it would be imported' })).toContainText('Café opening hours?');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Import: the columns have no standard names, but their words say which is which ('question', 'reply'); the
    // guess is shown and can be changed.
    await page.getByLabel('Path to a file or folder on this computer').fill(csv);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByLabel('Column “Patient question”')).toHaveValue('user');
    await expect(page.getByLabel('Column “Reply given”')).toHaveValue('assistant');
    await page.getByLabel('Column “Patient question”').selectOption('user');
    await page.getByLabel('Column “Reply given”').selectOption('assistant');
    await page.getByLabel('Column “Topic”').selectOption('metadata');
    await expect(page.getByRole('table', { name: /First 10 examples/ })).toContainText('When does the clinic open on weekdays?');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await snap(page, '1-import');
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 23 examples.')).toBeVisible();

    // Versions and examples: the virtualized table shows the rows of v1.
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    await expect(page.getByRole('table', { name: 'front-desk' })).toContainText('Imported');
    await expect(page.getByRole('table', { name: 'Examples' })).toContainText('When does the clinic open on weekdays?');
    await snap(page, '2-examples');

    // Clean: 2 identical and 2 near copies proposed, removed as a new version.
    await page.getByRole('button', { name: 'Clean', exact: true }).click();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    // Counts first, then the copies grouped by the example each group keeps.
    await expect(page.getByRole('status').filter({ hasText: 'Checked 23 examples: 2 identical copies, 2 near copies' })).toBeVisible();
    const groups = page.getByRole('list', { name: 'Groups of proposed removals' });
    await expect(groups.getByRole('listitem')).toHaveCount(4);
    const third = groups.getByRole('group', { name: 'Copies of #3' });
    await expect(third).toContainText('What should I bring to my first visit?');
    await expect(third.getByLabel('Remove all 1 copy of #3')).toBeChecked();
    await third.getByRole('button', { name: 'Show the example' }).click();
    await expect(third).toContainText('almost the same');
    await expect(third.getByLabel('Remove #21')).toBeChecked();
    await expect(groups.getByRole('group', { name: 'Copies of #1' }).getByLabel('Remove all 1 copy of #1')).toBeChecked();
    const conflicts = page.getByRole('region', { name: 'Conflicting answers' });
    await expect(conflicts).toContainText('Do you accept walk-in patients?');
    await expect(conflicts).toContainText('No, we only see patients with a booked appointment.');
    await conflicts.getByLabel('Remove #23').check(); // the specialist decides the later answer is wrong
    await snap(page, '3-clean');
    await page.getByRole('button', { name: 'Make a new version without 5 examples' }).click();
    await expect(page.getByLabel('Working on')).toContainText('v2: Cleaned, 18 examples');
    await expect(page.getByRole('status').filter({ hasText: 'Made a new version with 18 examples (5 removed)' })).toBeVisible();

    // Split: stratified by the mapped Topic column, seed fixed; the leakage check passes.
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.getByLabel('Keep the mix of').selectOption('Topic');
    await page.getByRole('button', { name: 'Split into training, validation and test' }).click();
    const result = page.getByRole('region', { name: 'Split result' });
    await expect(result).toContainText('for training');
    await expect(result).toContainText('Leakage check passed');
    await expect(page.getByLabel('Working on')).toContainText('v3: Split, 18 examples');
    await snap(page, '4-split');
    // Coming back to a split version later, the leakage check runs on demand.
    await page.getByLabel('Working on').selectOption({ label: 'front-desk v2: Cleaned, 18 examples' });
    await page.getByLabel('Working on').selectOption({ label: 'front-desk v3: Split, 18 examples' });
    await page.getByRole('button', { name: 'Check it for leakage' }).click();
    await expect(result).toContainText('Leakage check passed');

    // Export the split version as CSV (split labels included).
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    const out = join(dir, 'exported.csv');
    await page.getByLabel('Save this version as').fill(out);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByText(`Wrote 18 examples to ${out}.`)).toBeVisible();
    expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(19);
    await snap(page, '4b-versions');

    // Token lengths with the demo model's tokenizer and chat template.
    await page.getByRole('button', { name: 'Example lengths' }).click();
    await expect(page.getByLabel('Base model')).toContainText('Demo model');
    await page.getByLabel('Max length (tokens)').fill('64');
    await page.getByRole('button', { name: 'Count tokens' }).click();
    const stats = page.getByRole('region', { name: 'Token statistics' });
    await expect(stats.getByTestId('token-histogram')).toBeVisible({ timeout: 60_000 });
    await expect(stats).toContainText('the tokenizer and chat template of Demo model');
    const total = Number((await stats.getByTestId('total-tokens').textContent())!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(18 * 25); // 18 examples of 25+ words each, plus the template's role markers
    await expect(stats.getByTestId('over-max')).toContainText(/%\s\(\d+ examples\)/);
    expect(await stats.locator('rect.bar').count()).toBeGreaterThan(1);
    await snap(page, '5-tokens');
    if (shots) {
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await snap(page, '6-tokens-dark');
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a long import shows progress and can be cancelled, saving nothing', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-data-cancel-'));
  const server = await startServer(join(dir, 'ws'), ['--no-demo']);
  try {
    const big = join(dir, 'big.jsonl');
    const line = (i: number) => JSON.stringify({ prompt: `Question number ${i} about the clinic?`, completion: `Answer number ${i}, with some words.` });
    writeFileSync(big, `${Array.from({ length: 400_000 }, (_, i) => line(i)).join('\n')}\n`);
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Big');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByLabel('Path to a file or folder on this computer').fill(big);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByLabel('Format')).toContainText('Detect (Question and answer pairs (prompt/completion format))');
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByRole('progressbar', { name: 'Import progress', exact: true })).toBeVisible();
    await snap(page, '7-import-progress');
    const cancelImport = page.getByRole('button', { name: 'Cancel import' });
    await expectHoldsStill(cancelImport, page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Import progress', exact: true }) }));
    await cancelImport.click();
    await expect(page.getByRole('alert')).toContainText('The import was cancelled; nothing was saved.');
    await expect(page.getByRole('button', { name: 'Versions and examples' })).toBeDisabled();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a large version scrolls in a virtualized table, and token counting on it shows progress and stops on request', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-data-big-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    const file = join(dir, 'many.jsonl');
    const line = (i: number) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: `Row ${i}: what is the code for case ${i}?` },
          { role: 'assistant', content: `Code ${i * 3}.` },
        ],
      });
    writeFileSync(file, `${Array.from({ length: 20_000 }, (_, i) => line(i)).join('\n')}\n`);
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Many');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByLabel('Path to a file or folder on this computer').fill(file);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 20000 examples.')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    const table = page.getByRole('table', { name: 'Examples' });
    await expect(table).toHaveAttribute('aria-rowcount', '20001');
    await expect(table).toContainText('Row 0: what is the code for case 0?');
    expect(await table.getByRole('row').count()).toBeLessThan(60); // only the rows in view are in the page
    await page.getByRole('rowgroup', { name: 'Example rows, scrollable' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(table).toContainText('Row 19999: what is the code for case 19999?');
    await expect(table).not.toContainText('Row 0: what is');

    // 20k examples through the demo model's chat template take a few seconds: a job with progress and a stop button.
    await page.getByRole('button', { name: 'Example lengths' }).click();
    await page.getByRole('button', { name: 'Count tokens' }).click();
    await expect(page.getByRole('progressbar', { name: 'Token counting progress' })).toBeVisible();
    const stopCounting = page.getByRole('button', { name: 'Stop counting' });
    await expectHoldsStill(stopCounting, page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Token counting progress' }) }), 1);
    await stopCounting.click();
    await expect(page.getByRole('button', { name: 'Count tokens' })).toBeEnabled();
    await expect(page.getByRole('region', { name: 'Token statistics' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Background work' })).toContainText('cancelled');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
