import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, describe, expect, it } from 'vitest';
import { readGgufHeader } from './reader.js';
import { gguf, GgmlType, GgufValueType, type GgufKeyValue } from './types.js';
import { writeGguf, type GgufTensorSource } from './writer.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-gguf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keyValues: GgufKeyValue[] = [
  { key: 'general.architecture', value: gguf.str('llama') },
  { key: 't.u8', value: { type: GgufValueType.UINT8, value: 255 } },
  { key: 't.i8', value: { type: GgufValueType.INT8, value: -128 } },
  { key: 't.u16', value: { type: GgufValueType.UINT16, value: 65535 } },
  { key: 't.i16', value: { type: GgufValueType.INT16, value: -32768 } },
  { key: 't.u32', value: gguf.u32(4294967295) },
  { key: 't.i32', value: gguf.i32(-2147483648) },
  { key: 't.f32', value: gguf.f32(0.5) },
  { key: 't.f64', value: { type: GgufValueType.FLOAT64, value: Math.PI } },
  { key: 't.u64', value: gguf.u64(2n ** 63n + 5n) },
  { key: 't.i64', value: { type: GgufValueType.INT64, value: -(2n ** 62n) } },
  { key: 't.bool', value: gguf.bool(true) },
  { key: 't.str', value: gguf.str('ünïcode ✓ <|end|>') },
  { key: 't.arr.str', value: gguf.arr(GgufValueType.STRING, ['a', '', 'ß']) },
  { key: 't.arr.i32', value: gguf.arr(GgufValueType.INT32, [1, -2, 3]) },
  { key: 't.arr.f32', value: gguf.arr(GgufValueType.FLOAT32, [0.25, -1.5]) },
  { key: 't.arr.nested', value: gguf.arr(GgufValueType.ARRAY, [{ itemType: GgufValueType.UINT8, items: [1, 2] }]) },
];

function f32Source(name: string, dims: number[], fill: (i: number) => number, chunk = 7): GgufTensorSource {
  const n = dims.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: n }, (_, i) => fill(i));
  const bytes = new Uint8Array(values.buffer);
  return {
    name,
    dims,
    type: GgmlType.F32,
    // Odd chunk sizes on purpose: the writer must not care how a source splits its bytes.
    *data() {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, Math.min(bytes.length, i + chunk));
    },
  };
}

const tensors: GgufTensorSource[] = [
  f32Source('a.weight', [3, 5], (i) => i),
  f32Source('b.weight', [7], (i) => -i / 8),
  {
    name: 'c.f16',
    dims: [3],
    type: GgmlType.F16,
    async *data() {
      yield new Uint8Array([0x00, 0x3c, 0x00, 0x40, 0x00, 0xc0]); // 1, 2, -2 in half precision
    },
  },
  f32Source('d.weight', [2, 3, 4], (i) => i * 2),
];

