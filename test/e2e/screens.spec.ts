// Every screen of the app loads without a single console error or CSP violation (zod's eval probe used to log one on
// every page load). The walk goes through each top-level view, each wizard step and each Data tab of the demo project.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { screenshots, watchErrors } from './pageErrors.js';
import { startServer, type BrowserModeServer } from './server.js';

const snap = screenshots('screens');

let dir: string;
let server: BrowserModeServer;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-screens-'));
  server = await startServer(join(dir, 'ws'));
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Technical terms a clinician met without explanation. Each may appear only inside a parenthesis, after plain words
 * that say the same ("a small add-on to it (a LoRA adapter)").
 */
const JARGON = /\bLoRA\b|HIPAA|Safe Harbor|\bseed\b|fingerprint|ShareGPT|Alpaca|prompt\/completion/i;

async function expectPlainWords(page: Page, screen: string): Promise<void> {
  const text = await page.locator('body').innerText();
  // Nested parentheses are rare on screen; strip innermost first until none are left.
  let plain = text;
  for (let before = ''; before !== plain;) {
    before = plain;
    plain = plain.replace(/\([^()]*\)/g, '');
  }
  expect(plain.match(JARGON)?.[0] ?? null, `unexplained jargon on ${screen}`).toBeNull();
}

test("every screen loads without a console error, and asks for nothing but the app's own address", async ({ page }) => {
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Fieldtune' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /models/i })).toBeVisible();
  await expectPlainWords(page, 'Models');
  await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: /Demo/ }).click();
  for (const tab of ['Import', 'Versions and examples', 'Clean', 'Split', 'Example lengths', 'Suggestions', 'More examples', 'Is fine-tuning right?']) {
    await page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: tab }).click();
    await expect(page.getByRole('navigation', { name: 'Data tasks' }).getByRole('button', { name: tab })).toHaveAttribute('aria-current', 'step');
    await snap(page, `data-${tab.split(' ')[0]!.toLowerCase()}`);
    await expectPlainWords(page, tab);
  }
  await page.getByRole('button', { name: 'Protect personal data' }).click();
  await expect(page.getByRole('button', { name: /Check this version/ })).toBeVisible();
  await expectPlainWords(page, 'Personal data');
  for (const step of ['Train', 'Evaluate', 'Export', 'Playground', 'Data']) {
    await page.getByRole('tab', { name: new RegExp(step) }).click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2, name: step })).toBeVisible();
    await expectPlainWords(page, step);
  }
  for (const [button, heading] of [
    ['Audit log', 'Audit log'],
    [/^Offline/, 'Network log'],
  ] as const) {
    await page.getByRole('button', { name: button }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await snap(page, heading.toLowerCase().replace(' ', '-'));
    await expectPlainWords(page, heading);
  }
  await expect(page.getByRole('status')).toHaveText(/Nothing has tried to reach the network\./);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Network log' })).toBeVisible();
  expect(errors).toEqual([]);
  const origin = new URL(server.url).origin;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
});
