// The same typed error reads differently per host: the CLI names its flags (the app test names its controls:
// renderer/src/stores/errorWords.test.ts). Both come from the core's one neutral message and its `fix`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';
import { cliMessage } from './errorWords.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI error words', () => {
  it('words a fix with the flag that applies it', () => {
    expect(cliMessage({ message: 'Line 3: not JSON.', fix: { setting: 'skipBad' } })).toBe(
      'Line 3: not JSON; fix it, or run again with --skip-bad to import the rest and set such rows aside.',
    );
    expect(cliMessage({ message: 'Byte 0xE9 is not UTF-8.', fix: { setting: 'encoding', value: 'windows-1252' } })).toMatch(/--encoding windows-1252/);
    expect(cliMessage({ message: 'No column is chosen as the question.', fix: { setting: 'map', value: 'Q=user' } })).toMatch(/--map "Q=user"/);
    expect(cliMessage({ message: 'Plain.' })).toBe('Plain.');
  });

  it('a refused import through the CLI names --encoding; nothing in the core names it', async () => {
    const file = join(dir, 'latin.csv');
    writeFileSync(file, Buffer.from('question,answer\nCaf\xe9?,Oui\n', 'latin1'));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['data', 'import', file, '--workspace', join(dir, 'ws'), '--json'])).toBe(1);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    const { error } = JSON.parse(out.join('').trim()) as { error: { message: string; fix: { setting: string } } };
    expect(error.message).toMatch(/^Line 2: byte 0xE9 is not valid UTF-8.*import it with --encoding windows-1252/);
    expect(error.fix.setting).toBe('encoding');
  });
});
