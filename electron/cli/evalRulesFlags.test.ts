// `fieldtune eval`'s --rules, --json-schema and --json-answers: read from files into the eval request's fields, and
// each bad file refused with a message naming the file and the fault (before any model loads: the real bin refuses
// an invalid pattern without a model on disk).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/unit/helpers.js';
import { evalChecksFrom } from './evalRulesFlags.js';

const t = tempDir();
afterAll(() => t.cleanup());
const file = (name: string, text: string) => {
  const p = join(t.dir, name);
  writeFileSync(p, text);
  return p;
};

describe('eval --rules / --json-schema / --json-answers', () => {
  it('reads rules and a schema into the request fields', () => {
    const rules = file('rules.json', '[{"kind":"mustContain","text":"phone"},{"kind":"regex","pattern":"^\\\\d+","flags":"i"}]');
    const schema = file('schema.json', '{"type":"object","required":["dose"]}');
    expect(evalChecksFrom({ rules, 'json-schema': schema })).toEqual({
      rules: [
        { kind: 'mustContain', text: 'phone' },
        { kind: 'regex', pattern: '^\\d+', flags: 'i' },
      ],
      jsonSchema: { type: 'object', required: ['dose'] },
      expectJson: true,
    });
    expect(evalChecksFrom({ 'json-answers': true })).toEqual({ rules: [], expectJson: true });
    expect(evalChecksFrom({})).toEqual({ rules: [], expectJson: false });
  });

  it('refuses each bad file with what is wrong', () => {
    expect(() => evalChecksFrom({ rules: join(t.dir, 'missing.json') })).toThrow(/--rules .*missing\.json cannot be read: ENOENT/);
    expect(() => evalChecksFrom({ rules: file('bad.json', '[{"kind":') })).toThrow(/--rules .*bad\.json is not JSON/);
    expect(() => evalChecksFrom({ rules: file('kind.json', '[{"kind":"sometimes","text":"x"}]') })).toThrow(/--rules .*kind\.json: rule 0 does not fit/);
    expect(() => evalChecksFrom({ rules: file('re.json', '[{"kind":"regex","pattern":"(open"}]') })).toThrow(
      /^Rule 1 \(must match \/\(open\/\) is not a valid pattern: a "\(" is never closed with "\)" \(Unterminated group\)$/,
    );
    expect(() => evalChecksFrom({ 'json-schema': file('s.json', '{"type":"objec"}') })).toThrow(/--json-schema .*s\.json: The JSON schema is not valid/);
  });

  it('the real bin refuses an invalid pattern before looking for a model', () => {
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
    const rules = file('re2.json', '[{"kind":"regex","pattern":"[a-"}]');
    const res = spawnSync(
      process.execPath,
      [bin, 'eval', '--base', join(t.dir, 'none.gguf'), '--data', join(t.dir, 'none.jsonl'), '--rules', rules, '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(
      /Rule 1 \(must match \/\[a-\/\) is not a valid pattern: a \\"\[\\" is never closed with \\"]\\" \(Unterminated character class\)/,
    );
  });
});
