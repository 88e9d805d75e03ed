// npm test: every suite (vitest unit/native, Playwright e2e), summed into the one closing line CI reads:
//   N passed, N failed, N skipped
// A suite that crashes or reports nothing counts as a failure, so a broken runner can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const outDir = join(root, 'test-results');
mkdirSync(outDir, { recursive: true });

function run(cmd, args, env) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

function unitSuite() {
  const file = join(outDir, 'unit-counts.json');
  rmSync(file, { force: true });
  const status = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run'], { FIELDTUNE_COUNTS_FILE: file });
  if (!existsSync(file)) return { name: 'unit', passed: 0, failed: 1, skipped: 0, note: `vitest exited ${status} without counts` };
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // crashed after counting
  return { name: 'unit', ...counts };
}

function e2eSuite() {
  const file = join(outDir, 'e2e.json');
  rmSync(file, { force: true });
  const status = run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], { FIELDTUNE_PW_JSON: file });
  if (!existsSync(file)) return { name: 'e2e', passed: 0, failed: 1, skipped: 0, note: `playwright exited ${status} without a report` };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  const failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  return { name: 'e2e', passed: stats.expected + stats.flaky, failed, skipped: stats.skipped };
}

const suites = [];
if (!only || only === 'unit') suites.push(unitSuite());
if (!only || only === 'e2e') suites.push(e2eSuite());

console.log('\nSuites:');
for (const s of suites) console.log(`  ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.note ? ` (${s.note})` : ''}`);
const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
