// The candidate inbox in the Data step: a suggestion sent by the evaluation (seeded through the typed API, as the
// Evaluate step will send it) is found under Suggestions, accepted with an edited answer, and added to the dataset as
// a new version whose examples show the edited answer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './server.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `inbox-${name}.png`), fullPage: true });
};

function cli(workspace: string, ...args: string[]): unknown {
  const res = spawnSync(process.execPath, [bin, ...args, '--workspace', workspace, '--json'], { encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) throw new Error(`fieldtune ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

test('accepts a suggestion with an edited answer and adds it to the data as a new version', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-inbox-'));
  const ws = join(dir, 'ws');
  try {
    const data = join(dir, 'desk.jsonl');
    const qa = (q: string, a: string) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: q },
          { role: 'assistant', content: a },
        ],
      });
    writeFileSync(data, [qa('When do you open?', 'At eight.'), qa('Can I pay by card?', 'Yes.'), qa('Is there parking?', 'Behind the building.')].join('\n'));
    const project = cli(ws, 'projects', 'create', 'Front desk') as { id: string };
    cli(ws, 'data', 'import', data, '--project', 'Front desk');
    cli(
      ws,
      'call',
      'inbox:add',
      JSON.stringify({
        projectId: project.id,
        source: 'evaluate',
        prompt: [{ role: 'user', content: 'Do you see walk-in patients?' }],
        answers: [
          { label: 'Original model', text: 'Walk walk walk.' },
          { label: 'Tuned model', text: 'Yes, every day.' },
        ],
        correction: 'Yes, until noon, when a doctor is free.',
        author: 'Dr. Weber',
      }),
    );

    const server = await startServer(ws, ['--no-demo']);
    try {
      await page.goto(server.url);
      await page.getByRole('button', { name: /Front desk/ }).click();
      await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: 'Suggestions' }).click();
      const card = page.getByRole('article', { name: 'Suggestion 1: Do you see walk-in patients?' });
      await expect(card).toContainText('Dr. Weber typed a better answer from the evaluation');
      await expect(card.getByRole('list', { name: 'Answers the models gave' })).toContainText('Tuned model: Yes, every day.');
      const answer = card.getByLabel('Answer to keep');
      await expect(answer).toHaveValue('Yes, until noon, when a doctor is free.');
      await snap(page, '1-waiting');

      await answer.fill('Yes, until noon, when a doctor is free; booked patients go first.');
      await card.getByRole('button', { name: 'Accept' }).click();
      await expect(page.getByRole('heading', { name: 'Waiting for you (0)' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Accepted suggestions' })).toContainText('booked patients go first');
      await expect(page.getByLabel('Add to')).toContainText('desk (latest: version 1, 3 examples)');
      await snap(page, '2-accepted');

      await page.getByRole('button', { name: 'Add 1 accepted as a new version' }).click();
      await expect(page.getByRole('status')).toContainText('Added 1 suggestion to desk: version 2 now has 4 examples.');
      await expect(page.getByText('Decided earlier: 1 added to the data, 0 rejected')).toBeVisible();
      await snap(page, '3-added');

      await page.getByRole('button', { name: 'Versions and examples' }).click();
      await expect(page.getByRole('table', { name: 'desk' })).toContainText('1 accepted suggestions added');
      await expect(page.getByRole('table', { name: 'Examples' })).toContainText('booked patients go first');
      await snap(page, '4-version');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
