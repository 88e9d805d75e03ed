// The Playground in the browser, by roles and labels: a project with a finished run (seeded before the server starts,
// a random adapter of real shape on the demo model, so no training is needed), the tuned and the original model
// answering the same message side by side with their speed shown, the original's reply rated good and the tuned
// one's corrected, the correction found among the Data step's suggestions, and the adapter exported as a bundle.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Core } from '../../electron/core/core.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';
import { writeEndlessDemoModel } from './endlessModel.js';
import { screenshots, watchErrors } from './pageErrors.js';
import { startServer } from './server.js';

const snap = screenshots('playground');

test('chats with base and tuned side by side, corrects a reply, finds it in Data, exports a bundle', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-playground-'));
  const ws = join(dir, 'ws');
  const core = new Core({ workspaceDir: ws, mode: 'cli' });
  try {
    // replies that only end at their token limit, from a model slow enough (~350 tokens a second here) that a
    // 4000-token reply is still being written when Stop is clicked, however busy the machine
    const model = await writeEndlessDemoModel({ out: join(dir, 'base.gguf'), layers: 2, embd: 256, ff: 256, ctx: 4096 });
    await seedRun(core.ws, await registerBase(core.ws, model), 'Clinic letters');
  } finally {
    await core.close();
  }
  const server = await startServer(ws, ['--no-demo']);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Clinic letters/ }).click();
    await page.getByRole('tab', { name: /Playground/ }).click();
    await expect(page.getByRole('heading', { name: 'Playground' })).toBeVisible();
    await expect(page.getByLabel('Training run')).toContainText('base.gguf');
    await expect(page.getByLabel('Show the original model’s answer beside it')).toBeChecked();
    await page.getByLabel(/Strength of the training/).fill('0.8');
    await expect(page.getByText('Strength of the training: 80%')).toBeVisible();
    await page.getByLabel('Instructions for the model (system prompt)').fill('Answer as a GP would, briefly.');
    await page.getByRole('button', { name: 'Keep these instructions for the whole project' }).click();
    await expect(page.getByRole('button', { name: 'Keep these instructions for the whole project' })).toBeHidden();
    await page.getByText('Answer settings').click();
    await page.getByLabel('Longest answer (tokens)').fill('8');
    await page.getByLabel('Creativity (temperature)').fill('0');

    const question = 'Should I fast before a blood test?';
    await page.getByLabel('Your message').fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    const original = page.getByRole('region', { name: 'Original model' });
    const tuned = page.getByRole('region', { name: 'Tuned model' });
    await expect(original).toContainText(question);
    await expect(tuned).toContainText(question);
    const originalReply = original.getByRole('article', { name: 'Original model’s reply 1' });
    const tunedReply = tuned.getByRole('article', { name: 'Tuned model’s reply 1' });
    await expect(originalReply).toContainText(/First words after [\d.]+ s · [\d.]+ tokens a second/, { timeout: 60_000 });
    await expect(tunedReply).toContainText(/Training at 80% · First words after [\d.]+ s · [\d.]+ tokens a second/, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
    await snap(page, '1-side-by-side');

    await originalReply.getByRole('button', { name: 'Good answer' }).click();
    await expect(originalReply.getByRole('status')).toContainText('Marked as a good answer and saved to the project’s suggestions');
    // the slider moves on; the reply keeps the strength it was written with
    await page.getByLabel(/Strength of the training/).fill('1');
    await tunedReply.getByRole('button', { name: 'Poor answer' }).click();
    const better = 'Only if your doctor asked for a fasting test; water is fine.';
    await tunedReply.getByLabel('Better answer').fill(better);
    await snap(page, '2-correcting');
    await tunedReply.getByRole('button', { name: 'Save as a suggestion' }).click();
    await expect(tunedReply.getByRole('status')).toContainText('Your better answer was saved to the project’s suggestions');
    await snap(page, '3-saved');

    // a long answer (4000 tokens, over ten seconds for this model) stops where it is: the text so far stays, and the
    // other column's reply is not written
    await page.getByLabel('Longest answer (tokens)').fill('4000');
    await page.getByLabel('Your message').fill('Tell me everything about fasting.');
    await page.getByRole('button', { name: 'Send' }).click();
    const originalSecond = original.getByRole('article', { name: 'Original model’s reply 2' });
    await expect(originalSecond.getByRole('status')).toHaveText('Writing…', { timeout: 30_000 });
    // the Stop button stays where it is while the reply grows above it (it used to move down a line at a time, so a
    // click could land where it had been)
    const stop = page.getByRole('button', { name: 'Stop' });
    const before = { box: await stop.boundingBox(), text: (await originalSecond.innerText()).length };
    await page.waitForTimeout(500);
    expect((await originalSecond.innerText()).length).toBeGreaterThan(before.text + 100);
    expect(await stop.boundingBox()).toEqual(before.box);
    await stop.click();
    await expect(originalSecond).toContainText(/Stopped (here|before it began)\./);
    await expect(tuned.getByRole('article', { name: 'Tuned model’s reply 2' })).toContainText('Stopped before it began.');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
    await snap(page, '4-stopped');
    if (process.env['FIELDTUNE_SCREENSHOTS']) {
      await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
      await snap(page, '4-stopped-other-theme');
      await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    }

    await page.getByRole('tab', { name: /Data/ }).click();
    await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Suggestions' }).click();
    await expect(page.getByRole('heading', { name: 'Waiting for you (2)' })).toBeVisible();
    const corrected = page.getByRole('article').filter({ hasText: 'typed a better answer from the Playground' });
    await expect(corrected).toContainText(question);
    await expect(corrected.getByLabel('Answer to keep')).toHaveValue(better);
    await expect(corrected.getByRole('list', { name: 'Answers the models gave' })).toContainText('Tuned model (strength 80%)');
    await snap(page, '5-suggestions');

    await page.getByRole('tab', { name: /Export/ }).click();
    await page.getByRole('radio', { name: /Share bundle for colleagues/ }).check();
    const out = join(dir, 'clinic.ftadapter');
    await page.getByLabel('Save to').fill(out);
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByText(`Exported to ${out}`)).toBeVisible({ timeout: 60_000 });
    expect(existsSync(out)).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
