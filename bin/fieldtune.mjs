#!/usr/bin/env node
// The `fieldtune` command. Runs the CLI bundle that `npm ci` builds (dist/cli, see scripts/build-cli.mjs) while it
// is newer than every source under electron/; otherwise (a checkout without a build, or sources edited since)
// it transpiles the TypeScript with tsx, as before: slower to start, never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'main.mjs');

/** Newest modification time under dir: files and folders (a folder's time changes when a file is added or
 * removed). Tests are skipped: they are not part of the bundle. About 5 ms for electron/. */
function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.endsWith('.test.ts')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why the bundle cannot be used, or null when it can. */
function bundleRefusal() {
  if (process.env['FIELDTUNE_CLI_SOURCE'] === '1') return 'FIELDTUNE_CLI_SOURCE=1';
  if (!existsSync(bundle)) return 'no CLI bundle (dist/cli); `npm run build:cli` builds it';
  if (newestMtime(join(root, 'electron')) > statSync(bundle).mtimeMs) {
    return 'sources under electron/ changed since the CLI bundle was built; `npm run build:cli` rebuilds it';
  }
  return null;
}

const refusal = bundleRefusal();
let entry = bundle;
if (refusal !== null) {
  process.stderr.write(`fieldtune: running from source (slower start): ${refusal}\n`);
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(root, 'electron', 'cli', 'main.ts');
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
