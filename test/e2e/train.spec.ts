// The Train step in the browser, as a specialist would use it on the seeded demo project: pick the demo model, take
// a preset, see the estimate, start, watch the chart gain points, stop, resume from the checkpoint to the end, find
// the run with its adapter in the history, train a second run, compare the two and mark one as the candidate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectHoldsStill } from './holdsStill.js';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `train-${name}.png`), fullPage: true });
};
const pointsPlotted = async (page: Page) =>
  Number(/(\d+) points plotted/.exec((await page.getByRole('img', { name: /Loss while training/ }).getAttribute('aria-label')) ?? '')?.[1] ?? 0);

test('trains the demo model: preset, estimate, live chart, stop, resume, history, compare, candidate', async ({ page }) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-train-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();
    await page.getByRole('tab', { name: /Train/ }).click();
    await expect(page.getByLabel('Base model')).toContainText('Demo model');
    await expect(page.getByRole('checkbox', { name: /Clinic front desk \(sample\), version 1/ })).toBeChecked();
    const quick = page.getByRole('radio', { name: /Quick look/ });
    await expect(quick).toBeChecked();
    await expect(page.getByText(/A short first try on 24 examples/)).toBeVisible();
    // long enough to stop it half-way: more passes than the preset's
    await page.getByLabel('Passes over the data').fill('8');
    await page.getByRole('button', { name: 'Estimate time and memory' }).click();
    await expect(page.getByRole('region', { name: 'Estimate' })).toContainText(/About .* for \d+ steps over 24 examples/, { timeout: 120_000 });
    await snap(page, 'setup');

    await page.getByRole('button', { name: 'Start training' }).click();
    await expect.poll(() => pointsPlotted(page), { timeout: 180_000, intervals: [100] }).toBeGreaterThanOrEqual(2);
    const seen = await pointsPlotted(page);
    await expect.poll(() => pointsPlotted(page), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(seen); // it keeps gaining points
    await expect(page.getByRole('status').filter({ hasText: /Step \d+ of \d+/ })).toBeVisible();
    await snap(page, 'live');
    const stop = page.getByRole('button', { name: 'Stop training (progress is kept)' });
    await expectHoldsStill(stop, page.getByRole('status').filter({ hasText: /Step \d+ of \d+/ }));
    await stop.click();
    await expect(page.getByText(/Training stopped\. Its progress was saved/)).toBeVisible({ timeout: 120_000 });

    const runs = page.getByRole('table', { name: 'Training runs' });
    await expect(runs).toContainText('stopped');
    await runs.getByRole('button', { name: /Resume from checkpoint/ }).click();
    await expect(page.getByText(/Training finished: \d+ steps/)).toBeVisible({ timeout: 300_000 });
    await expect(runs).toContainText('finished');
    await expect(runs).toContainText(/\d+\.\d MB/); // the adapter
    await snap(page, 'finished');

    // a second, shorter run, then compare the two and choose the candidate
    await page.getByLabel('Passes over the data').fill('1');
    await page.getByRole('button', { name: 'Start training' }).click();
    // the first run's "Training finished" may still be on screen: wait for the second run's own row to finish
    await expect(runs.getByRole('row')).toHaveCount(3, { timeout: 60_000 });
    await expect(runs.getByRole('row').filter({ hasText: 'finished' })).toHaveCount(2, { timeout: 300_000 });
    for (const box of await runs.getByRole('checkbox', { name: /Compare: run of/ }).all()) await box.check();
    const comparison = page.getByRole('region', { name: 'Comparison of two runs' });
    await expect(comparison.getByRole('table', { name: 'What differs' })).toContainText('epochs');
    await expect(comparison.getByRole('img', { name: /Training loss of both runs/ })).toBeVisible();
    await runs
      .getByRole('button', { name: /Use as candidate/ })
      .first()
      .click();
    await expect(page.getByText(/now the project’s candidate/)).toBeVisible();
    await expect(runs).toContainText('candidate');
    await snap(page, 'compare');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
