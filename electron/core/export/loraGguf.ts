// llama.cpp's LoRA adapter GGUF (src/llama-adapter.cpp): general.type=adapter, adapter.type=lora, adapter.lora.alpha,
// general.architecture = the base's, and for each adapted weight W two tensors `<W name>.lora_a` (ggml dims
// [n_in, r]) and `<W name>.lora_b` ([r, n_out]). In row-major terms these are A [r, n_in] and B [n_out, r]: the same
// layout as PEFT's lora_A and lora_B, so converting between the two is renaming (plus the Q/K reorder, permute.ts).
import { readFile } from 'node:fs/promises';
import { GgmlType, GgufValueType, gguf, keyValueMap, readGgufHeader, tensorByteSize, writeGguf, type GgufKeyValue, type GgufValue } from '../gguf/index.js';
import { f16ToF32 } from './halfFloat.js';

export interface LoraPair {
  /** The base weight's GGUF name, e.g. blk.0.attn_q.weight. */
  target: string;
  /** Row-major [r, nIn]. */
  a: Float32Array;
  /** Row-major [nOut, r]. */
  b: Float32Array;
  rank: number;
  nIn: number;
  nOut: number;
}

export interface LoraAdapter {
  architecture: string;
  alpha: number;
  pairs: LoraPair[];
  /** Other key/values of the file (the trainer's provenance), kept for the record. */
  extra: GgufKeyValue[];
}

const scalar = (v: GgufValue | undefined): unknown => (v && v.type !== GgufValueType.ARRAY ? v.value : undefined);

/** Reads an adapter GGUF (F32 or F16 tensors) fully into memory: adapters are megabytes, not gigabytes. */
export async function readLoraGguf(path: string): Promise<LoraAdapter> {
  const header = await readGgufHeader(path);
  const kv = keyValueMap(header);
  if (scalar(kv.get('general.type')) !== 'adapter' || scalar(kv.get('adapter.type')) !== 'lora') {
    throw new Error(`${path} is not a LoRA adapter GGUF (general.type must be "adapter" and adapter.type "lora")`);
  }
  const architecture = String(scalar(kv.get('general.architecture')) ?? '');
  const alpha = Number(scalar(kv.get('adapter.lora.alpha')) ?? 0);
  const file = await readFile(path);
  const values = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const t of header.tensors) {
    const size = tensorByteSize(t.type, t.dims);
    if (size === undefined || t.dims.length !== 2) throw new Error(`${path}: tensor ${t.name} is not a 2-D F32/F16 tensor`);
    const at = header.dataOffset + Number(t.offset);
    if (at + size > file.length) throw new Error(`${path}: tensor ${t.name} runs past the end of the file`);
    const count = t.dims[0]! * t.dims[1]!;
    const data = new Float32Array(count);
    if (t.type === GgmlType.F32) new Uint8Array(data.buffer).set(file.subarray(at, at + 4 * count));
    else for (let i = 0; i < count; i++) data[i] = f16ToF32(file.readUInt16LE(at + 2 * i));
    values.set(t.name, { dims: t.dims, data });
  }
  const pairs: LoraPair[] = [];
  for (const [name, a] of values) {
    if (!name.endsWith('.lora_a')) continue;
    const target = name.slice(0, -'.lora_a'.length);
    const b = values.get(`${target}.lora_b`);
    if (!b) throw new Error(`${path}: ${name} has no matching .lora_b`);
    const [nIn, rank] = a.dims as [number, number];
    const [rankB, nOut] = b.dims as [number, number];
    if (rank !== rankB) throw new Error(`${path}: ${target} has rank ${rank} in lora_a but ${rankB} in lora_b`);
    pairs.push({ target, a: a.data, b: b.data, rank, nIn, nOut });
  }
  for (const name of values.keys()) {
    if (name.endsWith('.lora_b') && !values.has(`${name.slice(0, -'.lora_b'.length)}.lora_a`)) throw new Error(`${path}: ${name} has no matching .lora_a`);
  }
  pairs.sort((x, y) => compareTargets(x.target, y.target));
  const known = new Set(['general.type', 'general.architecture', 'adapter.type', 'adapter.lora.alpha', 'general.alignment']);
  return { architecture, alpha, pairs, extra: header.keyValues.filter((k) => !known.has(k.key)) };
}

/** blk.2 before blk.10: natural order by layer, then by name. */
export function compareTargets(x: string, y: string): number {
  const lx = /^blk\.(\d+)\./.exec(x);
  const ly = /^blk\.(\d+)\./.exec(y);
  if (lx && ly && lx[1] !== ly[1]) return Number(lx[1]) - Number(ly[1]);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The floats' bytes as they are (little-endian hosts only: halfFloat.ts checks). */
const f32Bytes = (data: Float32Array): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** Writes an adapter GGUF in llama.cpp's format (F32 tensors); returns its sha256. */
export async function writeLoraGguf(
  path: string,
  adapter: Omit<LoraAdapter, 'extra'> & { extra?: GgufKeyValue[] },
): Promise<{ sha256: string; sizeBytes: number }> {
  const keyValues: GgufKeyValue[] = [
    { key: 'general.type', value: gguf.str('adapter') },
    { key: 'general.architecture', value: gguf.str(adapter.architecture) },
    { key: 'adapter.type', value: gguf.str('lora') },
    { key: 'adapter.lora.alpha', value: gguf.f32(adapter.alpha) },
    ...(adapter.extra ?? []),
  ];
  const tensors = adapter.pairs.flatMap((p) => [
    { name: `${p.target}.lora_a`, dims: [p.nIn, p.rank], type: GgmlType.F32, data: () => [f32Bytes(p.a)] },
    { name: `${p.target}.lora_b`, dims: [p.rank, p.nOut], type: GgmlType.F32, data: () => [f32Bytes(p.b)] },
  ]);
  const { sha256, sizeBytes } = await writeGguf(path, { keyValues, tensors });
  return { sha256, sizeBytes };
}
