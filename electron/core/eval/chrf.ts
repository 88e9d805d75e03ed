// chrF (Popović 2015) as sacrebleu defines it: character n-grams of orders 1-6 with whitespace removed, an F-score
// with recall weighted beta = 2 times as much as precision, no word n-grams (word order 0), statistics summed over
// the corpus, scores 0-100. Two averaging modes, as in sacrebleu:
// - default (eps smoothing off): average precision and recall over the orders both sides have, then one F-score;
// - eps smoothing on (chrF++.py, NLTK, Moses): an F-score per order (a tiny epsilon where undefined), then averaged.
export interface ChrfOptions {
  charOrder?: number;
  beta?: number;
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams (sacrebleu's `whitespace=True`). */
  whitespace?: boolean;
  epsSmoothing?: boolean;
}

/** Per order: [hypothesis n-grams, reference n-grams, matched n-grams]. */
export type ChrfStats = number[];

const EPS = 1e-16;

function charNgrams(text: string, maxOrder: number, whitespace: boolean): Map<string, number>[] {
  // code points, not UTF-16 units, so "ţ" or an emoji is one character as in Python
  const chars = Array.from(whitespace ? text : text.split(/\s+/).join(''));
  const out: Map<string, number>[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const g = chars.slice(i, i + n).join('');
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    out.push(counts);
  }
  return out;
}

function matchStats(hyp: Map<string, number>, ref: Map<string, number>): [number, number, number] {
  let hypCount = 0;
  let match = 0;
  for (const [g, c] of hyp) {
    hypCount += c;
    match += Math.min(c, ref.get(g) ?? 0);
  }
  let refCount = 0;
  for (const c of ref.values()) refCount += c;
  // sacrebleu counts no hypothesis n-grams of an order the reference lacks altogether
  return [ref.size > 0 ? hypCount : 0, refCount, match];
}

export function chrfFromStats(stats: ChrfStats, o: ChrfOptions = {}): number {
  const order = stats.length / 3;
  const factor = (o.beta ?? 2) ** 2;
  let score = 0;
  let effective = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < order; i++) {
    const nHyp = stats[3 * i]!;
    const nRef = stats[3 * i + 1]!;
    const nMatch = stats[3 * i + 2]!;
    const prec = nHyp > 0 ? nMatch / nHyp : EPS;
    const rec = nRef > 0 ? nMatch / nRef : EPS;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : EPS;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective++;
    }
  }
  if (o.epsSmoothing) return (100 * score) / order;
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  return (100 * (1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec);
}

/** Statistics of one segment against its references: those of the reference that scores best. */
export function chrfSegmentStats(hypothesis: string, references: readonly string[], o: ChrfOptions = {}): ChrfStats {
  const charOrder = o.charOrder ?? 6;
  const prep = (s: string) => (o.lowercase ? s.toLowerCase() : s);
  const hyp = charNgrams(prep(hypothesis), charOrder, o.whitespace ?? false);
  let best: ChrfStats = [];
  let bestScore = -1;
  for (const r of references) {
    const ref = charNgrams(prep(r), charOrder, o.whitespace ?? false);
    const stats = hyp.flatMap((h, i) => matchStats(h, ref[i]!));
    const f = chrfFromStats(stats, o);
    if (f > bestScore) {
      bestScore = f;
      best = stats;
    }
  }
  return best;
}

export function corpusChrf(hypotheses: readonly string[], references: readonly (readonly string[])[], o: ChrfOptions = {}): number {
  const sum = new Array<number>(3 * (o.charOrder ?? 6)).fill(0);
  hypotheses.forEach((h, i) => {
    const s = chrfSegmentStats(
      h,
      references.map((stream) => stream[i] ?? ''),
      o,
    );
    s.forEach((v, j) => (sum[j]! += v));
  });
  return chrfFromStats(sum, o);
}

export function sentenceChrf(hypothesis: string, references: readonly string[], o: ChrfOptions = {}): number {
  return chrfFromStats(chrfSegmentStats(hypothesis, references, o), o);
}
