import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** electron-builder's own JSON schema for its configuration, shipped in app-builder-lib. */
function builderSchema(): object {
  return JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(builderSchema());
}

describe('electron-builder.yml', () => {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it("is valid against electron-builder's configuration schema", () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check really rejects a broken configuration', () => {
    const validate = validator();
    expect(validate({ ...config, asar: 'sometimes', linux: { target: 42 } })).toBe(false);
  });

  it('targets nsis, dmg (arm64 + x64), AppImage and deb, and keeps native binaries out of the asar', () => {
    const targets = (os: string) => (config[os] as { target: Array<{ target: string; arch: string[] }> }).target;
    expect(targets('win').map((t) => t.target)).toEqual(['nsis']);
    expect(targets('mac')).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(targets('linux').map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config['asarUnpack']).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3-multiple-ciphers/**/*']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.mjs');
  });
});
