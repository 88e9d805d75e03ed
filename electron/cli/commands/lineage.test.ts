// `fieldtune data lineage|erase` through the real CLI entry (in process): --example counts from 1, erasing needs
// --confirm erase (refused with exit 1 and nothing changed otherwise), and the file form lists an import's versions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ErasureResult, Lineage } from '../../contract/lineageRequests.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-lineage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await main(argv);
    const lines = out.join('').trim().split('\n').filter(Boolean);
    return { code, json: lines.length ? (JSON.parse(lines.at(-1)!) as unknown) : null, stderr: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

describe('fieldtune data lineage / erase', () => {
  it('shows lineage, refuses an unconfirmed erase, erases a confirmed one', async () => {
    const ws = join(dir, 'ws');
    writeFileSync(join(dir, 'qa.csv'), 'question,answer\nWhat is a lien?,A right to keep property.\nWhat is bail?,Temporary release.\n');
    const imported = await cli('data', 'import', join(dir, 'qa.csv'), '--project', 'Law', '--workspace', ws, '--json');
    expect(imported.code).toBe(0);
    const versionId = (imported.json as { version: { id: string } }).version.id;

    const shown = await cli('data', 'lineage', versionId, '--example', '1', '--workspace', ws, '--json');
    expect(shown.code).toBe(0);
    expect((shown.json as Lineage).subject).toEqual({ kind: 'example', preview: 'What is a lien?' });
    const file = await cli('data', 'lineage', '--project', 'Law', '--file', 'qa.csv', '--workspace', ws, '--json');
    expect((file.json as Lineage).versions.map((v) => v.id)).toEqual([versionId]);
    expect((await cli('data', 'lineage', versionId, '--example', '0', '--workspace', ws)).code).toBe(1);

    const refused = await cli('data', 'erase', versionId, '--example', '1', '--workspace', ws);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('add --confirm erase') as unknown]);
    const erased = await cli('data', 'erase', versionId, '--example', '1', '--confirm', 'erase', '--reason', 'asked', '--workspace', ws, '--json');
    expect(erased.code).toBe(0);
    expect((erased.json as ErasureResult).newVersions).toMatchObject([{ fromVersionId: versionId, removed: 1 }]);
  });
});