describe('GGUF writer', () => {
  it('round-trips every value type and tensor info through our reader', async () => {
    const path = join(dir, 'all.gguf');
    const res = await writeGguf(path, { keyValues, tensors });
    const file = readFileSync(path);
    expect(res.sizeBytes).toBe(file.length);
    const header = await readGgufHeader(path);
    expect(header.version).toBe(3);
    expect(header.keyValues).toEqual(keyValues); // every value chosen to be exact in its type
    expect(header.tensors.map((t) => [t.name, t.dims, t.type])).toEqual(tensors.map((t) => [t.name, t.dims, t.type]));
    expect(header.dataOffset % 32).toBe(0);
    for (const t of header.tensors) expect(Number(t.offset) % 32).toBe(0);
    // Tensor bytes sit where the infos say.
    const d = header.tensors[3]!;
    const at = header.dataOffset + Number(d.offset);
    const floats = new Float32Array(file.buffer.slice(file.byteOffset + at, file.byteOffset + at + 24 * 4));
    expect(Array.from(floats)).toEqual(Array.from({ length: 24 }, (_, i) => i * 2));
    const c = header.tensors[2]!;
    expect([...file.subarray(header.dataOffset + Number(c.offset), header.dataOffset + Number(c.offset) + 6)]).toEqual([0, 0x3c, 0, 0x40, 0, 0xc0]);
    // The file ends with the last tensor's data padded to the alignment.
    expect(file.length).toBe(header.dataOffset + Number(d.offset) + 96);
  });

  it("is read back by node-llama-cpp's own GGUF reader", async () => {
    const path = join(dir, 'nlc.gguf');
    await writeGguf(path, { keyValues, tensors });
    const info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
    expect(info.version).toBe(3);
    const md = info.metadata as unknown as { t: Record<string, unknown>; general: { architecture: string } };
    expect(md.general.architecture).toBe('llama');
    expect(md.t['u32']).toBe(4294967295);
    expect(md.t['i8']).toBe(-128);
    expect(md.t['f64']).toBe(Math.PI);
    expect(md.t['str']).toBe('ünïcode ✓ <|end|>');
    expect((md.t['arr'] as Record<string, unknown>)['str']).toEqual(['a', '', 'ß']);
    expect((md.t['arr'] as Record<string, unknown>)['i32']).toEqual([1, -2, 3]);
    const infos = info.tensorInfo ?? [];
    expect(infos.map((t) => [t.name, t.dimensions.map(Number), t.ggmlType])).toEqual(tensors.map((t) => [t.name, t.dims, t.type]));
    const ours = await readGgufHeader(path);
    expect(infos.map((t) => Number(t.offset))).toEqual(ours.tensors.map((t) => Number(t.offset)));
  });

  it('gives the same bytes and sha256 for the same input, and reports the sha256 of what is on disk', async () => {
    const a = await writeGguf(join(dir, 'a.gguf'), { keyValues, tensors });
    const b = await writeGguf(join(dir, 'b.gguf'), { keyValues, tensors });
    expect(a.sha256).toBe(b.sha256);
    const { createHash } = await import('node:crypto');
    expect(
      createHash('sha256')
        .update(readFileSync(join(dir, 'a.gguf')))
        .digest('hex'),
    ).toBe(a.sha256);
  });

  it('leaves no file behind when a tensor source yields the wrong number of bytes', async () => {
    const path = join(dir, 'short.gguf');
    const short: GgufTensorSource = {
      name: 'x',
      dims: [4],
      type: GgmlType.F32,
      *data() {
        yield new Uint8Array(12);
      },
    };
    await expect(writeGguf(path, { keyValues, tensors: [short] })).rejects.toThrow(/yielded 12 of 16 bytes/);
    const long: GgufTensorSource = {
      name: 'x',
      dims: [1],
      type: GgmlType.F32,
      *data() {
        yield new Uint8Array(8);
      },
    };
    await expect(writeGguf(path, { keyValues, tensors: [long] })).rejects.toThrow(/more than its 4 bytes/);
    expect(readdirSync(dir).filter((f) => f.startsWith('short.gguf'))).toEqual([]);
  });

  it('refuses malformed input with a clear message', async () => {
    const p = join(dir, 'bad.gguf');
    const dup = [...keyValues, { key: 't.u8', value: gguf.u32(1) }];
    await expect(writeGguf(p, { keyValues: dup, tensors: [] })).rejects.toThrow(/duplicate key t.u8/);
    await expect(writeGguf(p, { keyValues: [{ key: 'k', value: { type: GgufValueType.UINT8, value: 256 } }], tensors: [] })).rejects.toThrow(/uint8/);
    await expect(writeGguf(p, { keyValues: [{ key: 'general.alignment', value: gguf.u32(24) }], tensors: [] })).rejects.toThrow(/power of two/);
    const q: GgufTensorSource = { name: 'q', dims: [32], type: 2, *data() {} }; // Q4_0: not sized by this writer
    await expect(writeGguf(p, { keyValues: [], tensors: [q] })).rejects.toThrow(/cannot size/);
  });

  it('honours a custom general.alignment', async () => {
    const path = join(dir, 'align64.gguf');
    await writeGguf(path, { keyValues: [{ key: 'general.alignment', value: gguf.u32(64) }], tensors });
    const h = await readGgufHeader(path);
    expect(h.alignment).toBe(64);
    expect(h.dataOffset % 64).toBe(0);
    for (const t of h.tensors) expect(Number(t.offset) % 64).toBe(0);
  });
});

describe('GGUF reader', () => {
  it('reads a header larger than its first read (1 MiB)', async () => {
    const path = join(dir, 'big.gguf');
    const items = Array.from({ length: 200_000 }, (_, i) => `token-${i}`); // ~3.4 MB of strings
    await writeGguf(path, { keyValues: [{ key: 'tokenizer.ggml.tokens', value: gguf.arr(GgufValueType.STRING, items) }], tensors: tensors.slice(0, 1) });
    const h = await readGgufHeader(path);
    const v = h.keyValues[0]!.value;
    expect(v.type === GgufValueType.ARRAY && v.value.items.length).toBe(200_000);
    expect(h.tensors[0]?.name).toBe('a.weight');
  });

  it('refuses files that are not GGUF or are cut short', async () => {
    const notGguf = join(dir, 'not.gguf');
    writeFileSync(notGguf, 'hello world, definitely not a model');
    await expect(readGgufHeader(notGguf)).rejects.toThrow(/not a GGUF file/);
    const full = readFileSync(join(dir, 'all.gguf'));
    const cut = join(dir, 'cut.gguf');
    writeFileSync(cut, full.subarray(0, 100));
    await expect(readGgufHeader(cut)).rejects.toThrow(/truncated/);
  });
});
