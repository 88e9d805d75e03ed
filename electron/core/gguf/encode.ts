// Little-endian byte encoding of GGUF header parts (strings, typed values, arrays, tensor infos) into a growable buffer.
import { GgufValueType, type GgufArray, type GgufValue } from './types.js';

export class ByteSink {
  private readonly done: Buffer[] = [];
  private buf = Buffer.allocUnsafe(1 << 16);
  private pos = 0;
  private flushed = 0;

  get length(): number {
    return this.flushed + this.pos;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.done.push(this.buf.subarray(0, this.pos));
    this.flushed += this.pos;
    this.buf = Buffer.allocUnsafe(Math.max(1 << 16, n));
    this.pos = 0;
  }

  u8(v: number): void {
    this.room(1);
    this.pos = this.buf.writeUInt8(v, this.pos);
  }
  i8(v: number): void {
    this.room(1);
    this.pos = this.buf.writeInt8(v, this.pos);
  }
  u16(v: number): void {
    this.room(2);
    this.pos = this.buf.writeUInt16LE(v, this.pos);
  }
  i16(v: number): void {
    this.room(2);
    this.pos = this.buf.writeInt16LE(v, this.pos);
  }
  u32(v: number): void {
    this.room(4);
    this.pos = this.buf.writeUInt32LE(v, this.pos);
  }
  i32(v: number): void {
    this.room(4);
    this.pos = this.buf.writeInt32LE(v, this.pos);
  }
  f32(v: number): void {
    this.room(4);
    this.pos = this.buf.writeFloatLE(v, this.pos);
  }
  f64(v: number): void {
    this.room(8);
    this.pos = this.buf.writeDoubleLE(v, this.pos);
  }
  u64(v: bigint | number): void {
    this.room(8);
    this.pos = this.buf.writeBigUInt64LE(BigInt(v), this.pos);
  }
  i64(v: bigint): void {
    this.room(8);
    this.pos = this.buf.writeBigInt64LE(v, this.pos);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** GGUF string: u64 byte length, then UTF-8 bytes, no terminator. */
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.bytes(b);
  }

  zeros(n: number): void {
    this.room(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.done, this.buf.subarray(0, this.pos)]);
  }
}

function fail(what: string, got: unknown): never {
  throw new TypeError(`GGUF: ${what} (got ${typeof got} ${String(got).slice(0, 40)})`);
}

function checkInt(v: unknown, lo: number, hi: number, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) fail(`${name} must be an integer in [${lo}, ${hi}]`, v);
  return v;
}

/** Writes one value of a scalar type (no type tag); also used for array items. */
export function encodeScalar(sink: ByteSink, type: GgufValueType, v: unknown): void {
  switch (type) {
    case GgufValueType.UINT8:
      return sink.u8(checkInt(v, 0, 0xff, 'uint8'));
    case GgufValueType.INT8:
      return sink.i8(checkInt(v, -0x80, 0x7f, 'int8'));
    case GgufValueType.UINT16:
      return sink.u16(checkInt(v, 0, 0xffff, 'uint16'));
    case GgufValueType.INT16:
      return sink.i16(checkInt(v, -0x8000, 0x7fff, 'int16'));
    case GgufValueType.UINT32:
      return sink.u32(checkInt(v, 0, 0xffffffff, 'uint32'));
    case GgufValueType.INT32:
      return sink.i32(checkInt(v, -0x80000000, 0x7fffffff, 'int32'));
    case GgufValueType.FLOAT32:
      return typeof v === 'number' ? sink.f32(v) : fail('float32 must be a number', v);
    case GgufValueType.FLOAT64:
      return typeof v === 'number' ? sink.f64(v) : fail('float64 must be a number', v);
    case GgufValueType.UINT64:
      return typeof v === 'bigint' && v >= 0n ? sink.u64(v) : fail('uint64 must be a non-negative bigint', v);
    case GgufValueType.INT64:
      return typeof v === 'bigint' ? sink.i64(v) : fail('int64 must be a bigint', v);
    case GgufValueType.BOOL:
      return typeof v === 'boolean' ? sink.u8(v ? 1 : 0) : fail('bool must be a boolean', v);
    case GgufValueType.STRING:
      return typeof v === 'string' ? sink.str(v) : fail('string must be a string', v);
    case GgufValueType.ARRAY:
      return encodeArray(sink, v as GgufArray);
    default:
      fail('unknown value type', type);
  }
}

/** Array body: item type, u64 count, items. */
export function encodeArray(sink: ByteSink, arr: GgufArray): void {
  if (arr === null || typeof arr !== 'object' || !Array.isArray(arr.items)) fail('array value must be {itemType, items}', arr);
  sink.u32(arr.itemType);
  sink.u64(arr.items.length);
  for (const item of arr.items) encodeScalar(sink, arr.itemType, item);
}

/** A key/value: key string, u32 type tag, value. */
export function encodeKeyValue(sink: ByteSink, key: string, value: GgufValue): void {
  sink.str(key);
  sink.u32(value.type);
  encodeScalar(sink, value.type, value.value);
}
