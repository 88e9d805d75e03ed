// The same question answered differently: the model would learn both answers and pick one at random, so the
// specialist should decide. Questions match loosely (case, punctuation, spacing); answers are compared the same way.
import type { Sample } from '../../contract/domain.js';
import { looseKey } from './normalize.js';

export interface Conflict {
  /** The question as first seen. */
  question: string;
  /** Indices of every example asking it. */
  indices: number[];
  /** The distinct answers, as first seen, with the indices giving each. */
  answers: Array<{ answer: string; indices: number[] }>;
}

/** The prompt side of a sample: every turn but the last assistant reply (system prompt included: it changes the task). */
function promptOf(s: Sample): { prompt: string; answer: string } | null {
  let last = -1;
  s.messages.forEach((m, i) => {
    if (m.role === 'assistant') last = i;
  });
  if (last < 0) return null;
  const prompt = s.messages
    .slice(0, last)
    .map((m) => `${m.role}: ${m.content}`)
    .join('\n');
  return { prompt, answer: s.messages[last]!.content };
}

export function findConflicts(samples: readonly Sample[]): Conflict[] {
  const byQuestion = new Map<string, { question: string; answers: Map<string, { answer: string; indices: number[] }> }>();
  samples.forEach((s, i) => {
    const pa = promptOf(s);
    if (!pa) return;
    const q = looseKey(pa.prompt);
    if (!q) return;
    let entry = byQuestion.get(q);
    if (!entry) {
      const user = s.messages.find((m) => m.role === 'user');
      entry = { question: user?.content ?? pa.prompt, answers: new Map() };
      byQuestion.set(q, entry);
    }
    const a = looseKey(pa.answer);
    const answer = entry.answers.get(a) ?? { answer: pa.answer, indices: [] };
    answer.indices.push(i);
    entry.answers.set(a, answer);
  });
  const out: Conflict[] = [];
  for (const { question, answers } of byQuestion.values()) {
    if (answers.size < 2) continue;
    const list = [...answers.values()];
    out.push({ question, answers: list, indices: list.flatMap((a) => a.indices).sort((x, y) => x - y) });
  }
  return out;
}
