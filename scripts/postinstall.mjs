// Runs after `npm ci` / `npm install`: prepares everything that must exist locally, since nothing is fetched
// at run time. 1) tokenizer vocabularies + chat templates for the demo model, from node-llama-cpp's bundled
// llama.cpp source; 2) the CLI bundle (dist/cli) and the renderer (dist/renderer), so that `fieldtune` and
// browser mode start at once; 3) the personal-data detectors compiled ahead of time (native/pii/build.mjs) and the
// native trainer, built from that same llama.cpp source (both cached; see native/build.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function step(title, script) {
  if (!existsSync(join(root, script))) return true;
  console.log(`[fieldtune] ${title}...`);
  const status = spawnSync(process.execPath, [join(root, script)], { cwd: root, stdio: 'inherit' }).status;
  if (status !== 0) console.error(`[fieldtune] ${title} failed (exit ${status}); see the message above.`);
  return status === 0;
}

const vocab = step('Extracting tokenizer vocabularies for the demo model', 'scripts/extract-vocab.mjs');

// Neither build fails the install: without dist/cli the command transpiles its sources (slower start), and
// browser mode builds the renderer at first start. Both need devDependencies (esbuild, vite), absent with --omit=dev.
const installed = (name) => {
  try {
    createRequire(join(root, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
};
for (const [tool, title, script] of [
  ['esbuild', 'Bundling the fieldtune command line', 'scripts/build-cli.mjs'],
  ['vite', 'Building the interface', 'scripts/build-renderer.mjs'],
]) {
  if (installed(tool)) step(title, script);
  else console.log(`[fieldtune] ${tool} is not installed (production install?): skipping "${title}".`);
}
if (process.env['FIELDTUNE_SKIP_NATIVE'] === '1') {
  console.log('[fieldtune] FIELDTUNE_SKIP_NATIVE=1: not building the native trainer (training will be unavailable).');
} else {
  // A failed native build does not fail the install: the app still runs (training reports the missing trainer
  // clearly; personal-data detection runs its TypeScript detectors), and the native tests fail loudly, so a broken
  // build cannot pass CI unseen.
  step('Building the personal-data detectors (seconds)', 'native/pii/build.mjs');
  step('Building the native trainer (first time: several minutes)', 'native/build.mjs');
}
process.exitCode = vocab ? 0 : 1;
