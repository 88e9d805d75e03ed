// The whole Data step as issue 13's clinic manager walks it, in browser mode, by roles and labels: a CSV and an XLSX
// of front-desk questions (a patient's name, a UK mobile, an NHS number, UK dates of birth) in a medical project read
// in en-GB; personal data checked, reviewed and replaced; copies cleaned; a split that keeps nothing aside refused
// as a pass; token statistics; an export over an existing file. Any console error or page error fails it.
// (It took in the former dataClinic.spec.ts: the workbook, split, export, kinds and derived-version checks.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { screenshots, watchErrors } from './pageErrors.js';
import { startServer } from './server.js';

const snap = screenshots('journey');

/** The booking system's export: a notes sheet first, then the questions with Excel dates of birth and a row without a reply. */
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

const IDENTIFIERS = ['Priya', 'Sharma', '07700 900461', '900461', '943 476 5919', '02/11/2015'];

/** Twelve front-desk messages, then an exact copy and a near copy (one word changed) of two of them: 14 rows. */
function calls(): string {
  const rows: Array<[string, string]> = [
    ["I'm Priya Sharma, my mobile is 07700 900461. Can I move my appointment to Friday?", 'Of course, Friday at 10:20 is free.'],
    ['My NHS number is 943 476 5919 and my date of birth is 02/11/2015. Is my repeat prescription ready?', 'Yes, it can be collected after two.'],
    ['Can Priya Sharma bring her son to her own appointment?', 'Yes, children are welcome in the waiting room with an adult.'],
    ['When does the surgery open on weekdays?', 'We open at eight and close at half past six, Monday to Friday.'],
    ['Is there parking near the surgery?', 'There is a small car park behind the building and a public one on Mill Road.'],
    ['How do I cancel an appointment?', 'Call us at least a day before, or use the link in your reminder text.'],
    ['Do you take walk-in patients?', 'Walk-ins are seen until noon when a doctor is free.'],
    ['Can I get a copy of my blood test results?', 'Yes, ask at reception or read them in the app once the doctor has seen them.'],
    ['How early should I arrive for my appointment?', 'Ten minutes early, so the nurse can check your details.'],
    ['Are the rooms wheelchair accessible?', 'Every room is on the ground floor and the entrance has a ramp.'],
    ['Is the flu jab free?', 'It is free for patients over sixty-five and for people with long-term conditions.'],
    ['How do I change my address?', 'Fill in the short form at reception or send it through the app.'],
  ];
  rows.push(rows[3]!, [rows[4]![0], rows[4]![1].replace('public one', 'public car park')]);
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  return ['Patient question,Reception reply', ...rows.map((r) => r.map(quote).join(','))].join('\n');
}

