// Variations of existing questions (rewording, another register, a hurried typist's slips) with any Generator. Each
// variation keeps the original answer. A variation that says what the data already asks (or what another variation
// said) is left out, so augmentation never adds copies. The questions are written in groups, each group's variations
// going to `onVariations` as soon as it is finished (generateQuestions.ts says why).
import type { Generator } from '../../eval/generator.js';
import type { VariationKind } from '../../../contract/generate.js';
import { questionKey } from './normalize.js';
import { streamProgress } from './streamProgress.js';
import { cleanQuestion, variationPrompt } from './templates.js';
import { GROUP, type GenerationCounts } from './generateQuestions.js';

export interface VariationSource {
  /** The example's content hash (recorded as where the variation came from). */
  hash: string;
  /** The conversation before the last question (a system message, earlier turns). */
  before: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  question: string;
  answer: string;
}

export interface Variation {
  from: VariationSource;
  kind: VariationKind;
  question: string;
}

export async function generateVariations(
  g: Generator,
  sources: readonly VariationSource[],
  kinds: readonly VariationKind[],
  o: {
    maxNewTokens: number;
    known: ReadonlySet<string>;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    onVariations?: (variations: readonly Variation[]) => void;
  },
): Promise<{ variations: Variation[] } & GenerationCounts> {
  const jobs = sources.flatMap((from) => kinds.map((kind) => ({ from, kind })));
  const progress = streamProgress(jobs.length, o);
  const seen = new Set(o.known);
  const variations: Variation[] = [];
  const counts: GenerationCounts = { duplicates: 0, empty: 0 };
  for (let start = 0; start < jobs.length; start += GROUP) {
    const group = jobs.slice(start, start + GROUP);
    const replies = await g.generate(
      group.map((j) => variationPrompt(j.kind, j.from.question)),
      progress.batch(start),
    );
    const finished: Variation[] = [];
    replies.forEach((reply, k) => {
      const question = cleanQuestion(reply);
      const key = questionKey(question);
      if (!key) counts.empty += 1;
      else if (seen.has(key)) counts.duplicates += 1;
      else {
        seen.add(key);
        finished.push({ ...group[k]!, question });
      }
    });
    variations.push(...finished);
    if (finished.length > 0) o.onVariations?.(finished);
  }
  return { variations, ...counts };
}
