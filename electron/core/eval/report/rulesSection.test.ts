// The report carries the specialist's rules: each rule in plain words with its pass rate per model and how many
// answers broke it; a report without rules has no such section.
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../../contract/evaluation.js';
import { reportHtml } from './html.js';

const scores = { exactMatch: 0, tokenF1: 0, rougeL: 0, bleu: 0, chrF: 0, jsonValid: null, fitsSchema: null, rules: 0.5, perplexity: null };
const result = (rules: EvaluationResult['rules']): EvaluationResult => ({
  systems: { base: scores, tuned: scores },
  comparisons: [],
  examples: [],
  rules,
  probes: null,
  settings: { maxNewTokens: 8, shots: 0, baseline: false, probes: false, seed: 1, systemPrompt: null, rules: [], jsonSchema: null, expectJson: false },
});
const meta = { title: 'Evaluation', runId: 'r', createdAt: '2026-12-01T07:00:00Z', examples: 4 };

describe('the report and the rules', () => {
  it('lists each rule with its pass rate per model and the answers that broke it', () => {
    const html = reportHtml(
      result([
        {
          rule: { kind: 'mustNotContain', text: '<guarantee>' },
          words: 'must not contain "<guarantee>"',
          passRate: { base: 0.25, tuned: 1 },
          failing: { base: [0, 1, 3], tuned: [] },
        },
      ]),
      meta,
    );
    expect(html).toContain('<h2>Your rules</h2>');
    expect(html).toContain('<tr><td>must not contain &quot;&lt;guarantee&gt;&quot;</td><td>25.0%</td><td>100.0%</td><td>3</td></tr>');
    expect(reportHtml(result([]), meta)).not.toContain('Your rules</h2>');
  });
});
