// Questions and answers from passages with any Generator (node-llama-cpp in the app, a fake in tests). Round by
// round: the r-th question of every passage (told the earlier ones, so it asks something new), then their answers,
// each round in groups of passages (one batch each, so a model with several sequences writes several at once). Nothing
// is stored here: each finished group goes to `onPairs`, so the reviewer sees pairs while the rest is being written
// and a stopped run keeps what was finished.
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
  /** The pairs of each finished group, as soon as it is finished. */
  onPairs?: (pairs: readonly GeneratedPair[]) => void;
}

/**
 * Passages per generate() call: enough for a model with several sequences to keep them all busy, few enough that the
 * first pairs reach the reviewer early and a stopped run loses at most one group's work.
 */
export const GROUP = 8;

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
    for (let start = 0; start < passages.length; start += GROUP) {
      const group = passages.slice(start, start + GROUP).map((_, k) => start + k);
      const questions = (
        await g.generate(
          group.map((i) => questionPrompt(passages[i]!, asked[i]!)),
          progress.batch(base),
        )
      ).map(cleanQuestion);
      base += group.length;
      const keep: number[] = []; // positions in `group`
      questions.forEach((q, k) => {
        if (!q) counts.empty += 1;
        else if (seen.has(questionKey(q))) counts.duplicates += 1;
        else {
          seen.add(questionKey(q));
          asked[group[k]!]!.push(q);
          keep.push(k);
        }
      });
      const answers = (
        await g.generate(
          keep.map((k) => answerPrompt(passages[group[k]!]!, questions[k]!)),
          progress.batch(base),
        )
      ).map(cleanAnswer);
      base += group.length;
      const finished: GeneratedPair[] = [];
      keep.forEach((k, j) => {
        const answer = answers[j]!;
        const passage = passages[group[k]!]!;
        if (!answer) counts.empty += 1;
        else finished.push({ passage, passageHash: passageHash(passage), question: questions[k]!, answer });
      });
      pairs.push(...finished);
      o.onProgress?.(base, total);
      if (finished.length > 0) o.onPairs?.(finished);
    }
  }
  return { pairs, ...counts };
}
