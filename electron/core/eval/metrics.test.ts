import { describe, expect, it } from 'vitest';
import { FieldtuneError } from '../../contract/errors.js';
import { intervalsByCategory, meanDifferenceInterval, pairedBootstrap } from './bootstrap.js';
import { jsonChecker, looksLikeJson } from './jsonValidity.js';
import { compileRules, rulesPassRate } from './rules.js';
import { exactMatch, normalizeAnswer, rougeL, tokenF1 } from './textMetrics.js';
import { verdictSentence } from './verdict.js';

describe('exact match, token F1, ROUGE-L', () => {
  it('normalize case, punctuation and articles before comparing', () => {
    expect(normalizeAnswer('  The Answer, is: 42! ')).toBe('answer is 42');
    expect(exactMatch('The answer is 42.', 'answer is 42')).toBe(1);
    expect(exactMatch('answer is 41', 'answer is 42')).toBe(0);
  });

  it('token F1 counts shared words with clipping', () => {
    // prediction 4 words, reference 3, 2 shared: P = 1/2, R = 2/3, F1 = 4/7
    expect(tokenF1('take two tablets daily', 'two tablets nightly')).toBeCloseTo(4 / 7, 10);
    // "dose" twice in the prediction but once in the reference counts once
    expect(tokenF1('dose dose', 'dose')).toBeCloseTo((2 * 0.5 * 1) / 1.5, 10);
    expect(tokenF1('', '')).toBe(1);
    expect(tokenF1('something', '')).toBe(0);
  });

  it('ROUGE-L uses the longest common subsequence, so word order matters', () => {
    // LCS of "a b c d" vs "a c b d" (articles aside: use other words) = 3
    expect(rougeL('one two three four', 'one three two four')).toBeCloseTo(3 / 4, 10);
    expect(tokenF1('one two three four', 'one three two four')).toBe(1);
    expect(rougeL('call the clinic', 'call clinic')).toBe(1);
  });
});

