// npm run bench [-- NAME...]: runs the benchmarks in bench/ one after another. They print figures (tables,
// ratios measured in one run); they are not pass/fail tests, since these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('-bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
if (benches.length === 0) {
  console.error(`No benchmark matches ${wanted.join(' ')}. Available: ${readdirSync(join(root, 'bench')).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const status = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', bench)], { cwd: root, stdio: 'inherit' }).status;
  if (status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
