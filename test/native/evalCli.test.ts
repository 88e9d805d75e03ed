// `fieldtune eval` in file mode with --baseline on the demo model and a tiny trained adapter: the last stdout line is
// {"base":{...},"tuned":{...},"baseline":{...}} with the five metrics on each and perplexity on base and tuned.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoModel, FIXTURES, requireTrainer, tempDir } from './trainerHelpers.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');

describe('fieldtune eval (file mode, --baseline)', () => {
  let dir = '';
  let base = '';
  let adapter = '';
  let test = '';

  beforeAll(async () => {
    requireTrainer();
    dir = tempDir('ft-evalcli-');
    base = await demoModel(dir);
    adapter = join(dir, 'tiny.gguf');
    await run('node', [CLI, 'train', '--base', base, '--data', join(FIXTURES, 'chat.jsonl'), '--out', adapter, '--epochs', '2', '--threads', '2', '--json'], {
      maxBuffer: 1 << 24,
    });
    test = join(dir, 'test.jsonl');
    writeFileSync(test, readFileSync(join(FIXTURES, 'chat.jsonl'), 'utf8').split('\n').slice(0, 4).join('\n') + '\n');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints base, tuned and baseline metrics as its last JSON line', async () => {
    const { stdout } = await run(
      'node',
      [CLI, 'eval', '--base', base, '--adapter', adapter, '--data', test, '--baseline', '--shots', '2', '--max-new-tokens', '8', '--threads', '1', '--json'],
      {
        maxBuffer: 1 << 24,
      },
    );
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, Record<string, number>>;
    expect(Object.keys(last).sort()).toEqual(['base', 'baseline', 'tuned']);
    for (const system of ['base', 'tuned', 'baseline']) {
      const s = last[system]!;
      for (const k of ['exactMatch', 'tokenF1', 'rougeL']) {
        expect(s[k]).toBeGreaterThanOrEqual(0);
        expect(s[k]).toBeLessThanOrEqual(1);
      }
      for (const k of ['bleu', 'chrF']) {
        expect(s[k]).toBeGreaterThanOrEqual(0);
        expect(s[k]).toBeLessThanOrEqual(100);
      }
    }
    // answer-token perplexity on base and tuned only; training lowered it
    expect(last['base']!['perplexity']).toBeGreaterThan(last['tuned']!['perplexity']!);
    expect(last['baseline']).not.toHaveProperty('perplexity');
  });

  it('checks every answer against --rules and --json-schema: a rules line before the unchanged metrics line', async () => {
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify([
        { kind: 'mustContain', text: 'zebra appointment' },
        { kind: 'regex', pattern: '.' },
      ]),
    );
    const schema = join(dir, 'schema.json');
    writeFileSync(schema, '{"type": "object", "required": ["answer"]}');
    const { stdout } = await run(
      'node',
      [
        CLI,
        'eval',
        '--base',
        base,
        '--adapter',
        adapter,
        '--data',
        test,
        '--rules',
        rules,
        '--json-schema',
        schema,
        '--max-new-tokens',
        '4',
        '--threads',
        '1',
        '--json',
      ],
      { maxBuffer: 1 << 24 },
    );
    const lines = stdout.trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as Record<string, Record<string, number>>;
    expect(Object.keys(last).sort()).toEqual(['base', 'tuned']);
    const { rules: results } = JSON.parse(lines.at(-2)!) as { rules: { words: string; passRate: Record<string, number>; failing: Record<string, number[]> }[] };
    expect(results.map((r) => r.words)).toEqual(['must contain "zebra appointment"', 'must match /./']);
    // nobody writes "zebra appointment": every answer of both models broke rule 1
    expect(results[0]!.passRate).toEqual({ base: 0, tuned: 0 });
    expect(results[0]!.failing).toEqual({ base: [0, 1, 2, 3], tuned: [0, 1, 2, 3] });
  });

  it('refuses a bad --max-new-tokens with a message naming the flag', async () => {
    const bad = await run('node', [CLI, 'eval', '--base', base, '--data', test, '--max-new-tokens', '0', '--json']).catch(
      (e: { stdout: string; code: number }) => e,
    );
    expect((bad as { code: number }).code).toBe(1);
    expect((bad as { stdout: string }).stdout).toMatch(/--max-new-tokens must be a whole number of at least 1/);
  });
});
