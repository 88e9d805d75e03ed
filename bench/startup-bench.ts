// Start-up times, as a user meets them (issue 10): `fieldtune --help` through package.json's bin, median of 5
// wall times, from the CLI bundle (dist/cli, built by `npm ci`) and from the tsx fallback side by side; the same
// for `projects list` on a fresh workspace; and browser mode: the time from opening the printed address in
// Chromium to the first screen (the project list with the demo project). Targets: --help < 0.3 s, first screen < 1 s.
// Run: npm run bench -- startup   (needs Debian's chromium for the browser part; skipped, with a note, without it)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import config, { CHROMIUM } from '../playwright.config.js';
import { startServer } from '../test/e2e/server.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fieldtune.mjs');
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

function wallMs(args: string[], env: Record<string, string>): { ms: number; stderr: string } {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, FIELDTUNE_CLI_SOURCE: '', ...env } });
  const elapsed = performance.now() - t0;
  if (res.status !== 0) throw new Error(`fieldtune ${args.join(' ')} exited ${res.status}:\n${res.stderr}`);
  return { ms: elapsed, stderr: res.stderr };
}

// The bundle must be fresh, or the "bundle" column would silently measure the fallback.
if (/running from source/.test(wallMs(['--help'], {}).stderr)) {
  console.log('CLI bundle missing or older than electron/ sources: building it (npm run build:cli)...');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the CLI bundle failed');
}

const workspace = mkdtempSync(join(tmpdir(), 'fieldtune-startup-bench-'));
try {
  wallMs(['projects', 'list', '--workspace', workspace], {}); // creates the workspace, so every timed run opens it
  console.log(`${`command (median of ${RUNS} wall times)`.padEnd(40)} ${'bundle (dist/cli)'.padStart(17)} ${'tsx fallback'.padStart(14)}  ratio`);
  for (const args of [['--help'], ['projects', 'list', '--workspace', workspace]]) {
    const bundle: number[] = [];
    const source: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const b = wallMs(args, {});
      if (/running from source/.test(b.stderr)) throw new Error('the bin fell back to tsx during the bundle runs');
      bundle.push(b.ms);
      source.push(wallMs(args, { FIELDTUNE_CLI_SOURCE: '1' }).ms);
    }
    const name = `fieldtune ${args[0] === '--help' ? '--help' : 'projects list'}`;
    console.log(
      `${name.padEnd(40)} ${ms(median(bundle)).padStart(17)} ${ms(median(source)).padStart(14)} ${(median(source) / median(bundle)).toFixed(1).padStart(6)}x`,
    );
  }
  console.log(
    `  (target: --help from the bundle < 300 ms; a bare \`node -e 0\` here takes ${ms(
      median(
        Array.from({ length: RUNS }, () => {
          const t0 = performance.now();
          spawnSync(process.execPath, ['-e', '0']);
          return performance.now() - t0;
        }),
      ),
    )})`,
  );

  if (!existsSync(CHROMIUM)) {
    console.log(`\nbrowser mode: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set FIELDTUNE_CHROMIUM)`);
  } else {
    const t0 = performance.now();
    const server = await startServer(workspace);
    const ready = performance.now() - t0;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: config.use?.launchOptions?.args ?? [], headless: true });
    try {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext(); // no cookie, no cache: a first visit every time
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(server.url);
        await page.getByRole('button', { name: /Demo: clinic front desk/ }).waitFor({ state: 'visible', timeout: 30_000 });
        times.push(performance.now() - started);
        await context.close();
      }
      console.log(`\nbrowser mode (fieldtune serve, fresh workspace with the demo)`);
      console.log(`  server start to printed address           ${ms(ready)}   (includes seeding the demo workspace)`);
      console.log(
        `  address opened to first screen, median of ${RUNS}  ${ms(median(times))}   (target < 1000 ms; all: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
      );
    } finally {
      await browser.close();
      await server.stop();
    }
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
