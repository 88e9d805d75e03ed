// The Data step as a UK clinic's practice manager meets it: a medical project read in en-GB, a workbook whose
// questions sit on the second sheet with dates of birth as Excel dates and a row without a reply, a split that
// keeps nothing aside, an export over an existing file, and the kinds of personal data a clinic is offered.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `clinic-${name}.png`), fullPage: true });
};

async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['Exported from the booking system on Monday']);
  const qa = wb.addWorksheet('Questions');
  qa.addRow(['Patient question', 'Reception reply', 'Date of birth']);
  qa.addRow(['Can I move my appointment to Friday?', 'Yes, Friday at 10:20 is free.', new Date(Date.UTC(2015, 10, 2))]);
  qa.addRow(['Do I need to fast before my blood test?', '', new Date(Date.UTC(1980, 0, 31))]);
  qa.addRow(['Is there parking at the surgery?', 'Yes, behind the building.', new Date(Date.UTC(1975, 5, 9))]);
  qa.getColumn(3).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(path);
}

test('a UK clinic imports a workbook, splits, exports and protects personal data in its own field', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-clinic-'));
  const server = await startServer(join(dir, 'ws'), ['--no-demo']);
  try {
    const book = join(dir, 'front-desk.xlsx');
    await workbook(book);
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Front desk');
    await page.getByLabel('Field').selectOption('medical');
    await page.getByLabel('Dates', { exact: true }).selectOption('en-GB');
    await expect(page.getByLabel('Dates', { exact: true })).toContainText('02/11/2015 is 2 November 2015');
    await snap(page, '0-create');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
    await expect(page.getByLabel('Dates in this project')).toHaveValue('en-GB');

    // Medicine offers front-desk work beside clinical documentation.
    await page.getByLabel('Kind of work').selectOption({ label: 'Front desk and patient messages' });
    await expect(page.getByRole('heading', { name: 'Starting point: Front desk and patient messages' })).toBeVisible();

    // The workbook: the sheet is asked for, the columns are matched by their words, dates come in as UK dates.
    await page.getByLabel('Path to a file or folder on this computer').fill(book);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByLabel('Which sheet holds the examples?').selectOption('Questions');
    await expect(page.getByLabel('Column “Patient question”')).toHaveValue('user');
    await expect(page.getByLabel('Column “Reception reply”')).toHaveValue('assistant');
    await page.getByLabel('Column “Date of birth”').selectOption('metadata');
    const rows = page.getByRole('table', { name: /examples as they would be imported/ });
    await expect(rows).toContainText('Date of birth: 02/11/2015');
    await expect(rows).not.toContainText('45415');
    const empty = page.getByRole('status', { name: 'Empty questions or answers' });
    await expect(empty).toContainText('1 row(s) have an empty question or answer (line 3)');
    await empty.getByLabel('Skip rows with an empty question or answer').check();
    await expect(rows).not.toContainText('fast before my blood test');
    await snap(page, '1-import');
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 2 examples; 1 row(s) with an empty question or answer were left out.')).toBeVisible();

    // A split that keeps nothing aside is not called a pass: it says why and what would suit 2 examples.
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.getByLabel('Training (%)').fill('100');
    await page.getByLabel('Validation (%)').fill('0');
    await page.getByLabel('Test (%)').fill('0');
    await page.getByRole('button', { name: 'Split into training, validation and test' }).click();
    const warning = page.getByRole('alert', { name: 'Split warnings' });
    await expect(warning).toContainText('Nothing is set aside to evaluate on');
    await expect(warning).toContainText('For 2 examples, 70/15/15');
    await expect(page.getByText('Leakage check passed')).toHaveCount(0);
    await snap(page, '2-split');
    await warning.getByRole('button', { name: 'Use 70/15/15' }).click();
    await expect(page.getByLabel('Training (%)')).toHaveValue('70');

    // Exporting over a file that exists asks first; keeping it leaves it untouched.
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    const out = join(dir, 'mine.csv');
    writeFileSync(out, 'my own notes\n');
    await page.getByLabel('Save this version as').fill(out);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'The file already exists' });
    await expect(ask).toContainText(`A file named ${out} already exists`);
    await snap(page, '3-export');
    await ask.getByRole('button', { name: 'Keep the existing file' }).click();
    expect(readFileSync(out, 'utf8')).toBe('my own notes\n');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'The file already exists' }).getByRole('button', { name: 'Replace it' }).click();
    await expect(page.getByText(`Wrote 2 examples to ${out}.`)).toBeVisible();
    expect(readFileSync(out, 'utf8')).toContain('Can I move my appointment to Friday?');

    // A clinic is offered a clinic's kinds of identifier; the rest are one click away.
    const privacy = page.getByRole('region', { name: 'Personal data' });
    await privacy.getByRole('button', { name: 'Protect personal data' }).click();
    await privacy.getByRole('button', { name: 'Check this version for personal data' }).click();
    await privacy.getByText(/Which kinds to replace/).click();
    await expect(privacy.getByLabel('Medical record numbers')).toBeVisible();
    await expect(privacy.getByLabel('Case and docket numbers')).toHaveCount(0);
    await snap(page, '4-kinds');
    await privacy.getByRole('button', { name: 'Show every kind' }).click();
    await expect(privacy.getByLabel('Case and docket numbers')).toBeVisible();

    // The report is dated as the project writes dates (en-GB: "30 November 2026"), and a split made from the
    // redacted version carries its redaction instead of saying it was never checked.
    await privacy.getByRole('button', { name: /Make a redacted version/ }).click();
    const report = privacy.getByRole('region', { name: 'Redaction report' });
    await expect(report).toContainText(/Made on \d{1,2} [A-Z][a-z]+ 20\d\d/);
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.getByRole('button', { name: 'Split into training, validation and test' }).click();
    await expect(page.getByRole('region', { name: 'Split result' })).toContainText('for training');
    await expect(privacy).toContainText('Made from a redacted version');
    await expect(privacy).not.toContainText('Not checked yet');
    await expect(report).toContainText('Redaction report of the version this one was made from');
    await snap(page, '6-derived');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the demo project shows its system prompt once, not in front of every question', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-demo-prompt-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: /Demo: clinic front desk/ })).toContainText('medical'); // a clinic's front desk
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    const instructions = page.getByRole('region', { name: 'Instructions given with every example' });
    await expect(instructions).toBeVisible();
    const prompt = (await instructions.textContent())!.split('(the system prompt): ')[1]!;
    expect(prompt.length).toBeGreaterThan(20);
    const table = page.getByRole('table', { name: 'Examples' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(table).not.toContainText(`[${prompt.slice(0, 30)}`);
    await snap(page, '5-demo-prompt');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
