// The tensors of a llama-architecture model, named and shaped as llama.cpp's loader expects (llama-arch.cpp), in ggml
// dim order (dims[0] = input width). Each says how it is initialised; the writer pulls their bytes lazily.
import { GgmlType } from '../gguf/types.js';
import type { GgufTensorSource } from '../gguf/writer.js';
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

function plan(shape: LlamaShape): Planned[] {
  const { vocabSize, layers, embd, heads, headsKv, ff } = shape;
  const kvWidth = (embd / heads) * headsKv;
  const normal = (name: string, dims: number[], std = WEIGHT_STD): Planned => ({ name, dims, init: 'normal', std });
  // RMSNorm weights of 1 make each norm a pure normalisation, as in a freshly initialised real model.
  const ones = (name: string, dims: number[]): Planned => ({ name, dims, init: 'ones', std: 0 });
  const out: Planned[] = [normal('token_embd.weight', [embd, vocabSize])];
  for (let i = 0; i < layers; i++) {
    const b = `blk.${i}`;
    out.push(
      ones(`${b}.attn_norm.weight`, [embd]),
      normal(`${b}.attn_q.weight`, [embd, embd]),
      normal(`${b}.attn_k.weight`, [embd, kvWidth]),
      normal(`${b}.attn_v.weight`, [embd, kvWidth]),
      normal(`${b}.attn_output.weight`, [embd, embd]),
      ones(`${b}.ffn_norm.weight`, [embd]),
      normal(`${b}.ffn_gate.weight`, [embd, ff]),
      normal(`${b}.ffn_down.weight`, [ff, embd]),
      normal(`${b}.ffn_up.weight`, [embd, ff]),
    );
  }
  out.push(ones('output_norm.weight', [embd]), normal('output.weight', [embd, vocabSize], OUTPUT_STD));
  return out;
}

export function llamaParameterCount(shape: LlamaShape): number {
  return plan(shape).reduce((n, t) => n + t.dims.reduce((a, d) => a * d, 1), 0);
}

export function llamaTensors(shape: LlamaShape, seed: number): GgufTensorSource[] {
  return plan(shape).map((t) => {
    const count = t.dims.reduce((a, d) => a * d, 1);
    return {
      name: t.name,
      dims: t.dims,
      type: GgmlType.F32,
      data: () => (t.init === 'ones' ? constantF32Bytes(count, 1) : normalF32Bytes(seed, t.name, count, t.std)),
    };
  });
}
