// Hostile payloads for the contract's fuzz tests: seeded, so a failure names a case that can be replayed. Random JSON
// of every type, strings that are huge, unpaired surrogates or paths out of the sandbox, huge arrays, deep nesting,
// and objects carrying prototype-pollution keys as own properties (as JSON.parse makes them).

/** mulberry32: a tiny seeded generator; Math.random cannot replay a failure. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` seeded strings of `min` to `max` pieces each, drawn from `pieces`: the forms a scanner is anchored on, glued
 * in orders no hand-written list has.
 */
export function randomMixes(seed: number, pieces: readonly string[], count: number, min: number, max: number): string[] {
  const rand = seeded(seed);
  const below = (n: number): number => Math.floor(rand() * n);
  return Array.from({ length: count }, () => Array.from({ length: min + below(max - min + 1) }, () => pieces[below(pieces.length)]).join(''));
}

const NASTY_STRINGS = [
  '',
  ' ',
  '../../../../etc/passwd',
  '/etc/shadow',
  'C:\\Windows\\System32',
  '\u0000',
  '\ud800',
  '%00',
  "'; DROP TABLE projects; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'x'.repeat(1_000_000),
  '😀'.repeat(10_000),
];
const NASTY_NUMBERS = [0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 4294967296];
const POISON_KEYS = ['__proto__', 'constructor', 'prototype'];

export function randomJson(rand: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const kind = Math.floor(rand() * (depth > 3 ? 4 : 7));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return pick(NASTY_NUMBERS);
    case 3:
      return rand() < 0.5 ? pick(NASTY_STRINGS) : Math.random().toString(36).slice(2);
    case 4:
      return rand() < 0.1 ? new Array(100_000).fill(0) : Array.from({ length: Math.floor(rand() * 5) }, () => randomJson(rand, depth + 1));
    case 5: {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 2000; i++) deep = { a: deep };
      return rand() < 0.2 ? deep : randomJson(rand, depth + 1);
    }
    default: {
      const keys = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
        rand() < 0.4 ? pick(POISON_KEYS) : pick(['id', 'name', 'path', 'projectId', 'limit', 'versionId']),
      );
      // built through JSON.parse so '__proto__' is an own key, as it is when it arrives over a wire
      const text = `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(randomJson(rand, depth + 1)) ?? 'null'}`).join(',')}}`;
      return JSON.parse(text) as unknown;
    }
  }
}

export const UNKNOWN_METHODS = [
  '',
  'x',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'projects:list\u0000',
  'projects:',
  ':list',
  'a'.repeat(100_000),
];
