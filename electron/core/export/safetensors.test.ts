import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';

describe('safetensors', () => {
  it('writes the documented layout: u64 header length, JSON header padded to 8 bytes, little-endian data', () => {
    const buf = encodeSafetensors([{ name: 'w', shape: [2, 1], data: Float32Array.from([1.5, -2]) }], { format: 'pt' });
    const n = Number(buf.readBigUInt64LE(0));
    expect(n % 8).toBe(0);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + n)) as Record<string, unknown>;
    expect(header).toEqual({ __metadata__: { format: 'pt' }, w: { dtype: 'F32', shape: [2, 1], data_offsets: [0, 8] } });
    expect(buf.readFloatLE(8 + n)).toBe(1.5);
    expect(buf.readFloatLE(12 + n)).toBe(-2);
    expect(buf.length).toBe(8 + n + 8);
  });

  it('reads F16 and BF16 tensors as float32', () => {
    const json = JSON.stringify({ h: { dtype: 'F16', shape: [2], data_offsets: [0, 4] }, b: { dtype: 'BF16', shape: [1], data_offsets: [4, 6] } });
    const head = Buffer.alloc(8);
    head.writeBigUInt64LE(BigInt(json.length));
    const data = Buffer.alloc(6);
    data.writeUInt16LE(0x3c00, 0); // 1.0
    data.writeUInt16LE(0xc100, 2); // -2.5
    data.writeUInt16LE(0x3fc0, 4); // 1.5 in bfloat16
    const { tensors } = decodeSafetensors(Buffer.concat([head, Buffer.from(json), data]));
    expect(tensors.map((t) => [t.name, [...t.data]])).toEqual([
      ['h', [1, -2.5]],
      ['b', [1.5]],
    ]);
  });

  it('refuses data offsets outside the file and an oversized header length', () => {
    const json = JSON.stringify({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } });
    const head = Buffer.alloc(8);
    head.writeBigUInt64LE(BigInt(json.length));
    expect(() => decodeSafetensors(Buffer.concat([head, Buffer.from(json), Buffer.alloc(8)]))).toThrow(/outside the file/);
    const lying = Buffer.alloc(16);
    lying.writeBigUInt64LE(1000n);
    expect(() => decodeSafetensors(lying)).toThrow(/larger than the file/);
  });
});
