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
    external: ['electron', 'better-sqlite3', 'node-llama-cpp', 'ws', 'vite', 'esbuild'],
  };
  log('Bundling the Electron main process...');
  await build({ ...common, entryPoints: [join(APP_ROOT, 'electron', 'main', 'main.ts')], format: 'esm', outfile: join(ELECTRON_DIST, 'main.mjs') });
  await build({ ...common, entryPoints: [join(APP_ROOT, 'electron', 'main', 'preload.ts')], format: 'cjs', outfile: join(ELECTRON_DIST, 'preload.cjs') });
}