describe('specialist rules', () => {
  it('must contain, must not contain (case-insensitive) and regex', () => {
    const rules = compileRules([
      { kind: 'mustContain', text: 'Call 911' },
      { kind: 'mustNotContain', text: 'guarantee' },
      { kind: 'regex', pattern: '\\d+ ?mg' },
    ]);
    expect(rulesPassRate(rules, 'Please call 911 now; take 5 mg.')).toBe(1);
    expect(rulesPassRate(rules, 'I guarantee it: call 911.')).toBeCloseTo(1 / 3, 10);
    expect(rulesPassRate([], 'anything')).toBeNull();
  });

  it('an invalid regular expression is a specific error naming the rule', () => {
    try {
      compileRules([
        { kind: 'mustContain', text: 'x' },
        { kind: 'regex', pattern: '(unclosed' },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FieldtuneError);
      const f = e as FieldtuneError;
      expect(f.code).toBe('INVALID_INPUT');
      expect(f.details).toEqual({ reason: 'invalidRule', rule: 1 });
      expect(f.message).toMatch(/^Rule 2 \(must match \/\(unclosed\/\) is not a valid pattern/);
    }
  });
});

describe('JSON validity', () => {
  it('parses plain and fenced JSON and checks a schema', () => {
    const check = jsonChecker({ type: 'object', required: ['dose'], properties: { dose: { type: 'number' } } });
    expect(check('{"dose": 5}')).toEqual({ valid: true, fitsSchema: true });
    expect(check('```json\n{"dose": "five"}\n```')).toEqual({ valid: true, fitsSchema: false });
    expect(check('dose: 5')).toEqual({ valid: false, fitsSchema: false });
    expect(jsonChecker()('[1,2]')).toEqual({ valid: true, fitsSchema: null });
    expect(looksLikeJson('{"a":1}')).toBe(true);
    expect(looksLikeJson('42')).toBe(false);
  });

  it('refuses a schema that is not a JSON Schema', () => {
    expect(() => jsonChecker({ type: 'no-such-type' })).toThrow(/JSON schema is not valid/);
  });
});

describe('paired bootstrap', () => {
  it('a constant difference has a zero-width interval at that difference', () => {
    const a = [0.1, 0.5, 0.3, 0.9, 0.2];
    const b = a.map((x) => x + 0.25);
    const i = meanDifferenceInterval(a, b, { seed: 7 });
    expect(i.difference).toBeCloseTo(0.25, 12);
    expect(i.low).toBeCloseTo(0.25, 12);
    expect(i.high).toBeCloseTo(0.25, 12);
  });

  it('matches the normal approximation on a known case and is reproducible for a seed', () => {
    // differences: 60 of +1 and 40 of -1: mean 0.2, sd sqrt(1 - 0.04) = 0.9798, se = 0.09798, 95% ~ 0.2 +- 0.192
    const a = new Array<number>(100).fill(0);
    const b = Array.from({ length: 100 }, (_, i) => (i < 60 ? 1 : -1));
    const i = meanDifferenceInterval(a, b, { seed: 1, resamples: 4000 });
    expect(i.difference).toBeCloseTo(0.2, 12);
    expect(i.low).toBeGreaterThan(0.2 - 0.192 - 0.03);
    expect(i.low).toBeLessThan(0.2 - 0.192 + 0.03);
    expect(i.high).toBeGreaterThan(0.2 + 0.192 - 0.03);
    expect(i.high).toBeLessThan(0.2 + 0.192 + 0.03);
    expect(meanDifferenceInterval(a, b, { seed: 1, resamples: 4000 })).toEqual(i);
    expect(meanDifferenceInterval(a, b, { seed: 2, resamples: 4000 })).not.toEqual(i);
  });

  it('per category: each label gets its own interval', () => {
    const a = [0, 0, 0, 0, 1, 1, 1, 1];
    const b = [1, 1, 1, 1, 1, 0, 1, 0];
    const per = intervalsByCategory(a, b, ['dosing', 'dosing', 'dosing', 'dosing', 'billing', 'billing', 'billing', 'billing', null].slice(0, 8));
    expect(Object.keys(per)).toEqual(['billing', 'dosing']);
    expect(per['dosing']!.difference).toBe(1);
    expect(per['billing']!.difference).toBe(-0.5);
  });

  it('the general form recomputes a corpus statistic on each resample', () => {
    const calls: number[] = [];
    pairedBootstrap(3, (idx) => (calls.push(idx.length), 0), { resamples: 10 });
    expect(calls).toEqual(new Array(11).fill(3));
  });
});

describe('the verdict sentence', () => {
  it('says "not enough examples to tell" when the interval spans zero', () => {
    expect(
      verdictSentence({
        a: 'the original model',
        b: 'the tuned model',
        metric: 'token F1',
        scale: 'percent',
        interval: { difference: 0.05, low: -0.02, high: 0.12, n: 12 },
      }),
    ).toBe('Not enough examples to tell whether the tuned model or the original model is better on token F1.');
  });

  it('names the better system and by how much when the interval is on one side', () => {
    expect(
      verdictSentence({
        a: 'the original model',
        b: 'the tuned model',
        metric: 'token F1',
        scale: 'percent',
        interval: { difference: 0.123, low: 0.041, high: 0.205, n: 40 },
      }),
    ).toBe('The tuned model is better than the original model on token F1 by 12.3 points (95% sure it is between 4.1 and 20.5 points).');
    expect(
      verdictSentence({
        a: 'the prompting baseline',
        b: 'the tuned model',
        metric: 'BLEU',
        scale: 'points',
        interval: { difference: -3.5, low: -6, high: -1, n: 40 },
      }),
    ).toBe('The prompting baseline is better than the tuned model on BLEU by 3.5 points (95% sure it is between 1.0 and 6.0 points).');
  });
});
