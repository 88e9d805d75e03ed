// The rule editor's logic without a screen: each row's problem in plain words (an empty rule, an unreadable pattern),
// rows to request rules and back (the 'i' flag as "capital letters do not matter"), and the evaluation held back
// while a rule or the schema needs fixing.
import { describe, expect, it } from 'vitest';
import { checksProblem, checksRequest } from './evalRulesStore.js';
import { draftProblem, fromRule, toRule, type RuleDraft } from './ruleDraft.js';

const row = (kind: RuleDraft['kind'], text: string, ignoreCase = false): RuleDraft => ({ key: 1, kind, text, ignoreCase });
const state = (o: Partial<Parameters<typeof checksProblem>[0]> = {}) => ({
  projectId: 'p',
  rules: [] as RuleDraft[],
  expectJson: false,
  schemaText: '',
  schemaProblem: null as string | null,
  schemaChecking: false,
  ...o,
});

describe('a rule row', () => {
  it('says what is missing or unreadable, specifically', () => {
    expect(draftProblem(row('mustContain', ' '))).toBe('Write the text this rule looks for.');
    expect(draftProblem(row('regex', ''))).toBe('Write the pattern this rule looks for.');
    expect(draftProblem(row('regex', '(\\d+'))).toBe('This pattern cannot be read: a "(" is never closed with ")" (Unterminated group).');
    expect(draftProblem(row('regex', '\\d{3}-\\d{4}'))).toBeNull();
    expect(draftProblem(row('mustNotContain', '(unclosed'))).toBeNull(); // plain text, not a pattern
  });

  it('becomes the request rule and comes back from a stored one', () => {
    expect(toRule(row('regex', '^yes', true))).toEqual({ kind: 'regex', pattern: '^yes', flags: 'i' });
    expect(toRule(row('regex', '^yes'))).toEqual({ kind: 'regex', pattern: '^yes' });
    expect(toRule(row('mustContain', 'phone', true))).toEqual({ kind: 'mustContain', text: 'phone' });
    expect(fromRule({ kind: 'regex', pattern: '^yes', flags: 'i' }, 4)).toEqual({ key: 4, kind: 'regex', text: '^yes', ignoreCase: true });
    expect(fromRule({ kind: 'mustNotContain', text: 'never' }, 5)).toEqual({ key: 5, kind: 'mustNotContain', text: 'never', ignoreCase: false });
  });
});

describe('the checks that go with an evaluation', () => {
  it('are held back while a rule or the schema needs fixing', () => {
    expect(checksProblem(state({ rules: [row('mustContain', 'ok'), row('regex', '[a-')] }))).toBe('Rule 2 needs fixing before the evaluation can use it.');
    expect(checksRequest(state({ rules: [row('regex', '[a-')] }))).toBeNull();
    expect(checksProblem(state({ expectJson: true, schemaText: '{', schemaProblem: 'The schema is not JSON: …' }))).toMatch(/JSON schema needs fixing/);
    expect(checksProblem(state({ expectJson: true, schemaText: '{}', schemaChecking: true }))).toMatch(/JSON schema needs fixing/);
    // a schema left behind while "answers should be JSON" is off does not hold anything back, and is not sent
    expect(checksRequest(state({ expectJson: false, schemaText: '{', schemaProblem: 'bad' }))).toEqual({ rules: [], expectJson: false });
  });

  it('carry the rules, "answers should be JSON" and the parsed schema', () => {
    expect(
      checksRequest(state({ rules: [row('mustContain', 'phone'), row('regex', '\\d+', true)], expectJson: true, schemaText: '{"type": "object"}' })),
    ).toEqual({
      rules: [
        { kind: 'mustContain', text: 'phone' },
        { kind: 'regex', pattern: '\\d+', flags: 'i' },
      ],
      expectJson: true,
      jsonSchema: { type: 'object' },
    });
  });
});
