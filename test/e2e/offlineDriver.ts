// Browser mode with no network at all: run inside a network namespace that has only loopback (see
// test/native/offline.test.ts). Starts `fieldtune serve`, drives Debian's chromium through the app by roles and
// labels as a person would, and exits 0 when every step worked; any failure exits 1 with what went wrong.
//   node --import tsx test/e2e/offlineDriver.ts WORKSPACE
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../playwright.config.js';
import { startServer } from './server.js';

const [workspace] = process.argv.slice(2);
if (!workspace) throw new Error('usage: offlineDriver.ts WORKSPACE');
const server = await startServer(workspace);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
let code = 0;
try {
  const page = await browser.newPage();
  const origin = new URL(server.url).origin;
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) elsewhere.push(r.url());
  });
  const visible = (locator: ReturnType<typeof page.getByRole>) => locator.first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.goto(server.url);
  await visible(page.getByRole('heading', { name: 'Welcome to Fieldtune' }));
  await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: /Demo/ }).click();
  await visible(page.getByRole('tab', { name: /Data/ }));
  for (const step of ['Train', 'Evaluate', 'Export', 'Data']) {
    await page.getByRole('tab', { name: new RegExp(step) }).click();
    await visible(page.getByRole('tabpanel').getByRole('heading', { level: 2, name: step }));
  }
  await page.getByRole('button', { name: 'Models' }).click();
  await visible(page.getByRole('heading', { level: 1, name: /models/i }));
  await page.getByRole('button', { name: 'Offline · nothing blocked' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Network log' }));
  if (elsewhere.length) throw new Error(`the page asked for other addresses: ${elsewhere.join(', ')}`);
  process.stdout.write('offline browser mode: ok\n');
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  code = 1;
} finally {
  await browser.close();
  await server.stop();
}
process.exit(code);
