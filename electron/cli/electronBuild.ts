import { join } from 'node:path';
import { APP_ROOT } from './rendererBuild.js';

export const ELECTRON_DIST = join(APP_ROOT, 'dist', 'electron');

/**
 * Bundles the Electron main process (ESM) and the preload (CommonJS: a sandboxed preload cannot be ESM).
 * Native and Electron modules stay external; they are loaded from node_modules at run time.
 */
export async function buildElectronMain(log: (m: string) => void = () => {}): Promise<void> {
  const { build } = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning' as const,
    external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'node-llama-cpp', 'ws', 'vite', 'esbuild'],
  };
  log('Bundling the Electron main process...');
  await build({ ...common, entryPoints: [join(APP_ROOT, 'electron', 'main', 'main.ts')], format: 'esm', outfile: join(ELECTRON_DIST, 'main.mjs') });
  // The core's own process, and the worker threads it starts (runInWorker looks for their entries beside it).
  const esmBanner = {
    js: 'import { createRequire as __fieldtuneCreateRequire } from "node:module"; const require = __fieldtuneCreateRequire(import.meta.url);',
  };
  for (const [name, entry] of [
    ['coreProcess', join(APP_ROOT, 'electron', 'main', 'coreProcess.ts')],
    ['engineWorker', join(APP_ROOT, 'electron', 'core', 'workers', 'engineWorker.ts')],
    ['piiPieceWorker', join(APP_ROOT, 'electron', 'core', 'workers', 'piiPieceWorker.ts')],
  ] as const) {
    await build({ ...common, entryPoints: [entry], format: 'esm', banner: esmBanner, outfile: join(ELECTRON_DIST, `${name}.mjs`) });
  }
  await build({ ...common, entryPoints: [join(APP_ROOT, 'electron', 'main', 'preload.ts')], format: 'cjs', outfile: join(ELECTRON_DIST, 'preload.cjs') });
}
