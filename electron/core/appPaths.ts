import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding Fieldtune's package.json. Found by walking up from this module instead of assuming a
 * depth, because the same code runs from source (tsx), from a bundle in dist/electron, and from an asar.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fieldtune') {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find Fieldtune's package.json above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** resources/: demo data, templates, dictionaries shipped with the app. */
export function resourcePath(...parts: string[]): string {
  return join(appRoot(), 'resources', ...parts);
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
