// The Evaluate step in the browser, as a specialist would use it on the seeded demo project: split the data so a
// test set exists, train a short run, then evaluate it: base vs tuned vs prompting baseline with the verdict, the
// charts, the checks and the weakest answers (one sent back to Data through the inbox), and open the report stored
// with the run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `evaluate-${name}.png`), fullPage: true });
};

test('evaluates a finished demo run: base vs tuned vs baseline, checks, weakest answers, report', async ({ page }) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-eval-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();

    // without a finished run the step says what to do first
    await page.getByRole('tab', { name: /Evaluate/ }).click();
    await expect(page.getByText(/no finished training run to evaluate yet/)).toBeVisible();

    // a test set, then a short run on it
    await page.getByRole('tab', { name: /Data/ }).click();
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.getByRole('button', { name: 'Split into training, validation and test' }).click();
    await expect(page.getByLabel('Working on')).toContainText(/v2: Split/);
    await page.getByRole('tab', { name: /Train/ }).click();
    const v1 = page.getByRole('checkbox', { name: /version 1/ });
    const v2 = page.getByRole('checkbox', { name: /version 2/ });
    await v2.check();
    if (await v1.isChecked()) await v1.uncheck();
    await page.getByLabel('Passes over the data').fill('1');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByText(/Training finished: \d+ steps/)).toBeVisible({ timeout: 300_000 });

    await page.getByRole('tab', { name: /Evaluate/ }).click();
    await expect(page.getByLabel('Training run')).toContainText(/steps/);
    await expect(page.getByRole('checkbox', { name: /prompting baseline/ })).toBeChecked();
    // short answers keep the test quick: the random-weight demo model never stops on its own
    await page.getByLabel('Longest answer, in word pieces').fill('12');
    await snap(page, '1-setup');
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await expect(page.getByText('The evaluation finished. The results are below.')).toBeVisible({ timeout: 300_000 });

    const scores = page.getByRole('table', { name: /Scores/ });
    for (const system of ['Original model', 'Tuned model', 'Prompting baseline'])
      await expect(scores.getByRole('columnheader', { name: system })).toBeVisible();
    for (const metric of ['Exact match', 'Word overlap (token F1)', 'ROUGE-L', 'BLEU', 'chrF', 'Perplexity']) {
      await expect(scores.getByRole('rowheader', { name: metric })).toBeVisible();
    }
    await expect(page.getByText(/(Not enough examples to tell whether|is better than) /).first()).toBeVisible();
    await expect(page.getByRole('img', { name: /BLEU by system, with the confidence interval/ })).toBeVisible();
    await snap(page, '2-results');

    // the checks, each in plain words, the bias probe saying what it can and cannot show
    await expect(page.getByRole('article', { name: 'General skills' })).toContainText(/general questions/);
    await expect(page.getByRole('article', { name: 'Names, pronouns and ages' })).toContainText('What it cannot show');
    await expect(page.getByRole('article', { name: 'Leak check' })).toContainText(/Leak check before sharing: (passed|failed)/);
    await snap(page, '3-checks');

    // the weakest answers, side by side, with the form to send a corrected answer back to Data
    const failures = page.getByRole('region', { name: 'Weakest answers' });
    await failures.getByLabel('Sort by').selectOption({ label: 'chrF' });
    await expect(failures.getByText(/How surprised each model is by the expected answer .*: original .*, tuned /).first()).toBeVisible();
    await failures.getByRole('button', { name: 'Send to Data' }).first().click();
    await expect(failures.getByLabel('Corrected answer')).not.toBeEmpty();
    await failures.getByLabel('Corrected answer').fill('Book at the front desk or by phone.');
    await snap(page, '4-failures');
    await failures.getByRole('button', { name: 'Send to the Data inbox' }).click();
    await expect(page.getByText(/Sent to the Data step’s inbox/)).toBeVisible();

    // the report, stored with the run
    await page.getByRole('button', { name: 'Open the report' }).click();
    const report = page.getByRole('dialog', { name: 'Evaluation report' });
    await expect(report).toContainText(/Saved with the run: .* \(web page\) and .* \(PDF\)/);
    await expect(page.frameLocator('iframe[title="Evaluation report"]').getByRole('heading', { name: 'Verdict' })).toBeVisible();
    // a copy where the person chooses: a file already there is replaced only when they say so
    const copy = join(dir, 'evaluation.pdf');
    writeFileSync(copy, 'an older file');
    await report.getByLabel('Save a copy as').fill(copy);
    await report.getByLabel('Report format').selectOption('pdf');
    await report.getByRole('button', { name: 'Save a copy' }).click();
    const ask = report.getByRole('alertdialog', { name: 'The file already exists' });
    await expect(ask).toContainText(`A file named ${copy} already exists`);
    await snap(page, '5-report-file-exists');
    await ask.getByRole('button', { name: 'Keep the existing file' }).click();
    await expect(ask).toBeHidden();
    expect(readFileSync(copy, 'utf8')).toBe('an older file');
    await report.getByRole('button', { name: 'Save a copy' }).click();
    await ask.getByRole('button', { name: 'Replace it' }).click();
    await expect(report).toContainText(`Saved a copy to ${copy}.`);
    expect(readFileSync(copy).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await snap(page, '5-report');
    await report.getByRole('button', { name: 'Close the report' }).click();
    await expect(page.getByRole('table').filter({ hasText: 'Leak check' })).toBeVisible(); // the history

    // a blind expert review starts from this evaluation's answers: one pair per test question, sides hidden
    await page.getByRole('button', { name: 'Start a blind review of this evaluation’s answers' }).click();
    const pair = page.getByRole('region', { name: /^Pair 1 of \d+$/ });
    await expect(pair.getByRole('article', { name: 'Answer 1' })).toBeVisible();
    await expect(pair).not.toContainText(/Original model|Tuned model/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
