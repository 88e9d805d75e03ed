// The rule editor's rows as the specialist writes them, their problems in plain words, and the rules they become
// in the eval:start request (only when every row reads). Pure, so it is tested without a screen.
import { patternProblem, type AnswerRule } from '../../../electron/contract/evalJob.js';

export type RuleKind = AnswerRule['kind'];

export interface RuleDraft {
  /** Stable key for React while rows are added and removed. */
  key: number;
  kind: RuleKind;
  /** The text to find, or the pattern. */
  text: string;
  /** Patterns only: capital letters do not matter (the 'i' flag). */
  ignoreCase: boolean;
}

export const KIND_WORDS: Record<RuleKind, { label: string; field: string; explain: string }> = {
  mustContain: {
    label: 'must contain',
    field: 'Text the answer must contain',
    explain: 'Every answer has to include this text somewhere; capital letters do not matter.',
  },
  mustNotContain: {
    label: 'must not contain',
    field: 'Text the answer must not contain',
    explain: 'No answer may include this text anywhere; capital letters do not matter.',
  },
  regex: {
    label: 'matches a pattern',
    field: 'Pattern the answer must match',
    explain: 'A regular expression found somewhere in the answer, e.g. \\d{3}-\\d{4} for a phone number such as 555-0100.',
  },
};

/** What is wrong with a row, or null when it can be used. */
export function draftProblem(d: RuleDraft): string | null {
  if (d.text.trim() === '') return d.kind === 'regex' ? 'Write the pattern this rule looks for.' : 'Write the text this rule looks for.';
  if (d.kind !== 'regex') return null;
  const problem = patternProblem(d.text, d.ignoreCase ? 'i' : '');
  return problem === null ? null : `This pattern cannot be read: ${problem}.`;
}

export function toRule(d: RuleDraft): AnswerRule {
  if (d.kind === 'regex') return { kind: 'regex', pattern: d.text, ...(d.ignoreCase ? { flags: 'i' } : {}) };
  return { kind: d.kind, text: d.text };
}

export function fromRule(rule: AnswerRule, key: number): RuleDraft {
  if (rule.kind === 'regex') return { key, kind: 'regex', text: rule.pattern, ignoreCase: (rule.flags ?? '').includes('i') };
  return { key, kind: rule.kind, text: rule.text, ignoreCase: false };
}
