// The tensors of a demo model, named and shaped as llama.cpp's loader expects (llama-arch.cpp, src/models/<arch>.cpp),
// in ggml dim order (dims[0] = input width). Each says how it is initialised; the writer pulls their bytes lazily.
// The llama layout is the base; an ArchSpec adds or fuses tensors (the llama file stays byte-identical to before).
import { GgmlType } from '../gguf/types.js';
import type { GgufTensorSource } from '../gguf/writer.js';
import { ARCH_SPECS, type ArchSpec } from './archs.js';
import { constantF32Bytes, normalF32Bytes } from './random.js';

export interface LlamaShape {
  vocabSize: number;
  layers: number;
  embd: number;
  heads: number;
  headsKv: number;
  ff: number;
}

/** Spread of the random weights. */
export const WEIGHT_STD = 0.02;
/**
 * output.weight is drawn much wider: with 0.02 everywhere the logits are nearly flat, a LoRA run barely moves the loss
 * and perplexity changes drown in noise; at 0.2 the untrained model has a clear (random) preference that training
 * visibly bends (SETUP-FACTS: tiny random-weight test models).
 */
export const OUTPUT_STD = 0.2;

interface Planned {
  name: string;
  dims: number[];
  init: 'normal' | 'ones';
  std: number;
}

function plan(shape: LlamaShape, spec: ArchSpec): Planned[] {
  const { vocabSize, layers, embd, heads, headsKv, ff } = shape;
  const headDim = embd / heads;
  const kvWidth = headDim * headsKv;
  const normal = (name: string, dims: number[], std = WEIGHT_STD): Planned => ({ name, dims, init: 'normal', std });
  // RMSNorm weights of 1 make each norm a pure normalisation, as in a freshly initialised real model. (Gemma's
  // norms compute x * (1 + w) in the original code, but conversion bakes the +1 into the GGUF, so 1 is right there too.)
  const ones = (name: string, dims: number[]): Planned => ({ name, dims, init: 'ones', std: 0 });
  // With tied embeddings the token table is also the output head: draw it as wide as output.weight would be, or the
  // logits come out nearly flat (see OUTPUT_STD).
  const out: Planned[] = [normal('token_embd.weight', [embd, vocabSize], spec.tiedOutput ? OUTPUT_STD : WEIGHT_STD)];
  for (let i = 0; i < layers; i++) {
    const b = `blk.${i}`;
    out.push(ones(`${b}.attn_norm.weight`, [embd]));
    if (spec.fusedQkv) {
      out.push(normal(`${b}.attn_qkv.weight`, [embd, embd + 2 * kvWidth]));
    } else {
      out.push(normal(`${b}.attn_q.weight`, [embd, embd]), normal(`${b}.attn_k.weight`, [embd, kvWidth]), normal(`${b}.attn_v.weight`, [embd, kvWidth]));
    }
    if (spec.qkvBias) out.push(normal(`${b}.attn_q.bias`, [embd]), normal(`${b}.attn_k.bias`, [kvWidth]), normal(`${b}.attn_v.bias`, [kvWidth]));
    if (spec.qkNorm) out.push(ones(`${b}.attn_q_norm.weight`, [headDim]), ones(`${b}.attn_k_norm.weight`, [headDim]));
    out.push(normal(`${b}.attn_output.weight`, [embd, embd]));
    if (spec.postNorms) out.push(ones(`${b}.post_attention_norm.weight`, [embd]));
    out.push(ones(`${b}.ffn_norm.weight`, [embd]));
    if (spec.fusedGateUp) {
      // gate rows first, then up: llama.cpp's fused SwiGLU activates the first half
      out.push(normal(`${b}.ffn_down.weight`, [ff, embd]), normal(`${b}.ffn_up.weight`, [embd, 2 * ff]));
    } else {
      out.push(normal(`${b}.ffn_gate.weight`, [embd, ff]), normal(`${b}.ffn_down.weight`, [ff, embd]), normal(`${b}.ffn_up.weight`, [embd, ff]));
    }
    if (spec.postNorms) out.push(ones(`${b}.post_ffw_norm.weight`, [embd]));
  }
  out.push(ones('output_norm.weight', [embd]));
  if (!spec.tiedOutput) out.push(normal('output.weight', [embd, vocabSize], OUTPUT_STD));
  return out;
}

export function llamaParameterCount(shape: LlamaShape, spec: ArchSpec = ARCH_SPECS.llama): number {
  return plan(shape, spec).reduce((n, t) => n + t.dims.reduce((a, d) => a * d, 1), 0);
}

export function llamaTensors(shape: LlamaShape, seed: number, spec: ArchSpec = ARCH_SPECS.llama): GgufTensorSource[] {
  return plan(shape, spec).map((t) => {
    const count = t.dims.reduce((a, d) => a * d, 1);
    return {
      name: t.name,
      dims: t.dims,
      type: GgmlType.F32,
      data: () => (t.init === 'ones' ? constantF32Bytes(count, 1) : normalF32Bytes(seed, t.name, count, t.std)),
    };
  });
}
