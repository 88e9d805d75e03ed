// Robustness: perturbed copies of the test prompts (a typo, a change of case, extra whitespace, clauses in another
// order) should get materially the same answer. An answer "changed materially" when its token F1 against the
// answer to the unperturbed prompt is below 0.5. Reported for the original and the tuned model.
import type { Message } from '../../../contract/domain.js';
import type { ProbeItem, RobustnessResult } from '../../../contract/evaluation.js';
import { mulberry32 } from '../../data/minhash.js';
import type { GenerateOptions, Generator } from '../generator.js';
import { tokenF1 } from '../textMetrics.js';

export const MATERIAL_CHANGE_F1 = 0.5;
export type Perturbation = 'typo' | 'casing' | 'whitespace' | 'reorder';

export function perturb(text: string, kind: Perturbation, seed: number): string | null {
  const rand = mulberry32(seed);
  if (kind === 'casing') return text === text.toLowerCase() ? text.toUpperCase() : text.toLowerCase();
  if (kind === 'whitespace') return `  ${text.replace(/ /g, '  ')} \n`;
  if (kind === 'typo') {
    const words = text.split(' ');
    const long = words.map((w, i) => (/^\p{L}{4,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
    if (long.length === 0) return null;
    const wi = long[rand() % long.length]!;
    const w = words[wi]!;
    // swap two neighbouring letters that differ (swapping "rr" would change nothing), never the first letter
    const spots = [...w.slice(1, -1)].map((_, k) => k + 1).filter((k) => w[k] !== w[k + 1]);
    if (spots.length === 0) return null;
    const at = spots[rand() % spots.length]!;
    words[wi] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
    return words.join(' ');
  }
  // reorder: swap the first two sentences, else the two halves around the first comma
  const sentences = text.match(/[^.!?]+[.!?]+\s*/g);
  if (sentences && sentences.length >= 2 && sentences.join('') === text) {
    return [sentences[1]!.trim(), sentences[0]!.trim(), ...sentences.slice(2).map((s) => s.trim())].join(' ');
  }
  const comma = text.indexOf(', ');
  if (comma > 0) {
    const end = /[.!?]$/.test(text) ? text.slice(-1) : '';
    const body = end ? text.slice(0, -1) : text;
    return `${body.slice(comma + 2)}, ${body.slice(0, comma).charAt(0).toLowerCase()}${body.slice(1, comma)}${end}`;
  }
  return null;
}

const KINDS: Perturbation[] = ['typo', 'casing', 'whitespace', 'reorder'];

function withLastUser(prompt: readonly Message[], content: string): Message[] {
  const i = prompt.map((m) => m.role).lastIndexOf('user');
  return prompt.map((m, j) => (j === i ? { ...m, content } : m));
}

export async function robustnessProbe(
  prompts: readonly (readonly Message[])[],
  g: { base: Generator; tuned: Generator },
  o: GenerateOptions,
): Promise<RobustnessResult> {
  const pairs: { source: number; kind: Perturbation; prompt: Message[]; text: string }[] = [];
  prompts.forEach((p, i) => {
    const user = [...p].reverse().find((m) => m.role === 'user')?.content ?? '';
    KINDS.forEach((kind, k) => {
      const text = perturb(user, kind, 1000 * i + k + 1);
      if (text !== null && text !== user) pairs.push({ source: i, kind, prompt: withLastUser(p, text), text });
    });
  });
  const run = async (gen: Generator) => {
    const original = await gen.generate(prompts, o);
    const perturbed = await gen.generate(
      pairs.map((x) => x.prompt),
      o,
    );
    return pairs.map((x, j) => ({ original: original[x.source]!, perturbed: perturbed[j]!, f1: tokenF1(perturbed[j]!, original[x.source]!) }));
  };
  const base = await run(g.base);
  const tuned = await run(g.tuned);
  const rate = (xs: { f1: number }[]) => (xs.length ? xs.filter((x) => x.f1 < MATERIAL_CHANGE_F1).length / xs.length : 0);
  const byPerturbation: RobustnessResult['byPerturbation'] = {};
  for (const kind of KINDS) {
    const idx = pairs.map((x, j) => (x.kind === kind ? j : -1)).filter((j) => j >= 0);
    if (idx.length) byPerturbation[kind] = { base: rate(idx.map((j) => base[j]!)), tuned: rate(idx.map((j) => tuned[j]!)) };
  }
  const changed = { base: rate(base), tuned: rate(tuned) };
  const worst: ProbeItem[] = pairs
    .map((x, j) => ({ x, j }))
    .filter(({ j }) => tuned[j]!.f1 < MATERIAL_CHANGE_F1)
    .sort((a, b) => tuned[a.j]!.f1 - tuned[b.j]!.f1)
    .slice(0, 10)
    .map(({ x, j }) => ({
      prompt: x.text,
      expected: tuned[j]!.original,
      base: base[j]!.perturbed,
      tuned: tuned[j]!.perturbed,
      note: `${x.kind}: the tuned answer kept ${(100 * tuned[j]!.f1).toFixed(0)}% of its words`,
    }));
  // flagged when the tuned model is clearly less stable than the original (10 points more changed answers)
  return { pairs: pairs.length, changed, byPerturbation, flagged: changed.tuned - changed.base > 0.1, worst };
}
