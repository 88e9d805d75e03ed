// Questions and answers from passages with any Generator (node-llama-cpp in the app, a fake in tests). Round by
// round: the r-th question of every passage (told the earlier ones, so it asks something new), then their answers,
// each round one batch so a model with several sequences writes several at once. Nothing is stored here: the caller
// keeps the pairs only when the whole run finished.
import { createHash } from 'node:crypto';
import type { Generator } from '../../eval/generator.js';
import type { Passage } from './chunk.js';
import { questionKey } from './normalize.js';
import { streamProgress } from './streamProgress.js';
import { answerPrompt, cleanAnswer, cleanQuestion, questionPrompt } from './templates.js';

export interface GeneratedPair {
  passage: Passage;
  passageHash: string;
  question: string;
  answer: string;
}

export interface GenerationCounts {
  duplicates: number;
  empty: number;
}

export interface QuestionOptions {
  perPassage: number;
  maxNewTokens: number;
  /** Questions the dataset asks already (questionKey form): a generated copy of one is left out. */
  known?: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Steps done (a question or an answer each) of `total`, fractional while replies stream in (streamProgress.ts). */
  onProgress?: (done: number, total: number) => void;
}

export const passageHash = (p: Passage) => createHash('sha256').update(p.text).digest('hex');

/** Passages whose prompt (with room for the reply) does not fit the model's context, with their position. */
export function passagesTooLong(g: Generator, passages: readonly Passage[], maxNewTokens: number): number[] {
  const long: number[] = [];
  passages.forEach((p, i) => {
    // the answer prompt holds the passage and a question of up to maxNewTokens: the longer of the two
    if (!g.fits(answerPrompt(p, 'x'.repeat(Math.min(4 * maxNewTokens, 2000))), maxNewTokens)) long.push(i);
  });
  return long;
}

export async function generateQuestions(
  g: Generator,
  passages: readonly Passage[],
  o: QuestionOptions,
): Promise<{ pairs: GeneratedPair[] } & GenerationCounts> {
  const total = passages.length * o.perPassage * 2;
  let base = 0;
  const seen = new Set(o.known ?? []);
  const asked: string[][] = passages.map(() => []);
  const pairs: GeneratedPair[] = [];
  const counts: GenerationCounts = { duplicates: 0, empty: 0 };
  const progress = streamProgress(total, o);
  for (let round = 0; round < o.perPassage; round++) {
    const questions = (
      await g.generate(
        passages.map((p, i) => questionPrompt(p, asked[i]!)),
        progress.batch(base),
      )
    ).map(cleanQuestion);
    base += passages.length;
    const keep: number[] = [];
    questions.forEach((q, i) => {
      if (!q) counts.empty += 1;
      else if (seen.has(questionKey(q))) counts.duplicates += 1;
      else {
        seen.add(questionKey(q));
        asked[i]!.push(q);
        keep.push(i);
      }
    });
    const answers = (
      await g.generate(
        keep.map((i) => answerPrompt(passages[i]!, questions[i]!)),
        progress.batch(base),
      )
    ).map(cleanAnswer);
    base += passages.length;
    keep.forEach((i, k) => {
      const answer = answers[k]!;
      if (!answer) counts.empty += 1;
      else pairs.push({ passage: passages[i]!, passageHash: passageHash(passages[i]!), question: questions[i]!, answer });
    });
    o.onProgress?.(base, total);
  }
  return { pairs, ...counts };
}
