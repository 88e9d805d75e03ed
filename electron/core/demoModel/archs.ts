// The architectures a demo model can have, and what differs between them: tensor layout, hyperparameter keys and
// quirks, as llama.cpp's loader (src/models/<arch>.cpp, bundled with node-llama-cpp) reads them. Each one reproduces
// the real family's structure at a small size so the trainer and the app meet the same graph code as with a real
// model: q/k/v biases (qwen2), per-head q/k norms (qwen3, gemma3), post-norms, sliding-window layers and soft-capping
// (gemma2/3), tied embeddings (gemma), fused qkv and gate|up tensors (phi3).
import { gguf, type GgufKeyValue } from '../gguf/types.js';

export const DEMO_ARCHS = ['llama', 'qwen2', 'qwen3', 'gemma2', 'gemma3', 'phi3', 'mistral'] as const;
export type DemoArch = (typeof DEMO_ARCHS)[number];
export const DEFAULT_ARCH: DemoArch = 'llama';

/** The shape after defaults, as the key builders need it. */
export interface ArchShape {
  layers: number;
  embd: number;
  heads: number;
  headsKv: number;
  ff: number;
  ctx: number;
}

export interface ArchSpec {
  /** general.architecture (mistral models are `llama` in GGUF: conversion maps them there). */
  ggufArch: string;
  /** Vocabulary used when none is given: the family's own where llama.cpp ships it. */
  vocab: string;
  /** Chat template written whatever the vocabulary (the family's format); undefined: the vocabulary's rule. */
  template?: string;
  /** Blocks when --layers is not given (gemma3 needs 6 for one global-attention layer in its 5:1 pattern). */
  layers?: number;
  /** No output.weight: the loader uses token_embd.weight for the output head. */
  tiedOutput: boolean;
  qkvBias: boolean;
  qkNorm: boolean;
  /** post_attention_norm and post_ffw_norm (gemma). */
  postNorms: boolean;
  /** One attn_qkv tensor [embd, embd + 2 kv] instead of attn_q/k/v (phi3). */
  fusedQkv: boolean;
  /** One ffn_up tensor [embd, 2 ff] holding gate then up, and no ffn_gate (phi3). */
  fusedGateUp: boolean;
  ropeFreqBase: number;
  /** Keys after the common ones (prefix already applied by the caller). */
  extraKeys: (shape: ArchShape) => Array<[string, GgufKeyValue['value']]>;
}

/**
 * Sliding window written into gemma demos. The real models use 4096 (gemma2) or 512-1024 (gemma3); a demo context is
 * 512, so a window that small would never bite. 64 tokens makes the sliding-window mask matter in ordinary chat
 * samples, so tests exercise it.
 */
export const DEMO_SLIDING_WINDOW = 64;

const none = () => [];

export const ARCH_SPECS: Readonly<Record<DemoArch, ArchSpec>> = {
  llama: {
    ggufArch: 'llama',
    vocab: 'phi-3',
    tiedOutput: false,
    qkvBias: false,
    qkNorm: false,
    postNorms: false,
    fusedQkv: false,
    fusedGateUp: false,
    ropeFreqBase: 10000,
    extraKeys: none,
  },
  qwen2: {
    ggufArch: 'qwen2',
    vocab: 'qwen2',
    template: 'Qwen-Qwen2.5-7B-Instruct.jinja',
    tiedOutput: false,
    qkvBias: true,
    qkNorm: false,
    postNorms: false,
    fusedQkv: false,
    fusedGateUp: false,
    ropeFreqBase: 1000000,
    extraKeys: none,
  },
  qwen3: {
    // llama.cpp ships no Qwen3 vocabulary; Qwen3 uses Qwen2's BPE (its extra <think>/tool tokens are added tokens).
    ggufArch: 'qwen3',
    vocab: 'qwen2',
    template: 'Qwen-Qwen3-0.6B.jinja',
    tiedOutput: false,
    qkvBias: false,
    qkNorm: true,
    postNorms: false,
    fusedQkv: false,
    fusedGateUp: false,
    ropeFreqBase: 1000000,
    extraKeys: none,
  },
  gemma2: {
    // Only a Gemma 4 vocabulary ships (262k tokens, Gemma's SentencePiece family); the template is Gemma 2's own.
    ggufArch: 'gemma2',
    vocab: 'gemma-4',
    template: 'google-gemma-2-2b-it.jinja',
    tiedOutput: true,
    qkvBias: false,
    qkNorm: false,
    postNorms: true,
    fusedQkv: false,
    fusedGateUp: false,
    ropeFreqBase: 10000,
    extraKeys: (s) => [
      ['attention.key_length', gguf.u32(s.embd / s.heads)],
      ['attention.value_length', gguf.u32(s.embd / s.heads)],
      ['attention.sliding_window', gguf.u32(DEMO_SLIDING_WINDOW)],
      ['attention.sliding_window_pattern', gguf.u32(2)], // even layers local, odd layers global
      ['attn_logit_softcapping', gguf.f32(50)],
      ['final_logit_softcapping', gguf.f32(30)],
    ],
  },
  gemma3: {
    // Gemma 3's chat format is Gemma 2's (<start_of_turn>); no final soft-capping in the real models.
    ggufArch: 'gemma3',
    vocab: 'gemma-4',
    template: 'google-gemma-2-2b-it.jinja',
    layers: 6,
    tiedOutput: true,
    qkvBias: false,
    qkNorm: true,
    postNorms: true,
    fusedQkv: false,
    fusedGateUp: false,
    ropeFreqBase: 1000000,
    extraKeys: (s) => [
      ['attention.key_length', gguf.u32(s.embd / s.heads)],
      ['attention.value_length', gguf.u32(s.embd / s.heads)],
      ['attention.sliding_window', gguf.u32(DEMO_SLIDING_WINDOW)],
      ['attention.sliding_window_pattern', gguf.u32(6)], // layers 5, 11, ... global, the rest local
      ['rope.freq_base_swa', gguf.f32(10000)],
    ],
  },
  phi3: {
    ggufArch: 'phi3',
    vocab: 'phi-3',
    template: 'microsoft-Phi-3.5-mini-instruct.jinja',
    tiedOutput: false,
    qkvBias: false,
    qkNorm: false,
    postNorms: false,
    fusedQkv: true,
    fusedGateUp: true,
    ropeFreqBase: 10000,
    extraKeys: (s) => [
      ['rope.scaling.original_context_length', gguf.u32(s.ctx)],
      // Phi-3-mini's value; llama.cpp reads it and then disables sliding windows for phi3 (a warning says so).
      ['attention.sliding_window', gguf.u32(2047)],
    ],
  },
  mistral: {
    // Mistral 7B is a llama-architecture GGUF with a 32k SentencePiece vocabulary; llama.cpp ships Mistral templates
    // but no Mistral vocabulary, so the Llama-2 SentencePiece one (same kind, same size) stands in.
    ggufArch: 'llama',
    vocab: 'llama-spm',
    template: 'mistralai-Mistral-Nemo-Instruct-2407.jinja',
    tiedOutput: false,
    qkvBias: false,
    qkNorm: false,
    postNorms: false,
    fusedQkv: false,
    fusedGateUp: false,
    ropeFreqBase: 1000000,
    extraKeys: none,
  },
};

export function isDemoArch(a: string): a is DemoArch {
  return (DEMO_ARCHS as readonly string[]).includes(a);
}
