// Blinded expert review in the browser, keyboard only: a review of six pairs (seeded through the typed API, as the
// Evaluate step will create it from an evaluation's answers) is judged with 1 / 2 / T / arrows and Enter, the focus
// staying on the pair; nothing on screen names the models before the sign-off; after it, the reveal shows which
// model wrote which answer and the win rate with its range; the choices go to Suggestions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './server.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `review-${name}.png`), fullPage: true });
};

function cli(workspace: string, ...args: string[]): unknown {
  const res = spawnSync(process.execPath, [bin, ...args, '--workspace', workspace, '--json'], { encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) throw new Error(`fieldtune ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

const QUESTIONS = ['When do you open?', 'Can I pay by card?', 'Is there parking?', 'Do you see walk-ins?', 'How do I cancel?', 'Is the flu shot free?'];

test('completes a blinded review with the keyboard, signs off, and sees the reveal and the win rate', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-review-'));
  const ws = join(dir, 'ws');
  try {
    const project = cli(ws, 'projects', 'create', 'Front desk') as { id: string };
    const items = QUESTIONS.map((q, i) => ({ prompt: q, answerA: `Original says ${i}: uh.`, answerB: `Tuned says ${i}: a clear answer.` }));
    cli(ws, 'call', 'review:create', JSON.stringify({ projectId: project.id, labelA: 'Original model', labelB: 'Tuned model', items }));

    const server = await startServer(ws, ['--no-demo']);
    try {
      await page.goto(server.url);
      await page.getByRole('button', { name: /Front desk/ }).click();
      await page.getByRole('tab', { name: /Evaluate/ }).click();
      await expect(page.getByRole('list', { name: 'Reviews' })).toBeVisible();
      await snap(page, '0-list');
      await page
        .getByRole('list', { name: 'Reviews' })
        .getByRole('button', { name: /0 of 6 pairs judged, start/ })
        .click();

      for (let i = 0; i < QUESTIONS.length; i++) {
        const pair = page.getByRole('region', { name: `Pair ${i + 1} of 6` });
        await expect(pair).toBeFocused(); // the pair holds the focus: no mouse needed between pairs
        await expect(pair).toContainText(QUESTIONS[i]!);
        // Nothing names a model before the sign-off.
        await expect(page.getByText(/Tuned model|Original model/)).toHaveCount(0);
        const tunedFirst = (await pair.getByRole('article', { name: 'Answer 1' }).textContent())!.includes('Tuned says');
        // Pair 3 is called a tie with T; pair 2 is judged with the arrow keys; the rest with 1 and 2.
        const key = i === 2 ? 't' : i === 1 ? (tunedFirst ? 'ArrowLeft' : 'ArrowRight') : tunedFirst ? '1' : '2';
        await page.keyboard.press(key);
        const pressed = i === 2 ? 'About the same' : tunedFirst ? 'Answer 1 is better' : 'Answer 2 is better';
        await expect(pair.getByRole('button', { name: new RegExp(pressed) })).toHaveAttribute('aria-pressed', 'true');
        if (i === 0) await snap(page, '1-pair');
        await page.keyboard.press('Enter');
      }

      const signOff = page.getByRole('form', { name: 'Sign off the review' });
      await expect(signOff).toContainText('All 6 pairs have a verdict');
      await expect(signOff.getByLabel('Your name')).toBeFocused();
      await expect(page.getByText(/Tuned model|Original model/)).toHaveCount(0);
      await snap(page, '2-signoff');
      await page.keyboard.type('Dr. Ana Weber');
      await page.keyboard.press('Enter');

      const reveal = page.getByRole('region', { name: 'Result: which model wrote which answer' });
      await expect(reveal).toContainText('Signed off by Dr. Ana Weber');
      await expect(reveal.getByRole('heading', { name: 'Result: which model wrote which answer' })).toBeFocused();
      // 5 tuned wins and a tie of 6: 92% with a likely range clear of 50%.
      await expect(reveal.getByRole('status')).toContainText('Tuned model was preferred in 92% of the 6 pairs');
      await expect(reveal.getByRole('status')).toContainText('Tuned model is better than Original model in this review.');
      await expect(reveal.getByRole('img', { name: /Original model better in 0 pairs, about the same in 1, Tuned model better in 5/ })).toBeVisible();
      const sides = reveal.getByRole('table', { name: 'Which side was which' });
      await expect(sides.getByRole('row')).toHaveCount(7);
      await expect(sides.getByRole('row', { name: /Is there parking\?/ })).toContainText('About the same');
      await expect(sides.getByRole('row', { name: /When do you open\?/ })).toContainText(/Tuned model$/);
      await snap(page, '3-reveal');

      await reveal.getByRole('button', { name: 'Send the 5 preferred answers to Suggestions' }).click();
      await expect(reveal.getByText('Sent 5 choices to Suggestions')).toBeVisible();
      await page.getByRole('tab', { name: /Data/ }).click();
      await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Suggestions' }).click();
      await expect(page.getByRole('heading', { name: 'Waiting for you (5)' })).toBeVisible();
      await expect(page.getByRole('article', { name: /When do you open\?/ })).toContainText('Dr. Ana Weber chose the better answer from an expert review');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
