// The core's layers are enforced by lint (eslint.config.js); this proves the rules bite: an engine importing a
// service, the store importing a service, and an import cycle each fail lint.
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core layers (lint)', () => {
  it('refuses an engine importing a service, the workspace or the store', async () => {
    for (const spec of ['../service/projects/projects.js', '../workspace.js', '../store/repositories/models.js']) {
      const ids = await ruleIds(`import { x } from '${spec}';\nexport const y = x;\n`, 'electron/core/data/probe.ts');
      expect(ids.join('\n')).toMatch(/no-restricted-imports: .*Engines are pure of the workspace/);
    }
    // the same import from a service is allowed
    const ok = await ruleIds(
      `import { createProject } from '../projects/projects.js';\nexport const y = createProject;\n`,
      'electron/core/service/datasets/probe.ts',
    );
    expect(ok.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  }, 60_000);

  it('refuses the store importing a service, and SQL outside the store', async () => {
    const up = await ruleIds(`import { x } from '../service/handlers.js';\nexport const y = x;\n`, 'electron/core/store/probe.ts');
    expect(up.join('\n')).toMatch(/sit below the services/);
    const sql = await ruleIds(`export const f = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1');\n`, 'electron/core/service/probe.ts');
    expect(sql.join('\n')).toMatch(/SQL belongs in a repository/);
  }, 60_000);

  it('refuses an import cycle', async () => {
    const parent = join(root, 'electron', 'core', 'data');
    const dir = join(parent, `.cycle-probe-${process.pid}`);
    // bin/fieldtune.mjs runs the prebuilt CLI bundle only while no folder under electron/ is newer than it: the probe
    // must not leave electron/core/data looking edited, or every later CLI start in the run goes back to transpiling
    const { atime, mtime } = statSync(parent);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = (): unknown => b;\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a.js';\nexport const b = (): unknown => a;\n");
      const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect((result?.messages ?? []).map((m) => m.ruleId)).toContain('import-x/no-cycle');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      utimesSync(parent, atime, mtime);
    }
  }, 60_000);
});
