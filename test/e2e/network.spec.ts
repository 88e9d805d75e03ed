// Offline, visible: the page's Content-Security-Policy refuses a remote address, the app reports it, and the Network
// log shows where it tried to go (without the query) while the top bar counts it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './server.js';

test('a remote request is refused by the page, logged, and shown in the Network log', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-network-'));
  const server = await startServer(join(dir, 'ws'), ['--no-demo']);
  try {
    const remoteAnswers: string[] = [];
    const refused: string[] = [];
    const isRemote = (url: string) => !url.startsWith(new URL(server.url).origin);
    page.on('response', (r) => {
      if (isRemote(r.url())) remoteAnswers.push(r.url());
    });
    page.on('requestfailed', (r) => {
      if (isRemote(r.url())) refused.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    const response = await page.goto(server.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);

    await expect(page.getByRole('button', { name: 'Offline · nothing blocked' })).toBeVisible();
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://tracker.example.com/pixel.gif?patient=Priya';
      document.body.append(img);
    });
    await page.getByRole('button', { name: 'Offline · 1 blocked' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Network log' })).toBeVisible();
    const row = page.getByRole('table', { name: 'Blocked attempts' }).getByRole('row', { name: /tracker\.example\.com/ });
    await expect(row).toContainText('https://tracker.example.com/pixel.gif');
    await expect(row).toContainText('this page');
    await expect(row).not.toContainText('Priya');
    await page.screenshot({ path: 'test-results/network-log.png', fullPage: true });
    expect(remoteAnswers).toEqual([]); // refused by the page itself, before it left the browser
    expect(refused).toEqual([expect.stringMatching(/^https:\/\/tracker\.example\.com\/pixel\.gif.* csp$/)]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
