// BLEU as sacrebleu defines it (Papineni et al. 2002, with sacrebleu's conventions): the 13a tokenizer, n-grams up to
// 4, clipped counts against the most generous reference, the closest reference length for the brevity penalty,
// statistics summed over the corpus before scoring, and smoothing:
// - corpus BLEU defaults to "exp" smoothing (NIST's: the k-th order with no match counts as 1/2^k matches);
// - sentence BLEU (sacrebleu.sentence_bleu) uses "exp" with effective order (orders the sentence is too short for
//   are left out of the geometric mean).
// Scores are 0-100, as sacrebleu prints them.
import { splitWords, tokenize13a } from './tokenize13a.js';

export type BleuSmoothing = 'exp' | 'floor' | 'add-k' | 'none';
export type BleuTokenizer = '13a' | 'none';

export interface BleuOptions {
  smooth?: BleuSmoothing;
  /** For floor (default 0.1) and add-k (default 1). */
  smoothValue?: number;
  effectiveOrder?: boolean;
  tokenize?: BleuTokenizer;
  lowercase?: boolean;
  maxOrder?: number;
}

/** Sufficient statistics of one segment: lengths plus matched and total n-grams per order. */
export interface BleuStats {
  hypLen: number;
  refLen: number;
  correct: number[];
  total: number[];
}

const MAX_ORDER = 4;
// sacrebleu floors log(0) to this value instead of minus infinity.
const LOG_ZERO = -9999999999;

function preprocess(text: string, o: BleuOptions): string {
  const lowered = o.lowercase ? text.toLowerCase() : text;
  const trimmed = lowered.replace(/\s+$/, '');
  return (o.tokenize ?? '13a') === '13a' ? tokenize13a(trimmed) : trimmed;
}

function ngramCounts(words: readonly string[], maxOrder: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let n = 1; n <= maxOrder; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      // the order is part of the key so that counts of different orders never collide
      const key = `${n}\u0000${words.slice(i, i + n).join('\u0001')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function closestRefLen(hypLen: number, refLens: readonly number[]): number {
  let best = -1;
  let bestDiff = -1;
  for (const len of refLens) {
    const diff = Math.abs(hypLen - len);
    if (bestDiff === -1 || diff < bestDiff || (diff === bestDiff && len < best)) {
      bestDiff = diff;
      best = len;
    }
  }
  return best;
}

export function bleuSegmentStats(hypothesis: string, references: readonly string[], o: BleuOptions = {}): BleuStats {
  const maxOrder = o.maxOrder ?? MAX_ORDER;
  const refNgrams = new Map<string, number>();
  const refLens: number[] = [];
  for (const ref of references) {
    const words = splitWords(preprocess(ref, o));
    refLens.push(words.length);
    for (const [k, c] of ngramCounts(words, maxOrder)) refNgrams.set(k, Math.max(refNgrams.get(k) ?? 0, c));
  }
  const hypWords = splitWords(preprocess(hypothesis, o));
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  for (const [k, c] of ngramCounts(hypWords, maxOrder)) {
    const n = Number(k.slice(0, k.indexOf('\u0000'))) - 1;
    total[n]! += c;
    correct[n]! += Math.min(c, refNgrams.get(k) ?? 0);
  }
  return { hypLen: hypWords.length, refLen: closestRefLen(hypWords.length, refLens), correct, total };
}

/** BLEU (0-100) from summed statistics. */
export function bleuFromStats(stats: BleuStats, o: BleuOptions = {}): number {
  const smooth = o.smooth ?? 'exp';
  const smoothValue = o.smoothValue ?? (smooth === 'floor' ? 0.1 : smooth === 'add-k' ? 1 : 0);
  const maxOrder = stats.correct.length;
  const correct = [...stats.correct];
  const total = [...stats.total];
  const { hypLen, refLen } = stats;
  const bp = hypLen < refLen ? (hypLen > 0 ? Math.exp(1 - refLen / hypLen) : 0) : 1;
  if (!correct.some((c) => c > 0)) return 0;
  const precisions = new Array<number>(maxOrder).fill(0);
  let smoothMteval = 1;
  let effOrder = maxOrder;
  for (let n = 1; n <= maxOrder; n++) {
    if (smooth === 'add-k' && n > 1) {
      correct[n - 1]! += smoothValue;
      total[n - 1]! += smoothValue;
    }
    if (total[n - 1] === 0) break;
    if (o.effectiveOrder) effOrder = n;
    if (correct[n - 1] === 0) {
      if (smooth === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * total[n - 1]!);
      } else if (smooth === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / total[n - 1]!;
      }
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }
  const logs = precisions.slice(0, effOrder).map((p) => (p === 0 ? LOG_ZERO : Math.log(p)));
  return bp * Math.exp(logs.reduce((a, b) => a + b, 0) / effOrder);
}

export function sumBleuStats(all: readonly BleuStats[], maxOrder = MAX_ORDER): BleuStats {
  const sum: BleuStats = { hypLen: 0, refLen: 0, correct: new Array<number>(maxOrder).fill(0), total: new Array<number>(maxOrder).fill(0) };
  for (const s of all) {
    sum.hypLen += s.hypLen;
    sum.refLen += s.refLen;
    s.correct.forEach((c, i) => (sum.correct[i]! += c));
    s.total.forEach((c, i) => (sum.total[i]! += c));
  }
  return sum;
}

/**
 * Corpus BLEU: references[r][i] is reference r of segment i (sacrebleu's layout: one list per reference stream).
 */
export function corpusBleu(hypotheses: readonly string[], references: readonly (readonly string[])[], o: BleuOptions = {}): number {
  const stats = hypotheses.map((h, i) =>
    bleuSegmentStats(
      h,
      references.map((stream) => stream[i] ?? ''),
      o,
    ),
  );
  return bleuFromStats(sumBleuStats(stats, o.maxOrder ?? MAX_ORDER), o);
}

/** Sentence BLEU as sacrebleu.sentence_bleu computes it: exp smoothing, effective order. */
export function sentenceBleu(hypothesis: string, references: readonly string[], o: BleuOptions = {}): number {
  const opts: BleuOptions = { smooth: 'exp', effectiveOrder: true, ...o };
  return bleuFromStats(bleuSegmentStats(hypothesis, references, opts), opts);
}
