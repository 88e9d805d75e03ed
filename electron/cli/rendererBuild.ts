import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../core/appPaths.js';

export const APP_ROOT = appRoot();
export const RENDERER_DIST = join(APP_ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when its bundle is missing or older than its sources (a packaged app ships it built). */
export async function ensureRendererBuilt(log: (m: string) => void): Promise<string> {
  const index = join(RENDERER_DIST, 'index.html');
  const sources = [join(APP_ROOT, 'renderer'), join(APP_ROOT, 'electron', 'contract')].filter(existsSync);
  const stale = !existsSync(index) || sources.some((dir) => newestMtime(dir) > statSync(index).mtimeMs);
  if (stale && existsSync(join(APP_ROOT, 'renderer', 'vite.config.ts'))) {
    log('Building the interface (first start or sources changed)...');
    const { build } = await import('vite');
    await build({ configFile: join(APP_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  }
  return RENDERER_DIST;
}
