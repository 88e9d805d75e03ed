// Seeded, portable random numbers for demo weights. The same (seed, stream name) must give the same floats on every
// machine and Node version, so only 32-bit integer arithmetic (Math.imul, shifts) drives the generator; the normal
// transform uses Math.log/sqrt, which V8 computes with its own fdlibm port rather than the platform's libm.
// Each tensor gets its own stream keyed by its name, so one tensor's values never depend on which tensors precede it.

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 128 bits of xoshiro128** state from a seed and a stream name (never all-zero). */
export function streamState(seed: number, name: string): Uint32Array {
  let h = fmix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < name.length; i++) h = fmix32(Math.imul(h ^ name.charCodeAt(i), 0x01000193));
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    h = fmix32(h + 0x6d2b79f5 + i);
    s[i] = h;
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/**
 * Fills `out` with N(0, std) samples from xoshiro128** `state`, which it advances. Marsaglia's polar method (one log
 * and one sqrt per pair, no trig) is ~2.3x faster here than Box-Muller; the 12-layer shape draws 134M samples. Kept
 * as one function with the generator inlined so V8 keeps the state in registers.
 */
export function fillNormal(state: Uint32Array, out: Float32Array, std: number): void {
  let s0 = state[0]!,
    s1 = state[1]!,
    s2 = state[2]!,
    s3 = state[3]!;
  const inv31 = 1 / 2147483648;
  let i = 0;
  while (i < out.length) {
    const r1 = Math.imul((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const r2 = Math.imul((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // Two uniforms in [-1, 1) (the int32 outputs, scaled); keep the pair only inside the unit circle (~79%).
    const x = r1 * inv31;
    const y = r2 * inv31;
    const q = x * x + y * y;
    if (q >= 1 || q === 0) continue;
    const f = std * Math.sqrt((-2 * Math.log(q)) / q);
    out[i++] = x * f;
    if (i < out.length) out[i++] = y * f;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/**
 * Yields `count` N(0, std) float32 values as little-endian bytes, in chunks of at most `chunk` values. One buffer is
 * refilled for every chunk (no 4 MB allocation per chunk), so a chunk is valid only until the next one is pulled.
 */
export function* normalF32Bytes(seed: number, name: string, count: number, std: number, chunk = 1 << 20): Generator<Uint8Array> {
  const state = streamState(seed, name);
  // Chunks hold an even number of values so the pairs line up the same whatever the chunk size.
  const size = Math.max(2, chunk - (chunk % 2));
  const buf = new Float32Array(Math.min(size, count + (count % 2)));
  for (let done = 0; done < count; done += buf.length) {
    const n = Math.min(buf.length, count - done);
    const view = n === buf.length ? buf : buf.subarray(0, n);
    fillNormal(state, view, std);
    yield new Uint8Array(view.buffer, view.byteOffset, n * 4);
  }
}

/** Yields `count` float32 values all equal to `value` (norm weights start at 1); chunks share one buffer. */
export function* constantF32Bytes(count: number, value: number, chunk = 1 << 20): Generator<Uint8Array> {
  const buf = new Float32Array(Math.min(chunk, count)).fill(value);
  for (let done = 0; done < count; done += buf.length) {
    const n = Math.min(buf.length, count - done);
    yield new Uint8Array(buf.buffer, 0, n * 4);
  }
}
