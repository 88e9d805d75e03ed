// What a person choosing a base model wants to know, read from a GGUF header alone (no weights, no node-llama-cpp):
// architecture, size in parameters, quantization, context length, whether it carries a chat template.
import { keyValueMap } from './reader.js';
import { GgufValueType, type GgufHeader, type GgufValue } from './types.js';

export interface HeaderFacts {
  architecture: string | null;
  name: string | null;
  /** Sum of every tensor's element count. */
  parameterCount: number;
  /** Q4_K_M, Q8_0, F16...; null when neither the file type key nor the tensors say. */
  quantization: string | null;
  contextLength: number | null;
  hasChatTemplate: boolean;
}

// llama.cpp's llama_ftype numbers (general.file_type), as its quantize tool names them.
const FILE_TYPES: Readonly<Record<number, string>> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  7: 'Q8_0',
  8: 'Q5_0',
  9: 'Q5_1',
  10: 'Q2_K',
  11: 'Q3_K_S',
  12: 'Q3_K_M',
  13: 'Q3_K_L',
  14: 'Q4_K_S',
  15: 'Q4_K_M',
  16: 'Q5_K_S',
  17: 'Q5_K_M',
  18: 'Q6_K',
  19: 'IQ2_XXS',
  20: 'IQ2_XS',
  21: 'Q2_K_S',
  22: 'IQ3_XS',
  23: 'IQ3_XXS',
  24: 'IQ1_S',
  25: 'IQ4_NL',
  26: 'IQ3_S',
  27: 'IQ3_M',
  28: 'IQ2_S',
  29: 'IQ2_M',
  30: 'IQ4_XS',
  31: 'IQ1_M',
  32: 'BF16',
  36: 'TQ1_0',
  37: 'TQ2_0',
  38: 'MXFP4_MOE',
};

// ggml tensor type numbers, for files without general.file_type: the weights' most common type names it.
const TENSOR_TYPES: Readonly<Record<number, string>> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  6: 'Q5_0',
  7: 'Q5_1',
  8: 'Q8_0',
  10: 'Q2_K',
  11: 'Q3_K',
  12: 'Q4_K',
  13: 'Q5_K',
  14: 'Q6_K',
  30: 'BF16',
};

export function quantizationName(fileType: number): string | null {
  return FILE_TYPES[fileType] ?? null;
}

function num(v: GgufValue | undefined): number | null {
  if (!v) return null;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'bigint') return Number(v.value);
  return null;
}

function str(v: GgufValue | undefined): string | null {
  return v?.type === GgufValueType.STRING ? v.value : null;
}

export function headerFacts(header: GgufHeader): HeaderFacts {
  const kv = keyValueMap(header);
  const architecture = str(kv.get('general.architecture'));
  const fileType = num(kv.get('general.file_type'));
  let quantization = fileType === null ? null : quantizationName(fileType);
  if (quantization === null) {
    // the weights (2-D tensors) decide; norms and biases stay F32 in every quantized file
    const counts = new Map<number, number>();
    for (const t of header.tensors) if (t.dims.length >= 2) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    quantization = top ? (TENSOR_TYPES[top[0]] ?? null) : null;
  }
  return {
    architecture,
    name: str(kv.get('general.name')),
    parameterCount: header.tensors.reduce((n, t) => n + t.dims.reduce((m, d) => m * d, 1), 0),
    quantization,
    contextLength: architecture ? num(kv.get(`${architecture}.context_length`)) : null,
    hasChatTemplate: (str(kv.get('tokenizer.chat_template')) ?? '').length > 0,
  };
}

// Bytes per block and elements per block of the ggml tensor types a model file commonly holds (ggml.c's type traits).
const BLOCKS: Readonly<Record<number, readonly [bytes: number, elements: number]>> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  10: [84, 256], // Q2_K
  11: [110, 256], // Q3_K
  12: [144, 256], // Q4_K
  13: [176, 256], // Q5_K
  14: [210, 256], // Q6_K
  30: [2, 1], // BF16
};

/**
 * How long the file must be to hold every tensor the header lists, or null when a tensor's type is not one this
 * module can size. A file shorter than that was cut short (an interrupted download or copy).
 */
export function bytesNeeded(header: GgufHeader): number | null {
  let end = 0;
  for (const t of header.tensors) {
    const block = BLOCKS[t.type];
    if (!block) return null;
    const elements = t.dims.reduce((m, d) => m * d, 1);
    end = Math.max(end, Number(t.offset) + Math.ceil(elements / block[1]) * block[0]);
  }
  return header.dataOffset + end;
}
