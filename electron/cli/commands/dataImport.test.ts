// `fieldtune data import|clean|split|stats|export|versions` through the real CLI entry (argument parsing, exit codes,
// stdout holding only JSON with --json).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const FIX = join(import.meta.dirname, '../../../test/fixtures/data');
const dir = mkdtempSync(join(tmpdir(), 'fieldtune-data-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; json: unknown[]; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  try {
    const code = await main(argv);
    return {
      code,
      json: out
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown),
      stderr: err.join(''),
    };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

describe('fieldtune data', () => {
  const ws = join(dir, 'ws');

  it('imports a CSV, creating the workspace and a project named after the file', async () => {
    const r = await cli('data', 'import', join(FIX, 'qa.csv'), '--workspace', ws, '--json');
    expect(r.code).toBe(0);
    expect(r.json).toHaveLength(1);
    expect(r.json[0]).toMatchObject({ project: { name: 'qa' }, dataset: { name: 'qa' }, version: { examples: 3, rejected: 0, format: 'csv' } });
    expect((r.json[0] as { version: { hash: string } }).version.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a bad file with exit 1 and one sentence naming the line, creating nothing', async () => {
    const fresh = join(dir, 'never-created');
    const r = await cli('data', 'import', join(FIX, 'bad-row.jsonl'), '--workspace', fresh, '--json');
    expect(r.code).toBe(1);
    const msg = (r.json[0] as { error: { message: string } }).error.message;
    expect(msg).toMatch(/^Line 3: it is not valid JSON .*--skip-bad/);
    expect(msg.replace(/\([^)]*\)/g, '').split(/\.\s/)).toHaveLength(1);
    expect(existsSync(fresh)).toBe(false);
  });

  it('--map, --format, --encoding and --skip-bad reach the importer', async () => {
    const cp = join(dir, 'excel.csv');
    writeFileSync(cp, Buffer.from('q;a\nCaf\xe9?;Oui\n', 'latin1'));
    const r = await cli('data', 'import', cp, '--workspace', ws, '--project', 'Cafe', '--map', 'q=user,a=assistant', '--encoding', 'windows-1252', '--json');
    expect(r.code).toBe(0);
    expect(r.json[0]).toMatchObject({ project: { name: 'Cafe' }, version: { examples: 1, format: 'csv', encoding: 'windows-1252' } });
    const skip = await cli('data', 'import', join(FIX, 'bad-row.jsonl'), '--workspace', ws, '--skip-bad', '--format', 'prompt-completion', '--json');
    expect(skip.json[0]).toMatchObject({ version: { examples: 3, rejected: 2, format: 'prompt-completion' } });
    const bad = await cli('data', 'import', cp, '--workspace', ws, '--format', 'yaml', '--json');
    expect(bad.code).toBe(1);
  });

  it('clean, split, stats, export and versions work on the imported dataset', async () => {
    const first = await cli('data', 'import', join(FIX, 'chat.jsonl'), '--workspace', ws, '--json');
    const { dataset, project } = first.json[0] as { dataset: { id: string }; project: { id: string } };
    const clean = await cli('data', 'clean', dataset.id, '--workspace', ws, '--json');
    expect(clean.json[0]).toMatchObject({ before: 3, after: 3, version: { operation: 'clean', examples: 3 } });
    const split = await cli('data', 'split', dataset.id, '--workspace', ws, '--ratios', '1/1/1', '--seed', '5', '--json');
    expect(split.json[0]).toMatchObject({ counts: { train: 1, validation: 1, test: 1 }, leakage: { ok: true } });
    const stats = await cli('data', 'stats', dataset.id, '--workspace', ws, '--max-length', '16', '--json');
    expect(stats.json[0]).toMatchObject({ count: 3, tokenizer: 'rough', maxLength: 16 });
    const outFile = join(dir, 'test.jsonl');
    const exp = await cli('data', 'export', dataset.id, '--workspace', ws, '--out', outFile, '--split', 'test', '--json');
    expect(exp.json[0]).toMatchObject({ examples: 1, format: 'jsonl' });
    expect(readFileSync(outFile, 'utf8').trim().split('\n')).toHaveLength(1);
    const versions = await cli('data', 'versions', project.id, '--workspace', ws, '--json');
    const list = versions.json[0] as Array<{ versions: Array<{ operation: string }> }>;
    expect(list[0]!.versions.map((v) => v.operation)).toEqual(['import', 'clean', 'split']);
  });

  it('data stats --model counts with the base model tokenizer and chat template', async () => {
    const model = join(dir, 'demo.gguf');
    expect((await cli('demo-model', '--out', model, '--layers', '1', '--embd', '64', '--ff', '64', '--json')).code).toBe(0);
    const added = await cli('models', 'add', model, '--workspace', ws, '--json');
    const modelId = (added.json[0] as { id: string }).id;
    const imported = await cli('data', 'import', join(FIX, 'prompt-completion.jsonl'), '--workspace', ws, '--json');
    const { dataset } = imported.json[0] as { dataset: { id: string } };
    const rough = await cli('data', 'stats', dataset.id, '--workspace', ws, '--max-length', '64', '--json');
    const real = await cli('data', 'stats', dataset.id, '--workspace', ws, '--max-length', '64', '--model', modelId, '--json');
    expect(rough.json[0]).toMatchObject({ tokenizer: 'rough', count: 2 });
    expect(real.json[0]).toMatchObject({ tokenizer: 'model', count: 2 });
    // Counted by a real tokenizer over the rendered template, not by the 4-characters-per-token estimate.
    expect((real.json[0] as { totalTokens: number }).totalTokens).not.toBe((rough.json[0] as { totalTokens: number }).totalTokens);
    const missing = await cli('data', 'stats', dataset.id, '--workspace', ws, '--model', 'nope', '--json');
    expect(missing.code).toBe(1);
  });
});
