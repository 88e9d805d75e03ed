// The prompts that ask a local model for questions, answers and variations. Each has a name with a version and the
// sha256 of its text, recorded with every example it produced: when a prompt changes, its examples can be told apart.
import { createHash } from 'node:crypto';
import type { Message } from '../../../contract/domain.js';
import type { VariationKind } from '../../../contract/generate.js';
import type { Passage } from './chunk.js';

const SYSTEM = 'You help a specialist write training examples. Use only the text you are given; never invent facts.';

const QUESTION = `Passage{where}:
"""
{passage}
"""

Write one question that a specialist in this field might ask and that this passage answers.{avoid} Reply with the question only.`;

const ANSWER = `Passage:
"""
{passage}
"""

Question: {question}

Answer the question using only the passage, as an expert would. If the passage does not say, reply: The passage does not say.`;

const VARIATIONS: Record<VariationKind, string> = {
  reword: 'Rewrite the question below in different words. Keep its meaning and every detail (names, numbers, units).',
  register:
    'Rewrite the question below as a different person would ask it: if it is formal, make it plain and casual; if it is casual, make it formal and precise. Keep its meaning and every detail.',
  typos:
    'Rewrite the question below as a hurried person would type it on a phone: the same words and meaning, with two or three realistic slips (a swapped, doubled or missing letter, no capitals, a missing apostrophe).',
};
const VARIATION = `{instruction} Reply with the rewritten question only.

Question: {question}`;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const QUESTION_TEMPLATE = { name: 'fieldtune.questions/1', hash: sha([SYSTEM, QUESTION, ANSWER].join('\u0000')) } as const;
export const VARIATION_TEMPLATE = {
  name: 'fieldtune.variations/1',
  hash: sha([SYSTEM, VARIATION, ...Object.values(VARIATIONS)].join('\u0000')),
} as const;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function questionPrompt(p: Passage, earlier: readonly string[]): Message[] {
  const where = p.heading ? ` (from ${p.source}, "${p.heading}")` : ` (from ${p.source})`;
  const avoid = earlier.length ? ` Ask something different from: ${earlier.map((q) => `"${q}"`).join('; ')}.` : '';
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: fill(QUESTION, { where, passage: p.text, avoid }) },
  ];
}

export function answerPrompt(p: Passage, question: string): Message[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: fill(ANSWER, { passage: p.text, question }) },
  ];
}

export function variationPrompt(kind: VariationKind, question: string): Message[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: fill(VARIATION, { instruction: VARIATIONS[kind], question }) },
  ];
}

/** A model's reply as a question: its first non-empty line, without a "Question:" label, numbering or quotes. */
export function cleanQuestion(reply: string): string {
  const line = reply.split('\n').find((l) => l.trim()) ?? '';
  return line
    .trim()
    .replace(/^(?:\d+[.)]\s*|[-*]\s+)/, '')
    .replace(/^(?:rewritten question|question|q)\s*[:.-]\s*/i, '')
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .trim();
}

/** A model's reply as an answer: without an "Answer:" label. */
export function cleanAnswer(reply: string): string {
  return reply
    .trim()
    .replace(/^(?:answer|a)\s*[:.-]\s*/i, '')
    .trim();
}
