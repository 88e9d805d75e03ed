// IEEE half (F16) and bfloat16 (BF16) to float32: adapters trained elsewhere are often saved in one of them.
import { endianness } from 'node:os';

// Adapter tensors are copied as raw float bytes (safetensors.ts, loraGguf.ts); both formats are little-endian, as every
// machine Fieldtune ships for is. Every module that copies floats imports this one, so the check always runs.
if (endianness() !== 'LE') throw new Error('Fieldtune reads and writes adapter tensors on little-endian machines only');

const scratch = new DataView(new ArrayBuffer(4));

export function f16ToF32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // subnormal
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** bfloat16 is the top half of a float32. */
export function bf16ToF32(bits: number): number {
  scratch.setUint32(0, (bits & 0xffff) << 16);
  return scratch.getFloat32(0);
}
