// Answer-overlap metrics on normalized words (0-1). Normalization follows the common QA convention (SQuAD):
// lowercase, punctuation removed, the English articles a/an/the dropped, whitespace collapsed; so "The answer."
// and "answer" match exactly. Letters and digits of every script are kept.

export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .join(' ');
}

export function answerWords(text: string): string[] {
  const n = normalizeAnswer(text);
  return n.length === 0 ? [] : n.split(' ');
}

/** 1 when the normalized answers are identical, else 0. */
export function exactMatch(prediction: string, reference: string): number {
  return normalizeAnswer(prediction) === normalizeAnswer(reference) ? 1 : 0;
}

/** Harmonic mean of word precision and recall (bag of words, counts clipped). Two empty answers agree fully. */
export function tokenF1(prediction: string, reference: string): number {
  const p = answerWords(prediction);
  const r = answerWords(reference);
  if (p.length === 0 || r.length === 0) return p.length === r.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of r) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of p) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / r.length;
  return (2 * precision * recall) / (precision + recall);
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  // one row of the dynamic programme at a time: O(len(b)) memory
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** ROUGE-L F1 (Lin 2004): precision and recall of the longest common word subsequence. */
export function rougeL(prediction: string, reference: string): number {
  const p = answerWords(prediction);
  const r = answerWords(reference);
  if (p.length === 0 || r.length === 0) return p.length === r.length ? 1 : 0;
  const lcs = lcsLength(p, r);
  if (lcs === 0) return 0;
  const precision = lcs / p.length;
  const recall = lcs / r.length;
  return (2 * precision * recall) / (precision + recall);
}
