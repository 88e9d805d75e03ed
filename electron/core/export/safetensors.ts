// safetensors, read and written by hand: the format is small and documented (huggingface/safetensors README): an
// 8-byte little-endian u64 N, then N bytes of UTF-8 JSON ({name: {dtype, shape, data_offsets: [begin, end]}, with an
// optional "__metadata__" map of strings}), then the raw little-endian tensor bytes, offsets counted from the end of
// the JSON. No npm library is needed for a format this size, and writing it here keeps the bytes under our control.
import { f16ToF32, bf16ToF32 } from './halfFloat.js';

export interface NamedTensor {
  name: string;
  /** Row-major (PyTorch) shape: shape[0] is the slowest-varying dimension. */
  shape: number[];
  data: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** The largest JSON header accepted: real adapters have a few hundred entries (tens of kB). */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** Encodes F32 tensors as one safetensors file; the header is padded with spaces to 8 bytes, as the reference writer does. */
export function encodeSafetensors(tensors: readonly NamedTensor[], metadata: Record<string, string> = {}): Buffer {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header['__metadata__'] = metadata;
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((n, d) => n * d, 1);
    if (count !== t.data.length) throw new Error(`safetensors: ${t.name} has ${t.data.length} values for shape [${t.shape.join(', ')}]`);
    if (Object.hasOwn(header, t.name)) throw new Error(`safetensors: duplicate tensor ${t.name}`);
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + count * 4] };
    offset += count * 4;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const jsonBytes = Buffer.from(json, 'utf8');
  const out = Buffer.alloc(8 + jsonBytes.length + offset);
  out.writeBigUInt64LE(BigInt(jsonBytes.length), 0);
  jsonBytes.copy(out, 8);
  let at = 8 + jsonBytes.length;
  for (const t of tensors) {
    // a byte copy of the floats: hosts are little-endian (halfFloat.ts checks), as the format is
    out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  return out;
}

/** Decodes a safetensors file's tensors to F32 (F32, F16 and BF16 are accepted: PEFT saves in the training dtype). */
export function decodeSafetensors(buf: Buffer): { tensors: NamedTensor[]; metadata: Record<string, string> } {
  if (buf.length < 8) throw new Error('not a safetensors file: shorter than its 8-byte header length');
  const n = buf.readBigUInt64LE(0);
  if (n > BigInt(Math.min(MAX_HEADER_BYTES, buf.length - 8))) throw new Error('not a safetensors file: its header length is larger than the file');
  const headerEnd = 8 + Number(n);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.toString('utf8', 8, headerEnd)) as Record<string, unknown>;
  } catch {
    throw new Error('not a safetensors file: its header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new Error('not a safetensors file: its header is not a JSON object');
  const dataLength = buf.length - headerEnd;
  const metadata = (header['__metadata__'] ?? {}) as Record<string, string>;
  const tensors: NamedTensor[] = [];
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const e = raw as HeaderEntry;
    const ok = e && Array.isArray(e.shape) && e.shape.every((d) => Number.isInteger(d) && d >= 0) && Array.isArray(e.data_offsets);
    if (!ok) throw new Error(`safetensors: the entry for ${name} is malformed`);
    const [begin, end] = e.data_offsets;
    const count = e.shape.reduce((a, d) => a * d, 1);
    const width = e.dtype === 'F32' ? 4 : e.dtype === 'F16' || e.dtype === 'BF16' ? 2 : 0;
    if (width === 0) throw new Error(`safetensors: ${name} is ${e.dtype}; only F32, F16 and BF16 adapters can be read`);
    if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end > dataLength || end - begin !== count * width) {
      throw new Error(`safetensors: the data of ${name} lies outside the file or does not match its shape`);
    }
    const data = new Float32Array(count);
    const base = headerEnd + begin;
    if (width === 4) new Uint8Array(data.buffer).set(buf.subarray(base, base + 4 * count));
    else
      for (let i = 0; i < count; i++) {
        const bits = buf.readUInt16LE(base + 2 * i);
        data[i] = e.dtype === 'F16' ? f16ToF32(bits) : bf16ToF32(bits);
      }
    tensors.push({ name, shape: [...e.shape], data });
  }
  return { tensors, metadata };
}
