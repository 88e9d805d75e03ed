// Bundles the `fieldtune` CLI (electron/cli/main.ts and everything it imports) into dist/cli with esbuild, so the
// command starts without transpiling TypeScript (tsx) on every run. Run by postinstall (`npm ci`) and by
// `npm run build:cli`. bin/fieldtune.mjs uses the bundle only while it is newer than every source under electron/.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIST = join(root, 'dist', 'cli');

/**
 * Packages that stay real packages, loaded from node_modules at run time: native addons (better-sqlite3,
 * node-llama-cpp with its prebuilt binaries), build tools the CLI calls (vite, esbuild), Electron, and libraries
 * that locate their own files or workers at run time (unpdf's pdf.js, exceljs, mammoth, and pdfkit, whose font files
 * are reached through its package.json "imports" map, which a bundle cannot resolve). The bundle imports each of
 * them lazily, so `fieldtune --help` loads none of them.
 */
export const CLI_EXTERNAL = [
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'node-llama-cpp',
  'vite',
  'esbuild',
  'electron',
  'unpdf',
  'exceljs',
  'mammoth',
  'pdfkit',
];

// Bundled CommonJS dependencies call require(); an ESM bundle has none unless it makes one.
const BANNER = 'import { createRequire as __fieldtuneCreateRequire } from "node:module"; const require = __fieldtuneCreateRequire(import.meta.url);';

/**
 * Builds `entry` into `outdir` (ESM, code-split so lazily imported modules stay out of start-up). The bundle
 * finds package.json, resources/ and native/build by walking up from its own location (electron/core/appPaths.ts),
 * so outdir must sit inside the checkout. Writes to a sibling folder first and swaps it in, so an interrupted
 * build never leaves a half-written bundle that looks fresh.
 */
export async function buildCli({ entry = join(root, 'electron', 'cli', 'main.ts'), outdir = CLI_DIST } = {}) {
  const { build } = await import('esbuild');
  const staging = `${outdir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await build({
      // The worker threads' entries sit beside the chunks (core/workers/runInWorker.ts looks for them there).
      entryPoints: {
        main: entry,
        engineWorker: join(root, 'electron', 'core', 'workers', 'engineWorker.ts'),
        piiPieceWorker: join(root, 'electron', 'core', 'workers', 'piiPieceWorker.ts'),
      },
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      external: CLI_EXTERNAL,
      banner: { js: BANNER },
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    rmSync(outdir, { recursive: true, force: true });
    renameSync(staging, outdir);
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  return join(outdir, 'main.mjs');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // --entry/--outdir: tests bundle the CLI and a probe the same way, elsewhere at the same depth.
  const { values } = parseArgs({ options: { entry: { type: 'string' }, outdir: { type: 'string' } } });
  const started = performance.now();
  const file = await buildCli({
    entry: values.entry === undefined ? undefined : resolve(values.entry),
    outdir: values.outdir === undefined ? undefined : resolve(values.outdir),
  });
  console.log(`[fieldtune] CLI bundle written to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
