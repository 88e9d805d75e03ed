// A small GGUF v3 writer, hand-written because no npm library writes GGUF (node-llama-cpp and @huggingface/gguf only
// read it). Layout: header (magic, version, tensor count, kv count), key/values, tensor infos, zero padding to the
// alignment, then each tensor's data at an aligned offset. Tensor data is streamed from per-tensor sources, so a 500 MB
// F32 model is written with a few MB of memory; the sha256 is computed on the way out, so the file is never re-read.
import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { commitTemp, tempPathFor } from '../disk/atomicWrite.js';
import { ByteSink, encodeKeyValue } from './encode.js';
import { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_VERSION, GgufValueType, tensorByteSize, type GgufKeyValue } from './types.js';

export interface GgufTensorSource {
  name: string;
  /** ggml order: dims[0] is the row length. */
  dims: number[];
  /** A ggml type this writer can size (F32, F16). */
  type: number;
  /**
   * Yields exactly the tensor's bytes, in order, in chunks of any size. Called once, when its turn comes. Each chunk is
   * fully written before the next is pulled, so a source may refill one buffer instead of allocating per chunk.
   */
  data: () => Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

export interface GgufWriteInput {
  keyValues: readonly GgufKeyValue[];
  tensors: readonly GgufTensorSource[];
}

export interface GgufWriteResult {
  path: string;
  sha256: string;
  sizeBytes: number;
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

function alignmentOf(keyValues: readonly GgufKeyValue[]): number {
  const kv = keyValues.find((k) => k.key === 'general.alignment');
  if (!kv) return GGUF_DEFAULT_ALIGNMENT;
  // ggml requires general.alignment to be a u32 power of two; anything else makes llama.cpp refuse the file.
  if (kv.value.type !== GgufValueType.UINT32 || kv.value.value <= 0 || (kv.value.value & (kv.value.value - 1)) !== 0) {
    throw new TypeError('GGUF: general.alignment must be a uint32 power of two');
  }
  return kv.value.value;
}

/** Encodes everything before the tensor data; returns it with each tensor's byte size. */
export function encodeGgufHeader(input: GgufWriteInput): { header: Buffer; sizes: number[]; alignment: number } {
  const alignment = alignmentOf(input.keyValues);
  const seen = new Set<string>();
  for (const { key } of input.keyValues) {
    if (seen.has(key)) throw new TypeError(`GGUF: duplicate key ${key}`);
    seen.add(key);
  }
  const sink = new ByteSink();
  sink.u32(GGUF_MAGIC);
  sink.u32(GGUF_VERSION);
  sink.u64(input.tensors.length);
  sink.u64(input.keyValues.length);
  for (const { key, value } of input.keyValues) encodeKeyValue(sink, key, value);

  const sizes: number[] = [];
  const names = new Set<string>();
  let offset = 0;
  for (const t of input.tensors) {
    if (names.has(t.name)) throw new TypeError(`GGUF: duplicate tensor ${t.name}`);
    names.add(t.name);
    if (t.dims.length < 1 || t.dims.length > 4 || t.dims.some((d) => !Number.isInteger(d) || d < 1)) {
      throw new TypeError(`GGUF: tensor ${t.name} needs 1-4 positive integer dims`);
    }
    const size = tensorByteSize(t.type, t.dims);
    if (size === undefined) throw new TypeError(`GGUF: tensor ${t.name} has ggml type ${t.type}, which this writer cannot size`);
    sink.str(t.name);
    sink.u32(t.dims.length);
    for (const d of t.dims) sink.u64(d);
    sink.u32(t.type);
    sink.u64(offset);
    sizes.push(size);
    offset = alignUp(offset + size, alignment);
  }
  sink.zeros(alignUp(sink.length, alignment) - sink.length);
  return { header: sink.toBuffer(), sizes, alignment };
}

/**
 * Writes a GGUF file. The file appears at `path` only when complete (written to a uniquely named sibling, then
 * renamed), so a crash or a failing tensor source never leaves a truncated model behind, and two writers of the same
 * path never interleave their bytes.
 */
export async function writeGguf(path: string, input: GgufWriteInput): Promise<GgufWriteResult> {
  const { header, sizes, alignment } = encodeGgufHeader(input);
  const partial = tempPathFor(path, 'partial');
  const hash = createHash('sha256');
  const fh = await open(partial, 'w');
  let written = 0;
  const put = async (chunk: Uint8Array): Promise<void> => {
    hash.update(chunk);
    let done = 0;
    while (done < chunk.length) {
      const { bytesWritten } = await fh.write(chunk, done, chunk.length - done);
      done += bytesWritten;
    }
    written += chunk.length;
  };
  try {
    await put(header);
    const zeros = new Uint8Array(alignment);
    for (const [i, t] of input.tensors.entries()) {
      const expected = sizes[i] ?? 0;
      let got = 0;
      for await (const chunk of t.data()) {
        got += chunk.length;
        if (got > expected) throw new Error(`GGUF: tensor ${t.name} source yielded more than its ${expected} bytes`);
        await put(chunk);
      }
      if (got !== expected) throw new Error(`GGUF: tensor ${t.name} source yielded ${got} of ${expected} bytes`);
      const pad = alignUp(expected, alignment) - expected;
      if (pad > 0) await put(zeros.subarray(0, pad));
    }
    await fh.sync();
    await fh.close();
    commitTemp(partial, path);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
  return { path, sha256: hash.digest('hex'), sizeBytes: written };
}