test('a clinic manager walks the whole Data step: two files, personal data, cleaning, split, lengths, export', async ({ page }) => {
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-journey-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    const book = join(dir, 'front-desk.xlsx');
    await workbook(book);
    const csv = join(dir, 'front-desk-calls.csv');
    writeFileSync(csv, calls());
    await page.goto(server.url);

    // The demo project shows its system prompt once, not in front of every question.
    await expect(page.getByRole('button', { name: /Demo: clinic front desk/ })).toContainText('medical');
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    const instructions = page.getByRole('region', { name: 'Instructions given with every example' });
    const prompt = (await instructions.textContent())!.split('(the system prompt): ')[1]!;
    expect(prompt.length).toBeGreaterThan(20);
    const demoTable = page.getByRole('table', { name: 'Examples' });
    await expect(demoTable.getByRole('row').nth(1)).toBeVisible();
    await expect(demoTable).not.toContainText(`[${prompt.slice(0, 30)}`);
    await snap(page, '0-demo');

    // A medical project that reads dates the UK way, for front-desk work.
    await page.getByLabel('New project').fill('Front desk');
    await page.getByLabel('Field').selectOption('medical');
    await page.getByLabel('Dates', { exact: true }).selectOption('en-GB');
    await expect(page.getByLabel('Dates', { exact: true })).toContainText('02/11/2015 is 2 November 2015');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
    await expect(page.getByLabel('Dates in this project')).toHaveValue('en-GB');
    await page.getByLabel('Kind of work').selectOption({ label: 'Front desk and patient messages' });
    await expect(page.getByRole('heading', { name: 'Starting point: Front desk and patient messages' })).toBeVisible();
    await snap(page, '1-project');

    // The workbook: the sheet is asked for, the columns are matched by their words, dates come in as UK dates, and
    // the row without a reply is counted and left out.
    await page.getByLabel('Path to a file or folder on this computer').fill(book);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByLabel('Which sheet holds the examples?').selectOption('Questions');
    await expect(page.getByLabel('Column “Patient question”')).toHaveValue('user');
    await expect(page.getByLabel('Column “Reception reply”')).toHaveValue('assistant');
    await page.getByLabel('Column “Date of birth”').selectOption('metadata');
    const previewRows = page.getByRole('table', { name: /examples as they would be imported/ });
    await expect(previewRows).toContainText('Date of birth: 02/11/2015');
    await expect(previewRows).not.toContainText('45415');
    const empty = page.getByRole('status', { name: 'Empty questions or answers' });
    await expect(empty).toContainText('1 row(s) have an empty question or answer (line 3)');
    await empty.getByLabel('Skip rows with an empty question or answer').check();
    await snap(page, '2-import-xlsx');
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 2 examples; 1 row(s) with an empty question or answer were left out.')).toBeVisible();

    // The CSV of calls: the columns are matched by their words too.
    await page.getByLabel('Path to a file or folder on this computer').fill(csv);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByLabel('Column “Patient question”')).toHaveValue('user');
    await expect(page.getByLabel('Column “Reception reply”')).toHaveValue('assistant');
    await snap(page, '3-import-csv');
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 14 examples.')).toBeVisible();
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    await expect(page.getByRole('button', { name: 'Work on front-desk-calls v1' })).toHaveAttribute('aria-pressed', 'true');

    // Personal data: a clinic is offered a clinic's kinds; the UK mobile is found whole; pseudonyms replace it all.
    const privacy = page.getByRole('region', { name: 'Personal data' });
    await privacy.getByRole('button', { name: 'Protect personal data' }).click();
    await privacy.getByRole('button', { name: 'Check this version for personal data' }).click();
    const review = privacy.getByRole('list', { name: 'Examples with personal data' });
    await expect(review.getByRole('button', { name: 'Priya Sharma NAME' })).toHaveCount(2);
    await expect(review.getByRole('button', { name: /^07700 900461 PHONE/ })).toHaveCount(1);
    await expect(review.getByRole('button', { name: /^943 476 5919 / })).toHaveCount(1);
    await privacy.getByText(/Which kinds to replace/).click();
    await expect(privacy.getByLabel('Medical record numbers')).toBeVisible();
    await expect(privacy.getByLabel('Case and docket numbers')).toHaveCount(0);
    await snap(page, '4-personal-data');
    await privacy.getByLabel(/Consistent pseudonyms/).check();
    await privacy.getByRole('button', { name: /Make a redacted version/ }).click();
    const report = privacy.getByRole('region', { name: 'Redaction report' });
    await expect(report).toContainText('consistent pseudonyms');
    await expect(report).toContainText(/Made on \d{1,2} [A-Z][a-z]+ 20\d\d/); // dated the UK way
    await expect(page.getByRole('button', { name: 'Work on front-desk-calls v2' })).toHaveAttribute('aria-pressed', 'true');
    await snap(page, '5-redacted');

    // Clean: the exact and the near copy are proposed, grouped under the example each copies, and removed.
    await page.getByRole('button', { name: 'Clean', exact: true }).click();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checked 14 examples: 1 identical copies, 1 near copies' })).toBeVisible();
    const groups = page.getByRole('list', { name: 'Groups of proposed removals' });
    await expect(groups.getByRole('listitem')).toHaveCount(2);
    await expect(groups.getByRole('group', { name: 'Copies of #4' }).getByLabel('Remove all 1 copy of #4')).toBeChecked();
    await snap(page, '6-clean');
    await page.getByRole('button', { name: 'Make a new version without 2 examples' }).click();
    await expect(page.getByLabel('Working on')).toContainText('v3: Cleaned, 12 examples');

    // A split that keeps nothing aside is not called a pass; the advice is one click; the split keeps the redaction.
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.getByLabel('Training (%)').fill('100');
    await page.getByLabel('Validation (%)').fill('0');
    await page.getByLabel('Test (%)').fill('0');
    await page.getByRole('button', { name: 'Split into training, validation and test' }).click();
    const warning = page.getByRole('alert', { name: 'Split warnings' });
    await expect(warning).toContainText('Nothing is set aside to evaluate on');
    await expect(warning).toContainText('For 12 examples');
    await expect(page.getByText('Leakage check passed')).toHaveCount(0);
    await warning.getByRole('button', { name: /^Use \d+\/\d+\/\d+$/ }).click();
    await page.getByRole('button', { name: 'Split into training, validation and test' }).click();
    await expect(page.getByLabel('Working on')).toContainText('v5: Split, 12 examples');
    const split = page.getByRole('region', { name: 'Split result' });
    await expect(split).toContainText('Leakage check passed');
    await expect(split).not.toContainText('Nothing is set aside'); // small parts are still named, as they should be
    await expect(privacy).toContainText('Made from a redacted version');
    await expect(privacy).not.toContainText('Not checked yet');
    await snap(page, '7-split');

    // Token statistics with the demo model's tokenizer.
    await page.getByRole('button', { name: 'Example lengths' }).click();
    await expect(page.getByLabel('Base model')).toContainText('Demo model');
    await page.getByRole('button', { name: 'Count tokens' }).click();
    const stats = page.getByRole('region', { name: 'Token statistics' });
    await expect(stats.getByTestId('token-histogram')).toBeVisible({ timeout: 60_000 });
    await expect(stats).toContainText('the tokenizer and chat template of Demo model');
    await snap(page, '8-lengths');

    // Export over a file that exists asks first; keeping it leaves it untouched; the file written holds no identifier.
    await page.getByRole('button', { name: 'Versions and examples' }).click();
    const out = join(dir, 'for-training.csv');
    writeFileSync(out, 'my own notes\n');
    await page.getByLabel('Save this version as').fill(out);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'The file already exists' });
    await expect(ask).toContainText(`A file named ${out} already exists`);
    await snap(page, '9-export');
    await ask.getByRole('button', { name: 'Keep the existing file' }).click();
    expect(readFileSync(out, 'utf8')).toBe('my own notes\n');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'The file already exists' }).getByRole('button', { name: 'Replace it' }).click();
    await expect(page.getByText(`Wrote 12 examples to ${out}.`)).toBeVisible();
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('Can I move my appointment to Friday?');
    for (const id of IDENTIFIERS) expect(written, id).not.toContain(id);
    expect(written).toContain("I'm ");
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(errors).toEqual([]);
});
