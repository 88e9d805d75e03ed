// `fieldtune data generate|augment` through the real CLI entry (in process) with the random-weight demo model: the
// suggestions are counted and wait in the project's inbox; usage errors name the flag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GenerateResult } from '../../contract/generate.js';
import type { InboxItem } from '../../contract/inboxRequests.js';
import { writeDemoModel } from '../../core/demoModel/index.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-generate-cli-'));
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

describe('fieldtune data generate / augment', () => {
  it('writes suggestions from a document and variations of a version, both waiting in the inbox', async () => {
    const ws = join(dir, 'ws');
    const model = await writeDemoModel({ out: join(dir, 'chat.gguf'), layers: 1, embd: 32, heads: 2, ff: 32 });
    const added = await cli('models', 'add', model.path, '--workspace', ws, '--json');
    expect(added.code, added.stderr).toBe(0);
    const modelId = (added.json as { id: string }).id;
    writeFileSync(join(dir, 'qa.csv'), 'question,answer\nWhen do you open?,At eight.\nWhere do I park?,Behind the building.\n');
    const imported = await cli('data', 'import', join(dir, 'qa.csv'), '--project', 'Desk', '--workspace', ws, '--json');
    const versionId = (imported.json as { version: { id: string } }).version.id;
    writeFileSync(join(dir, 'guide.md'), '# Opening hours\nThe clinic opens at eight in the morning and closes at six in the evening.\n');

    expect((await cli('data', 'generate', join(dir, 'guide.md'), '--project', 'Desk', '--workspace', ws)).stderr).toMatch(/Missing --model/);
    const generated = await cli(
      'data',
      'generate',
      join(dir, 'guide.md'),
      '--project',
      'Desk',
      '--model',
      modelId,
      '--per-passage',
      '1',
      '--max-tokens',
      '8',
      '--workspace',
      ws,
      '--json',
    );
    expect(generated.code, generated.stderr).toBe(0);
    const g = generated.json as GenerateResult;
    expect(g).toMatchObject({ mode: 'questions', inputs: 1 });
    expect(g.suggested + g.duplicates + g.empty).toBe(1);

    expect((await cli('data', 'augment', versionId, '--project', 'Desk', '--model', modelId, '--kinds', 'shout', '--workspace', ws)).stderr).toMatch(
      /--kinds takes reword, register or typos \(got "shout"\)/,
    );
    const varied = await cli(
      'data',
      'augment',
      versionId,
      '--project',
      'Desk',
      '--model',
      modelId,
      '--kinds',
      'reword,typos',
      '--max-tokens',
      '8',
      '--workspace',
      ws,
      '--json',
    );
    expect(varied.code, varied.stderr).toBe(0);
    const v = varied.json as GenerateResult;
    expect(v).toMatchObject({ mode: 'augment', inputs: 2 });
    expect(v.suggested + v.duplicates + v.empty).toBe(4);

    const projects = (await cli('projects', 'list', '--workspace', ws, '--json')).json as Array<{ id: string; name: string }>;
    const projectId = projects.find((p) => p.name === 'Desk')!.id;
    const inbox = (await cli('call', 'inbox:list', JSON.stringify({ projectId }), '--workspace', ws, '--json')).json as InboxItem[];
    expect(inbox).toHaveLength(g.suggested + v.suggested);
    expect(inbox.every((i) => i.status === 'pending' && i.provenance?.synthetic === true)).toBe(true);
  }, 120_000);
});
