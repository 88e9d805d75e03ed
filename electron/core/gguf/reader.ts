// Reads a GGUF header with exact value types. node-llama-cpp's readGgufFileInfo returns values as plain JS numbers
// (a u32, an i32 and an f32 all look alike), which is not enough to copy a tokenizer's key/values into another file
// bit-for-bit; this reader keeps each value's GGUF type. It reads only the header, never the tensor data: it starts
// with the first 1 MiB and reads more only if the key/values (a 150k-token vocabulary is ~5 MB) run past it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GgufValueType,
  type GgufArray,
  type GgufHeader,
  type GgufKeyValue,
  type GgufTensorInfo,
  type GgufValue,
} from './types.js';

class NeedMore extends Error {}

class Cursor {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  private take(n: number): number {
    const at = this.pos;
    if (at + n > this.buf.length) throw new NeedMore();
    this.pos += n;
    return at;
  }

  u8(): number {
    return this.buf.readUInt8(this.take(1));
  }
  i8(): number {
    return this.buf.readInt8(this.take(1));
  }
  u16(): number {
    return this.buf.readUInt16LE(this.take(2));
  }
  i16(): number {
    return this.buf.readInt16LE(this.take(2));
  }
  u32(): number {
    return this.buf.readUInt32LE(this.take(4));
  }
  i32(): number {
    return this.buf.readInt32LE(this.take(4));
  }
  f32(): number {
    return this.buf.readFloatLE(this.take(4));
  }
  f64(): number {
    return this.buf.readDoubleLE(this.take(8));
  }
  u64(): bigint {
    return this.buf.readBigUInt64LE(this.take(8));
  }
  i64(): bigint {
    return this.buf.readBigInt64LE(this.take(8));
  }

  /** A u64 that is used as a count or length; refuses values JS cannot index. */
  count(what: string): number {
    const v = this.u64();
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`GGUF: ${what} ${v} is out of range`);
    return Number(v);
  }

  str(): string {
    const n = this.count('string length');
    const at = this.take(n);
    return this.buf.toString('utf8', at, at + n);
  }
}

function readScalar(c: Cursor, type: number): number | bigint | boolean | string | GgufArray {
  switch (type) {
    case GgufValueType.UINT8:
      return c.u8();
    case GgufValueType.INT8:
      return c.i8();
    case GgufValueType.UINT16:
      return c.u16();
    case GgufValueType.INT16:
      return c.i16();
    case GgufValueType.UINT32:
      return c.u32();
    case GgufValueType.INT32:
      return c.i32();
    case GgufValueType.FLOAT32:
      return c.f32();
    case GgufValueType.FLOAT64:
      return c.f64();
    case GgufValueType.UINT64:
      return c.u64();
    case GgufValueType.INT64:
      return c.i64();
    case GgufValueType.BOOL:
      return c.u8() !== 0;
    case GgufValueType.STRING:
      return c.str();
    case GgufValueType.ARRAY: {
      const itemType = c.u32();
      const n = c.count('array length');
      const items: Array<number | bigint | boolean | string | GgufArray> = new Array(n);
      for (let i = 0; i < n; i++) items[i] = readScalar(c, itemType);
      return { itemType, items };
    }
    default:
      throw new Error(`GGUF: unknown value type ${type}`);
  }
}

function parse(buf: Buffer, fileSize: number): GgufHeader {
  const c = new Cursor(buf);
  if (c.u32() !== GGUF_MAGIC) throw new Error('not a GGUF file (bad magic)');
  const version = c.u32();
  if (version !== 2 && version !== 3) throw new Error(`GGUF version ${version} is not supported (2 or 3)`);
  const tensorCount = c.count('tensor count');
  const kvCount = c.count('key/value count');
  const keyValues: GgufKeyValue[] = [];
  for (let i = 0; i < kvCount; i++) {
    const key = c.str();
    const type = c.u32();
    keyValues.push({ key, value: { type, value: readScalar(c, type) } as GgufValue });
  }
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = c.str();
    const nDims = c.u32();
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) dims.push(c.count('tensor dim'));
    tensors.push({ name, dims, type: c.u32(), offset: c.u64() });
  }
  const alignKv = keyValues.find((k) => k.key === 'general.alignment')?.value;
  const alignment = alignKv?.type === GgufValueType.UINT32 ? alignKv.value : GGUF_DEFAULT_ALIGNMENT;
  const dataOffset = Math.ceil(c.pos / alignment) * alignment;
  if (tensorCount > 0 && dataOffset > fileSize) throw new Error('GGUF: file is truncated before its tensor data');
  return { version, keyValues, tensors, alignment, dataOffset };
}

export async function readGgufHeader(path: string): Promise<GgufHeader> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    for (let want = Math.min(size, 1 << 20); ; want = Math.min(size, want * 4)) {
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await fh.read(buf, 0, want, 0);
      try {
        return parse(buf.subarray(0, bytesRead), size);
      } catch (err) {
        if (!(err instanceof NeedMore)) throw err;
        if (want >= size) throw new Error('GGUF: file is truncated inside its header', { cause: err });
      }
    }
  } finally {
    await fh.close();
  }
}

/**
 * The same header, read synchronously: for engine loops that run in a worker thread (model discovery), where a
 * synchronous loop is the norm. Reads only the header bytes, growing the window like readGgufHeader.
 */
export function readGgufHeaderSync(path: string): GgufHeader {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    for (let want = Math.min(size, 1 << 20); ; want = Math.min(size, want * 4)) {
      const buf = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buf, 0, want, 0);
      try {
        return parse(buf.subarray(0, bytesRead), size);
      } catch (err) {
        if (!(err instanceof NeedMore)) throw err;
        if (want >= size) throw new Error('GGUF: file is truncated inside its header', { cause: err });
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Convenience: a key/value map for lookups. */
export function keyValueMap(header: GgufHeader): Map<string, GgufValue> {
  return new Map(header.keyValues.map((kv) => [kv.key, kv.value]));
}
