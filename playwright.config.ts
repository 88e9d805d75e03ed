import { defineConfig } from '@playwright/test';

// Debian's chromium: Playwright's own browser download is never used (no network at test time).
export const CHROMIUM = process.env['FIELDTUNE_CHROMIUM'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env['FIELDTUNE_PW_JSON'] ?? 'test-results/e2e.json' }]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
    trace: 'off',
  },
});
