// Exact and near-duplicate detection over a list of examples, producing a review list and a proposed keep-list.
// Exact: identical after normalization (NFC, spacing). Near: MinHash/LSH over the whole example text, then the
// pairs are clustered (union-find) and the first member of each cluster is kept, so order of import decides.
import { exampleHash, exampleText, type Example } from './example.js';
import { MinHasher, type MinHashOptions, type SimilarPair } from './minhash.js';
import { normalizeExample } from './normalize.js';

export interface DedupeOptions extends MinHashOptions {
  /** Estimated similarity at or above which two examples count as near-duplicates. */
  threshold?: number;
  /** Skip near-duplicate detection (exact only). */
  exactOnly?: boolean;
  signal?: AbortSignal;
}

export interface DedupeReport {
  /** Groups of indices with identical (normalized) content; the first of each is kept. */
  exactGroups: number[][];
  /** Near-duplicate pairs among the exact-unique examples, most similar first: the review list. */
  nearPairs: SimilarPair[];
  /** Indices proposed to keep, in original order. */
  keep: number[];
  /** Index -> the kept index it duplicates. */
  duplicateOf: Map<number, number>;
}

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  /** Joins two sets; the smaller index becomes the root, so the earliest example represents its cluster. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

export function findDuplicates(examples: readonly Example[], options: DedupeOptions = {}): DedupeReport {
  const n = examples.length;
  const uf = new UnionFind(n);
  const firstByHash = new Map<string, number>();
  const groups = new Map<number, number[]>();
  const unique: number[] = [];
  examples.forEach((e, i) => {
    const h = exampleHash(normalizeExample(e));
    const first = firstByHash.get(h);
    if (first === undefined) {
      firstByHash.set(h, i);
      unique.push(i);
      return;
    }
    uf.union(first, i);
    const g = groups.get(first) ?? [first];
    g.push(i);
    groups.set(first, g);
  });
  let nearPairs: SimilarPair[] = [];
  if (!options.exactOnly && unique.length > 1) {
    const hasher = new MinHasher(options);
    const sigs = hasher.signAll(
      unique.map((i) => exampleText(examples[i]!)),
      options.signal,
    );
    nearPairs = hasher.similarPairs(sigs, unique.length, options.threshold ?? 0.7).map((p) => ({ a: unique[p.a]!, b: unique[p.b]!, similarity: p.similarity }));
    for (const p of nearPairs) uf.union(p.a, p.b);
  }
  const keep: number[] = [];
  const duplicateOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    if (root === i) keep.push(i);
    else duplicateOf.set(i, root);
  }
  return { exactGroups: [...groups.values()], nearPairs, keep, duplicateOf };
}
