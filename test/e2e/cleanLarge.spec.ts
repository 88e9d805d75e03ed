// Clean on a large version (issue 13, item 10): the search for copies is a job with progress and a stop button, the
// thousands of near copies come back as groups in a virtualised list, and deciding a group stays quick.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectHoldsStill } from './holdsStill.js';
import { startServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];

test('a large clean shows progress, stops on request, and shows thousands of near copies as groups', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-clean-big-'));
  const server = await startServer(join(dir, 'ws'));
  try {
    // 6,000 questions, each followed by a near copy (one word added): 12,000 rows, 6,000 near copies.
    const file = join(dir, 'copies.jsonl');
    const lines: string[] = [];
    let seed = 12345;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const vocab = Array.from({ length: 3000 }, () => Array.from({ length: 3 + (next() % 6) }, () => String.fromCharCode(97 + (next() % 26))).join(''));
    const words = (n: number) => Array.from({ length: n }, () => vocab[next() % vocab.length]).join(' ');
    for (let i = 0; i < 6000; i++) {
      const q = `${words(12)}?`;
      const a = words(20);
      for (const question of [q, `${q} please`])
        lines.push(
          JSON.stringify({
            messages: [
              { role: 'user', content: question },
              { role: 'assistant', content: a },
            ],
          }),
        );
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    await page.goto(server.url);
    await page.getByLabel('New project').fill('Audit');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByLabel('Path to a file or folder on this computer').fill(file);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import this file' }).click();
    await expect(page.getByText('Imported 12000 examples.')).toBeVisible({ timeout: 90_000 });

    await page.getByRole('button', { name: 'Clean', exact: true }).click();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await expect(page.getByRole('progressbar', { name: 'Looking for copies', exact: true })).toBeVisible();
    const stopLooking = page.getByRole('button', { name: 'Stop looking' });
    await expectHoldsStill(
      stopLooking,
      page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Looking for copies', exact: true }) }),
      1,
    );
    await stopLooking.click();
    await expect(page.getByText('The check for copies was cancelled; nothing was changed.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Background work' })).toContainText('cancelled');

    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checked 12000 examples' })).toBeVisible({ timeout: 180_000 });
    const groups = page.getByRole('list', { name: 'Groups of proposed removals' });
    await expect(page.getByText(/groups? of proposed removals/)).toBeVisible();
    expect(await groups.getByRole('listitem').count()).toBeLessThan(40); // only the groups in view are drawn
    const apply = page.getByRole('button', { name: /Make a new version without/ });
    const before = Number((await apply.textContent())?.match(/without (\d+)/)?.[1]);
    expect(before).toBeGreaterThanOrEqual(5900);
    expect(before).toBeLessThanOrEqual(6100);
    if (shots) await page.screenshot({ path: join(shots, 'clean-large.png'), fullPage: true });
    // Unticking one group is one quick change, not a redraw of thousands of rows.
    const first = groups.getByRole('listitem').first();
    const size = Number((await first.textContent())?.match(/\((\d+) to remove\)/)?.[1]);
    const started = Date.now();
    await first.getByRole('checkbox').first().uncheck();
    await expect(apply).toHaveText(`Make a new version without ${before - size} examples`);
    expect(Date.now() - started).toBeLessThan(1500);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
