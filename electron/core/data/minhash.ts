// MinHash signatures + LSH banding for near-duplicate detection.
// Hand-written on purpose: no well-kept npm library fits (the only MinHash package on npm is minhash 0.0.9, pre-1.0,
// about 8k downloads a month), and the algorithm is short. This version keeps all signatures in one Uint32Array and
// finds band collisions by sorting packed numbers, with no per-bucket objects, so 100k+ rows stay in bounded memory.
import { throwIfAborted } from './errors.js';

export interface MinHashOptions {
  /** Signature length. 128 gives a similarity estimate within about +-0.04. */
  numHashes?: number;
  /** Rows per LSH band; numHashes / bandRows bands. 4 rows x 32 bands finds pairs at 0.6 similarity 99% of the time. */
  bandRows?: number;
  /** Character shingle length; 5 tolerates word edits and punctuation changes while separating unrelated texts. */
  shingle?: number;
  seed?: number;
}

export interface SimilarPair {
  a: number;
  b: number;
  /** Estimated Jaccard similarity of the two texts' shingle sets, 0..1. */
  similarity: number;
}

const DEFAULTS = { numHashes: 128, bandRows: 4, shingle: 5, seed: 0x5eed };

/** A small fast PRNG (mulberry32): the permutation constants must be the same on every run and machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Text prepared for shingling: case and spacing must not make two copies of a text look different. */
function prepare(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export class MinHasher {
  readonly numHashes: number;
  readonly bandRows: number;
  private readonly shingle: number;
  private readonly mulA: Uint32Array;
  private readonly addB: Uint32Array;

  constructor(options: MinHashOptions = {}) {
    const o = { ...DEFAULTS, ...options };
    if (o.numHashes % o.bandRows !== 0) throw new Error('numHashes must be a multiple of bandRows');
    this.numHashes = o.numHashes;
    this.bandRows = o.bandRows;
    this.shingle = o.shingle;
    const rand = mulberry32(o.seed);
    this.mulA = Uint32Array.from({ length: o.numHashes }, () => rand() | 1); // odd multipliers are bijective mod 2^32
    this.addB = Uint32Array.from({ length: o.numHashes }, () => rand());
  }

  /** Writes the signature of `text` into out[offset .. offset + numHashes). */
  signInto(text: string, out: Uint32Array, offset: number): void {
    const s = prepare(text);
    const k = this.numHashes;
    out.fill(0xffffffff, offset, offset + k);
    const n = Math.max(s.length - this.shingle + 1, s.length ? 1 : 0);
    const { mulA, addB } = this;
    for (let i = 0; i < n; i++) {
      // FNV-1a over the shingle's UTF-16 code units, then a murmur-style finalizer for well-spread bits.
      let h = 0x811c9dc5;
      const end = Math.min(i + this.shingle, s.length);
      for (let j = i; j < end; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      for (let p = 0; p < k; p++) {
        // One multiply-add per permutation, then a shift-xor so the high bits mix into the low ones.
        let v = (Math.imul(mulA[p]!, h) + addB[p]!) >>> 0;
        v = (v ^ (v >>> 15)) >>> 0;
        if (v < out[offset + p]!) out[offset + p] = v;
      }
    }
  }

  signAll(texts: readonly string[], signal?: AbortSignal): Uint32Array {
    const sigs = new Uint32Array(texts.length * this.numHashes);
    texts.forEach((t, i) => {
      if (i % 4096 === 0) throwIfAborted(signal, 'Cancelled; nothing was changed.');
      this.signInto(t, sigs, i * this.numHashes);
    });
    return sigs;
  }

  similarity(sigs: Uint32Array, a: number, b: number): number {
    const k = this.numHashes;
    let same = 0;
    for (let p = 0; p < k; p++) if (sigs[a * k + p] === sigs[b * k + p]) same += 1;
    return same / k;
  }

  /**
   * Pairs whose estimated similarity is at least `threshold`. Each band's hashes are packed with the row index into
   * one float64 (hash in the high bits) and sorted numerically, so equal band hashes end up next to each other.
   * A huge bucket (many near-copies of one text) is linked as a star to its first member instead of all pairs, so
   * the work stays linear; clustering the pairs still joins the whole bucket.
   */
  similarPairs(sigs: Uint32Array, count: number, threshold: number, include?: (a: number, b: number) => boolean): SimilarPair[] {
    const k = this.numHashes;
    const bands = k / this.bandRows;
    const idxBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
    if (idxBits > 30) throw new Error('too many rows for one near-duplicate pass');
    const hashBits = Math.min(32, 53 - idxBits);
    const hashScale = 2 ** idxBits;
    const packed = new Float64Array(count);
    const seen = new Set<number>();
    const pairs: SimilarPair[] = [];
    const consider = (a: number, b: number): void => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const key = lo * count + hi;
      if (seen.has(key)) return;
      seen.add(key);
      if (include && !include(lo, hi)) return;
      const similarity = this.similarity(sigs, lo, hi);
      if (similarity >= threshold) pairs.push({ a: lo, b: hi, similarity });
    };
    for (let band = 0; band < bands; band++) {
      for (let i = 0; i < count; i++) {
        let h = 0x9747b28c ^ band;
        const base = i * k + band * this.bandRows;
        for (let r = 0; r < this.bandRows; r++) {
          h = Math.imul(h ^ sigs[base + r]!, 0x5bd1e995);
          h ^= h >>> 13;
        }
        packed[i] = ((h >>> 0) >>> (32 - hashBits)) * hashScale + i;
      }
      packed.sort();
      let start = 0;
      while (start < count) {
        const bucket = Math.floor(packed[start]! / hashScale);
        let end = start + 1;
        while (end < count && Math.floor(packed[end]! / hashScale) === bucket) end += 1;
        const size = end - start;
        if (size > 1) {
          const first = packed[start]! % hashScale;
          for (let x = start + 1; x < end; x++) {
            const ix = packed[x]! % hashScale;
            if (size > 64) consider(first, ix);
            else for (let y = start; y < x; y++) consider(packed[y]! % hashScale, ix);
          }
        }
        start = end;
      }
    }
    return pairs.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
  }
}
