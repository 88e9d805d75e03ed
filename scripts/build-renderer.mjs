// Builds the renderer (React app) into dist/renderer with vite. Run by postinstall so that browser mode's first
// screen does not wait for a build at first start (electron/cli/rendererBuild.ts still rebuilds when sources change).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const { build } = await import('vite');
await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
console.log(`[fieldtune] interface built into ${join(root, 'dist', 'renderer')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
