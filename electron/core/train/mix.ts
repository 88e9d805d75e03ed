// The training examples of a run from several dataset versions with weights (multi-task), plus a share of an earlier
// run's examples replayed (continual training, so the new adapter keeps what the old one learned). Deterministic from
// the seed: the same inputs and seed give the same examples in the same order, so a run can be reproduced.
import type { Sample } from '../../contract/domain.js';

export interface MixSource {
  id: string;
  weight: number;
  samples: readonly Sample[];
}

export interface MixResult {
  samples: Sample[];
  /** Examples taken from each source, by id (weighted: a heavy small source is repeated). */
  counts: Record<string, number>;
  replayed: number;
}

/** mulberry32: a small seeded generator; Math.random cannot be seeded and the mix must be reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` items from `pool`, each used once before any is used again, in a seeded order. */
function take<T>(pool: readonly T[], n: number, next: () => number): T[] {
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(...shuffled(pool, next).slice(0, n - out.length));
  return out;
}

/**
 * Each source gets a share of the run's examples proportional to its weight; the run has as many examples as the
 * sources hold together. `replay.share` is the fraction of the final training set taken from `replay.samples`.
 */
export function mixSamples(sources: readonly MixSource[], seed: number, replay?: { samples: readonly Sample[]; share: number }): MixResult {
  const next = random(seed);
  const total = sources.reduce((n, s) => n + s.samples.length, 0);
  const weights = sources.reduce((n, s) => n + s.weight, 0);
  const counts: Record<string, number> = {};
  const picked: Sample[] = [];
  for (const s of sources) {
    const n = sources.length === 1 ? s.samples.length : Math.round((total * s.weight) / weights);
    const chosen = take(s.samples, n, next);
    counts[s.id] = chosen.length;
    picked.push(...chosen);
  }
  let replayed = 0;
  if (replay && replay.share > 0 && replay.samples.length > 0) {
    const wanted = replay.share >= 1 ? replay.samples.length : Math.round((replay.share * picked.length) / (1 - replay.share));
    const old = take(replay.samples, Math.min(wanted, replay.samples.length), next);
    replayed = old.length;
    picked.push(...old);
  }
  return { samples: shuffled(picked, next), counts, replayed };
}
