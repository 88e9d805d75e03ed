// Which answer of each pair is shown first: drawn from the session's seed (mulberry32, a small well-known generator)
// and stored with each pair, so the order survives reloads and the reveal maps verdicts back exactly.
export function shownFirstA(seed: number, count: number): boolean[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => next() < 0.5);
}
