// A set of folded words (foldKey's keys) that answers "is foldKey(input.slice(from, to)) in it?" without the slice:
// printable ASCII, by far the most common, is hashed lower-cased straight from the input and compared in place;
// anything else is sliced and folded as before. The name detector asks it about the word before every run (titles,
// label words), where a slice and a lower-cased copy per question were a visible share of its time.
import { foldKey } from './resources.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Answers for words outside printable ASCII, by their text: foldKey normalizes them twice and strips their marks
 * (a tenth of propagateNames's time on the labelled corpus, whose world texts repeat their Greek, Cyrillic and
 * accented names). Only words under 13 code units are kept: V8 copies such a slice, while a longer one would keep the
 * whole text it came from alive. Bounded; past the bound it starts over.
 */
const MAX_KEPT = 4096;
const KEPT_LENGTH = 13;

export class FoldedWords {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly words: string[] = [];

  constructor(private readonly all: ReadonlySet<string>) {
    const ascii = [...all].filter((w) => /^[ -~]*$/.test(w));
    let size = 16;
    while (size < ascii.length * 2 + 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const w of ascii) {
      let h = FNV_OFFSET;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      let slot = h & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.words.push(w);
      this.slots[slot] = this.words.length;
    }
  }

  private readonly kept = new Map<string, boolean>();

  /** all.has(foldKey(raw)), kept per text of a short word. */
  private hasFolded(raw: string): boolean {
    if (raw.length >= KEPT_LENGTH) return this.all.has(foldKey(raw));
    let v = this.kept.get(raw);
    if (v === undefined) {
      v = this.all.has(foldKey(raw));
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
      this.kept.set(raw, v);
    }
    return v;
  }

  /** all.has(foldKey(input.slice(from, to))). */
  has(input: string, from: number, to: number): boolean {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) {
      let c = input.charCodeAt(i);
      // foldKey's fast path is printable ASCII (lower-cased); the rest is normalized: fold a slice as before.
      if (c < 32 || c > 126) return this.hasFolded(input.slice(from, to));
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot] ?? 0;
      if (id === 0) return false;
      const w = this.words[id - 1] ?? '';
      if (w.length === to - from && sameLowered(w, input, from)) return true;
    }
  }
}

/** w equals input's characters from `from` lower-cased (A-Z to a-z; the caller checked they are printable ASCII). */
function sameLowered(w: string, input: string, from: number): boolean {
  for (let i = 0; i < w.length; i++) {
    let c = input.charCodeAt(from + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== w.charCodeAt(i)) return false;
  }
  return true;
}
