// Issue 17 in the browser: the fit check recommends a route and opens the Playground with the project's system
// prompt; then questions are written from a PDF by the real demo model (random weights, through node-llama-cpp: the
// text is nonsense, the machinery is real), two are accepted (one with the keyboard) and one edited, and they join
// the data as a new version marked synthetic.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writePdf } from '../unit/pdfFixture.js';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `generate-${name}.png`), fullPage: true });
};

test('the fit check recommends a route and opens the Playground with the project’s system prompt', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-fit-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();
    await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Is fine-tuning right?' }).click();
    await page
      .getByRole('group', { name: /How many good examples/ })
      .getByRole('radio', { name: 'A few dozen' })
      .check();
    await page
      .getByRole('group', { name: /How specialised are the words/ })
      .getByRole('radio', { name: 'Everyday language' })
      .check();
    await page
      .getByRole('group', { name: /How fixed is the shape/ })
      .getByRole('radio', { name: 'Free text' })
      .check();
    await page
      .getByRole('group', { name: /How often will people ask/ })
      .getByRole('radio', { name: 'Now and then' })
      .check();
    await page
      .getByRole('group', { name: /What does a wrong answer cost/ })
      .getByRole('radio', { name: /Little/ })
      .check();
    await page.getByRole('button', { name: 'Recommend' }).click();
    const rec = page.getByRole('region', { name: 'Recommendation' });
    await expect(rec).toContainText('Try prompting first: Prompting with a system prompt and a few examples may be enough.');
    await snap(page, '1-fit');

    // a specialised, high-stakes field with few examples: collect more first
    await page
      .getByRole('group', { name: /How specialised are the words/ })
      .getByRole('radio', { name: /Full of specialist terms/ })
      .check();
    await page
      .getByRole('group', { name: /What does a wrong answer cost/ })
      .getByRole('radio', { name: /Serious harm/ })
      .check();
    await page.getByRole('button', { name: 'Recommend' }).click();
    await expect(rec).toContainText('Collect more data first');

    await rec.getByRole('button', { name: 'Try prompting in the Playground' }).click();
    await expect(page.getByRole('tab', { name: /Playground/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Instructions for the model (system prompt)')).toHaveValue(/\S/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writes questions from a PDF with the demo model; two accepted, one edited, added as a synthetic version', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-generate-'));
  const pdf = join(dir, 'front-desk-guide.pdf');
  await writePdf(pdf, [
    { heading: 'Opening hours', text: 'The clinic opens at eight in the morning and closes at six in the evening on weekdays.' },
    { heading: 'Parking', text: 'Patients park for free in the visitor car park. Staff park behind the building.' },
  ]);
  const server = await startServer(join(dir, 'ws'));
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Demo: clinic front desk/ }).click();
    await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'More examples' }).click();
    await expect(page.getByLabel('Model that writes')).toContainText(/demo/i);
    await page.getByLabel(/^Documents/).fill(pdf);
    // short replies keep the test quick: the random-weight demo model never stops on its own
    await page.getByLabel('Longest question or answer, in word pieces').fill('8');
    await snap(page, '2-form');
    await page.getByRole('button', { name: 'Write questions' }).click();
    await expect(page.getByText(/new suggestions? from 2 passages are waiting for you below/)).toBeVisible({ timeout: 180_000 });

    const cards = page.getByRole('article');
    await expect(cards.first()).toBeVisible();
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await expect(cards.first().getByRole('blockquote', { name: 'Cited passage' })).toContainText(/front-desk-guide\.pdf: (OPENING HOURS|PARKING)/);
    await expect(cards.first()).toContainText(/Synthetic: .* wrote a question about a passage from your documents/);
    await snap(page, '3-review');

    // keyboard first: A on the card accepts it, and the next card takes the focus
    await cards.first().focus();
    await page.keyboard.press('a');
    await expect(page.getByRole('list', { name: 'Accepted suggestions' }).getByRole('listitem')).toHaveCount(1);
    await expect(cards.first()).toBeFocused();
    await cards.first().getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByRole('list', { name: 'Accepted suggestions' }).getByRole('listitem')).toHaveCount(2);
    // edit one: a better question and answer, accepted with Ctrl+Enter from the answer box
    const edited = cards.first();
    await edited.getByLabel('Question to keep').fill('When does the clinic open on weekdays?');
    await edited.getByLabel('Answer to keep').fill('At eight in the morning, until six in the evening.');
    await edited.getByLabel('Answer to keep').press('Control+Enter');
    await expect(page.getByRole('list', { name: 'Accepted suggestions' })).toContainText('When does the clinic open on weekdays? → At eight in the morning');
    await snap(page, '4-accepted');

    await page.getByRole('button', { name: 'Add 3 accepted as a new version' }).click();
    await expect(page.getByText(/version \d+ now has \d+ examples, 3 of the new ones synthetic \(written by a model\)\./)).toBeVisible();
    await expect(page.getByLabel('Working on')).toContainText(/Suggestions added, \d+ examples, 3 synthetic/);
    await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Versions and examples' }).click();
    await expect(page.getByText('3 accepted suggestions added, 3 of them synthetic (written by a model)')).toBeVisible();
    await snap(page, '5-version');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
