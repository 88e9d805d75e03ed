// The Data step as a clinician met it on an ordinary screen: a 700 px wide window, long pages, rename, names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type BrowserModeServer } from './server.js';

const shots = process.env['FIELDTUNE_SCREENSHOTS'];
const snap = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `layout-${name}.png`), fullPage: true });
};

let dir: string;
let server: BrowserModeServer;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-e2e-layout-'));
  server = await startServer(join(dir, 'ws'));
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const openDemo = async (page: Page) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: /Demo/ }).click();
  await expect(page.getByRole('table', { name: 'Examples' })).toBeVisible();
};

test('at 700 px the examples keep readable question and answer columns and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await openDemo(page);
  const question = page.getByRole('table', { name: 'Examples' }).getByRole('cell').nth(1);
  await expect(question).not.toHaveText('Loading…');
  expect((await question.boundingBox())!.width).toBeGreaterThan(150);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, '700px');
});

test('the sidebar background reaches the bottom of a long page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await openDemo(page);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight).toBeGreaterThan(600);
  // At the very bottom of the page the project column still runs from the top of the window to its bottom.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const sidebar = (await page.getByRole('navigation', { name: 'Projects' }).boundingBox())!;
  expect(sidebar.y).toBeLessThanOrEqual(0);
  expect(sidebar.y + sidebar.height).toBeGreaterThanOrEqual(599);
  await expect(page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: /Demo/ })).toBeInViewport();
  // Seen whole (a full-page screenshot, as the tester looked at it), the column is painted from the top bar to
  // the bottom of the page, not only where the sticky list happens to be: a pixel of its padding at the bottom equals
  // one near the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  const pixel = (y: number) => page.screenshot({ fullPage: true, clip: { x: 4, y, width: 1, height: 1 } });
  const top = await pixel(200);
  expect((await pixel(pageHeight - 3)).equals(top), 'the column background at the bottom of the page').toBe(true);
  expect((await pixel(Math.round(pageHeight * 0.7))).equals(top), 'the column background lower down the page').toBe(true);
  await snap(page, 'long-page');
});

test('rename cancels on Esc, and a second project cannot take a name already used', async ({ page }) => {
  await openDemo(page);
  await page.getByLabel('New project').fill('Front desk');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Project name').fill('Something else');
  await page.getByLabel('Project name').press('Escape');
  await expect(page.getByLabel('Project name')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();

  await page.getByLabel('New project').fill('front desk');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('alert')).toContainText("There is already a project called 'Front desk'");
  await expect(page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: /^front desk/i })).toHaveCount(1);
});

test('a long project name keeps a readable line of its own above the header controls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDemo(page);
  const title = (await page.getByRole('heading', { level: 1, name: /Demo: clinic front desk/ }).boundingBox())!;
  // Squeezed beside the date and rename controls it stood a word wide and six lines tall (~100 x 190 px).
  expect(title.width).toBeGreaterThan(400);
  expect(title.height).toBeLessThan(60);
  await snap(page, 'long-name');
});
