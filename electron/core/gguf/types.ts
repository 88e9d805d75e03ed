// GGUF value and tensor types, as numbered in ggml's gguf.h (format version 3). Values keep their exact GGUF type so a
// key/value copied from one file into another (a tokenizer into a demo model) is written back bit-for-bit.

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_VERSION = 3;
export const GGUF_DEFAULT_ALIGNMENT = 32;

export enum GgufValueType {
  UINT8 = 0,
  INT8 = 1,
  UINT16 = 2,
  INT16 = 3,
  UINT32 = 4,
  INT32 = 5,
  FLOAT32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
  UINT64 = 10,
  INT64 = 11,
  FLOAT64 = 12,
}

/** The ggml tensor types this code writes and sizes. Others can be read (their infos) but not sized. */
export enum GgmlType {
  F32 = 0,
  F16 = 1,
}

export const GGML_TYPE_SIZE: Readonly<Record<number, number>> = { [GgmlType.F32]: 4, [GgmlType.F16]: 2 };

export type GgufScalarType = Exclude<GgufValueType, GgufValueType.ARRAY>;

/** One typed value. 64-bit integers are bigint so they round-trip without losing precision. */
export type GgufValue =
  | { type: GgufValueType.UINT8 | GgufValueType.INT8 | GgufValueType.UINT16 | GgufValueType.INT16; value: number }
  | { type: GgufValueType.UINT32 | GgufValueType.INT32 | GgufValueType.FLOAT32 | GgufValueType.FLOAT64; value: number }
  | { type: GgufValueType.UINT64 | GgufValueType.INT64; value: bigint }
  | { type: GgufValueType.BOOL; value: boolean }
  | { type: GgufValueType.STRING; value: string }
  | { type: GgufValueType.ARRAY; value: GgufArray };

/** An array value: items of one type. Nested arrays (allowed by the spec, rare in practice) hold GgufArray items. */
export interface GgufArray {
  itemType: GgufValueType;
  items: ReadonlyArray<number | bigint | boolean | string | GgufArray>;
}

export interface GgufKeyValue {
  key: string;
  value: GgufValue;
}

export interface GgufTensorInfo {
  name: string;
  /** ggml order: dims[0] is the fastest-varying (row length). */
  dims: number[];
  type: number;
  /** Byte offset from the start of the data section. */
  offset: bigint;
}

export interface GgufHeader {
  version: number;
  keyValues: GgufKeyValue[];
  tensors: GgufTensorInfo[];
  alignment: number;
  /** Absolute file offset where tensor data starts. */
  dataOffset: number;
}

// Small constructors keep call sites readable and make the type choice explicit.
export const gguf = {
  u32: (value: number): GgufValue => ({ type: GgufValueType.UINT32, value }),
  i32: (value: number): GgufValue => ({ type: GgufValueType.INT32, value }),
  f32: (value: number): GgufValue => ({ type: GgufValueType.FLOAT32, value }),
  u64: (value: bigint): GgufValue => ({ type: GgufValueType.UINT64, value }),
  bool: (value: boolean): GgufValue => ({ type: GgufValueType.BOOL, value }),
  str: (value: string): GgufValue => ({ type: GgufValueType.STRING, value }),
  arr: (itemType: GgufValueType, items: GgufArray['items']): GgufValue => ({ type: GgufValueType.ARRAY, value: { itemType, items } }),
};

/** Byte size of a tensor's data, or undefined for a type this module cannot size (quantized blocks). */
export function tensorByteSize(type: number, dims: readonly number[]): number | undefined {
  const size = GGML_TYPE_SIZE[type];
  if (size === undefined) return undefined;
  return dims.reduce((n, d) => n * d, size);
}
