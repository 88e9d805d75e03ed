// The evaluation flow with fake generators: the baseline's prompt (own system prompt first, else the project's;
// shots from the other examples, fewer when they do not fit), the three systems scored and compared, the verdict.
import { describe, expect, it } from 'vitest';
import type { Message, Sample } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { Generator } from './generator.js';
import { baselinePrompt, toTestItem } from './prompts.js';
import { runEvaluation } from './runEvaluation.js';

const sample = (q: string, a: string, extra: Partial<Sample> = {}): Sample => ({
  messages: [
    { role: 'user', content: q },
    { role: 'assistant', content: a },
  ],
  ...extra,
});
const samples = [
  sample('When do you open?', 'We open at nine.', { metadata: { topic: 'hours' } }),
  sample('Where do I park?', 'Behind the building.', { metadata: { topic: 'visit' } }),
  sample('Can I cancel?', 'Yes, call the desk.', { metadata: { topic: 'visit' } }),
  sample('Do you take walk-ins?', 'Only in the morning.', { metadata: { topic: 'hours' } }),
];
const items = samples.map(toTestItem);
const lastUser = (p: readonly Message[]) => [...p].reverse().find((m) => m.role === 'user')!.content;

describe('the prompting baseline', () => {
  it('uses the project system prompt, shots from the other examples, and fewer when they do not fit', () => {
    const all = baselinePrompt(items, 1, { shots: 2, systemPrompt: 'Be brief.' }, () => true);
    expect(all.shots).toBe(2);
    expect(all.prompt.map((m) => m.content)).toEqual([
      'Be brief.',
      'When do you open?',
      'We open at nine.',
      'Can I cancel?',
      'Yes, call the desk.',
      'Where do I park?',
    ]);
    const fits = (p: readonly Message[]) => p.length <= 4;
    expect(baselinePrompt(items, 1, { shots: 3, systemPrompt: 'Be brief.' }, fits).shots).toBe(1);
    // the example's own system prompt wins over the project's
    const own = [toTestItem({ messages: [{ role: 'system', content: 'Own.' }, ...samples[0]!.messages] }, 0), ...items.slice(1)];
    expect(baselinePrompt(own, 0, { shots: 0, systemPrompt: 'Project.' }, () => true).prompt[0]).toEqual({ role: 'system', content: 'Own.' });
  });

  it('refuses an example without an answer', () => {
    expect(() => toTestItem({ messages: [{ role: 'user', content: 'hi' }] }, 2)).toThrow(FieldtuneError);
  });
});

describe('runEvaluation', () => {
  it('scores base, tuned and baseline, compares them and says the verdict', async () => {
    const truth = new Map(items.map((it) => [lastUser(it.prompt), it.reference]));
    const fake = (answer: (p: readonly Message[]) => string): Generator => ({
      generate: async (ps, o) => ps.map((p, i) => (o.onAnswer?.(i + 1), answer(p))),
      fits: () => true,
    });
    // the base model only gets the first word right when it has worked examples (the baseline's prompt is longer)
    const base = fake((p) => (p.length > 2 ? truth.get(lastUser(p))!.split(' ')[0]! : 'no idea'));
    const tuned = fake((p) => truth.get(lastUser(p))!);
    const progress: number[] = [];
    const r = await runEvaluation({
      items,
      generators: { base, tuned },
      baseline: { shots: 2 },
      maxNewTokens: 8,
      onProgress: (_, current) => progress.push(current),
    });
    expect(Object.keys(r.systems)).toEqual(['base', 'tuned', 'baseline']);
    expect(r.systems.tuned!.exactMatch).toBe(1);
    expect(r.systems.base!.exactMatch).toBe(0);
    expect(r.systems.baseline!.tokenF1).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(12);
    expect(r.comparisons.map((c) => [c.a, c.b])).toEqual([
      ['base', 'tuned'],
      ['baseline', 'tuned'],
    ]);
    expect(r.comparisons[0]!.verdict).toMatch(/^The tuned model is better than the original model on token F1/);
    expect(Object.keys(r.comparisons[0]!.metrics.tokenF1!.byCategory)).toEqual(['hours', 'visit']);
    expect(r.examples[0]).toMatchObject({ category: 'hours', shots: 2, answers: { tuned: 'We open at nine.' } });
    expect(r.systems.tuned!.intervals!.exactMatch).toEqual({ low: 1, high: 1 });
    expect(r.rules).toEqual([]);
  });

  it("reports each of the specialist's rules per system, with the examples that broke it", async () => {
    const fake = (answer: (p: readonly Message[]) => string): Generator => ({ generate: async (ps) => ps.map(answer), fits: () => true });
    const r = await runEvaluation({
      items,
      generators: { base: fake(() => 'no idea'), tuned: fake((p) => (lastUser(p).includes('park') ? 'Nowhere.' : 'Call the desk.')) },
      maxNewTokens: 8,
      scoring: { rules: [{ kind: 'mustContain', text: 'desk' }] },
    });
    expect(r.rules).toEqual([
      {
        rule: { kind: 'mustContain', text: 'desk' },
        words: 'must contain "desk"',
        passRate: { base: 0, tuned: 0.75 },
        failing: { base: [0, 1, 2, 3], tuned: [1] },
      },
    ]);
  });
});
