// Rules a specialist writes about answers: "must contain", "must not contain" (case-insensitive text) and "matches"
// (a regular expression). An invalid regular expression is refused up front with the rule named, never at scoring.
import { patternProblem } from '../../contract/evalJob.js';
import { FieldtuneError } from '../../contract/errors.js';

export type AnswerRule = { kind: 'mustContain'; text: string } | { kind: 'mustNotContain'; text: string } | { kind: 'regex'; pattern: string; flags?: string };

export interface RuleOutcome {
  rule: AnswerRule;
  passed: boolean;
}

export type CompiledRule = (answer: string) => boolean;

export function describeRule(rule: AnswerRule): string {
  if (rule.kind === 'mustContain') return `must contain "${rule.text}"`;
  if (rule.kind === 'mustNotContain') return `must not contain "${rule.text}"`;
  return `must match /${rule.pattern}/${rule.flags ?? ''}`;
}

/** Compile every rule, or throw INVALID_INPUT (details.reason 'invalidRule') naming the first one whose pattern cannot be read. */
export function compileRules(rules: readonly AnswerRule[]): CompiledRule[] {
  return rules.map((rule, index) => {
    if (rule.kind === 'regex') {
      const problem = patternProblem(rule.pattern, rule.flags ?? '');
      if (problem !== null) {
        throw new FieldtuneError('INVALID_INPUT', `Rule ${index + 1} (${describeRule(rule)}) is not a valid pattern: ${problem}`, {
          details: { reason: 'invalidRule', rule: index },
        });
      }
      const re = new RegExp(rule.pattern, rule.flags ?? '');
      return (answer: string) => {
        re.lastIndex = 0;
        return re.test(answer);
      };
    }
    const needle = rule.text.toLowerCase();
    if (rule.kind === 'mustContain') return (answer: string) => answer.toLowerCase().includes(needle);
    return (answer: string) => !answer.toLowerCase().includes(needle);
  });
}

/** Whether the answer passes each rule, in the order the rules were written. */
export function ruleOutcomes(compiled: readonly CompiledRule[], answer: string): boolean[] {
  return compiled.map((r) => r(answer));
}

/** Share of rules an answer passes (0-1), or null when there are no rules. */
export function rulesPassRate(compiled: readonly CompiledRule[], answer: string): number | null {
  if (compiled.length === 0) return null;
  return compiled.filter((r) => r(answer)).length / compiled.length;
}
