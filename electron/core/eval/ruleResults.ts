// How each of the specialist's rules fared: per system, the share of answers passing it and which examples broke
// it, so the Evaluate step can show a rule's pass rate for the original model, the tuned model and the baseline and
// open the failing answers.
import type { RuleResult, SystemName } from '../../contract/evaluation.js';
import { describeRule, type AnswerRule } from './rules.js';

/** `outcomes[system][example][rule]`: whether that answer passes that rule (scoring's ruleOutcomes). */
export function ruleResults(rules: readonly AnswerRule[], outcomes: Partial<Record<SystemName, readonly (readonly boolean[])[]>>): RuleResult[] {
  const systems = Object.keys(outcomes) as SystemName[];
  return rules.map((rule, r) => {
    const passRate: RuleResult['passRate'] = {};
    const failing: RuleResult['failing'] = {};
    for (const s of systems) {
      const perExample = outcomes[s]!;
      const failed = perExample.flatMap((o, i) => (o[r] ? [] : [i]));
      failing[s] = failed;
      passRate[s] = perExample.length === 0 ? 0 : (perExample.length - failed.length) / perExample.length;
    }
    return { rule: { ...rule }, words: describeRule(rule), passRate, failing };
  });
}
