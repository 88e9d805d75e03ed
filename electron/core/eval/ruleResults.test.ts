// The specialist's rules, end to end through scoring: per-rule outcomes per answer, pass rates per system with the
// failing examples named, "answers should be JSON" scoring validity everywhere, the schema check's words, and the
// pattern check the rule editor shares with the core.
import { describe, expect, it } from 'vitest';
import { patternProblem } from '../../contract/evalJob.js';
import { jsonChecker, schemaProblem } from './jsonValidity.js';
import { ruleResults } from './ruleResults.js';
import { compileRules, ruleOutcomes, type AnswerRule } from './rules.js';
import { makeScorer } from './scoring.js';

const rules: AnswerRule[] = [
  { kind: 'mustContain', text: 'phone' },
  { kind: 'mustNotContain', text: 'guarantee' },
  { kind: 'regex', pattern: '\\d{3}-\\d{4}' },
];
const refs = ['Call the phone line 555-0100.', 'Use the phone: 555-0101.', 'Phone 555-0102.'];

describe('per-rule results', () => {
  it('scores each rule per answer and sums them per system, naming the failing examples', () => {
    const score = makeScorer({ rules });
    const base = score(['I guarantee a reply.', 'Phone us on 555-0101.', 'Write to us.'], refs);
    const tuned = score(['Call the phone line 555-0100.', 'Use the phone: 555-0101.', 'Phone 555 0102, guaranteed.'], refs);
    expect(base.ruleOutcomes).toEqual([
      [false, false, false],
      [true, true, true],
      [false, true, false],
    ]);
    const results = ruleResults(rules, { base: base.ruleOutcomes, tuned: tuned.ruleOutcomes });
    expect(results.map((r) => r.words)).toEqual(['must contain "phone"', 'must not contain "guarantee"', 'must match /\\d{3}-\\d{4}/']);
    expect(results[0]!.passRate).toEqual({ base: 1 / 3, tuned: 1 });
    expect(results[0]!.failing).toEqual({ base: [0, 2], tuned: [] });
    expect(results[1]!.failing).toEqual({ base: [0], tuned: [2] });
    expect(results[2]!.passRate).toEqual({ base: 1 / 3, tuned: 2 / 3 });
    expect(results[2]!.failing).toEqual({ base: [0, 2], tuned: [2] });
    // the per-example share agrees with the per-rule outcomes
    expect(base.perExample.map((e) => e.rules)).toEqual([0, 1, 1 / 3]);
    expect(ruleResults([], { base: base.ruleOutcomes })).toEqual([]);
  });

  it('flags of a pattern apply (i: capital letters do not matter)', () => {
    const [strict, relaxed] = compileRules([
      { kind: 'regex', pattern: '^yes' },
      { kind: 'regex', pattern: '^yes', flags: 'i' },
    ]);
    expect(ruleOutcomes([strict!, relaxed!], 'Yes, we are open.')).toEqual([false, true]);
  });
});

describe('answers should be JSON', () => {
  it('scores validity on every example when asked, not only where the expected answer is JSON', () => {
    const answers = ['{"dose": 5}', 'five', '[1]'];
    const plainRefs = ['five mg', 'five', 'one'];
    expect(makeScorer()(answers, plainRefs).perExample.map((e) => e.jsonValid)).toEqual([null, null, null]);
    const s = makeScorer({ expectJson: true })(answers, plainRefs);
    expect(s.perExample.map((e) => e.jsonValid)).toEqual([1, 0, 1]);
    expect(s.perExample.map((e) => e.fitsSchema)).toEqual([null, null, null]);
    expect(s.overall.jsonValid).toBeCloseTo(2 / 3, 10);
  });
});

describe('checking a pasted schema', () => {
  it('says whether the text is not JSON, not an object, or not a schema; accepts a good one', () => {
    expect(schemaProblem('')).toMatch(/^The schema is empty/);
    expect(schemaProblem('{"type": "object",')).toMatch(/^The schema is not JSON: /);
    expect(schemaProblem('[1, 2]')).toMatch(/^The schema must be a JSON object/);
    expect(schemaProblem('{"type": "objec"}')).toMatch(/^The JSON schema is not valid: .*type/);
    const good = '{"type": "object", "required": ["dose"], "properties": {"dose": {"type": "number"}}}';
    expect(schemaProblem(good)).toBeNull();
    expect(jsonChecker(JSON.parse(good))('{"dose": 2}')).toEqual({ valid: true, fitsSchema: true });
  });
});

describe('the pattern check the editor and the core share', () => {
  it('names what is wrong with a pattern, in the same words the core refuses it with', () => {
    expect(patternProblem('\\d+')).toBeNull();
    const problem = patternProblem('[unclosed');
    expect(problem).toBe('a "[" is never closed with "]" (Unterminated character class)');
    expect(() => compileRules([{ kind: 'regex', pattern: '[unclosed' }])).toThrow(`is not a valid pattern: ${problem}`);
    expect(patternProblem('a', 'q')).toMatch(/^invalid flags/);
    expect(patternProblem('*a')).toBe('"*", "+", "?" or "{" follows nothing it could repeat (Nothing to repeat)');
    expect(patternProblem('a)')).toBe('a ")" has no "(" before it (Unmatched \')\')');
  });
});
