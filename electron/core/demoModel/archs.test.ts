// Every demo architecture, with its default (real) vocabulary and template: the file carries that family's tensors,
// keys and quirks, and node-llama-cpp's prebuilt llama.cpp loads it, picks its chat template and generates.
// Tiny shapes (1-2 layers, 64 wide) keep the 152k/262k-token vocabularies' files small.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, LlamaChatSession, LlamaLogLevel, type Llama } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyValueMap, readGgufHeader } from '../gguf/reader.js';
import { DEMO_ARCHS, writeDemoModel } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-demo-archs-'));
let llama: Llama;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
});
afterAll(async () => {
  await llama?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const EXPECT: Record<string, { arch: string; vocab: string; template: RegExp; has: string[]; lacks: string[]; keys?: Record<string, unknown> }> = {
  llama: { arch: 'llama', vocab: 'phi-3', template: /<\|assistant\|>/, has: ['blk.0.ffn_gate.weight', 'output.weight'], lacks: ['blk.0.attn_q.bias'] },
  qwen2: {
    arch: 'qwen2',
    vocab: 'qwen2',
    template: /<\|im_start\|>/,
    has: ['blk.0.attn_q.bias', 'blk.0.attn_k.bias', 'blk.0.attn_v.bias', 'output.weight'],
    lacks: ['blk.0.attn_q_norm.weight'],
  },
  qwen3: {
    arch: 'qwen3',
    vocab: 'qwen2',
    template: /<\|im_start\|>/,
    has: ['blk.0.attn_q_norm.weight', 'blk.0.attn_k_norm.weight'],
    lacks: ['blk.0.attn_q.bias'],
  },
  gemma2: {
    arch: 'gemma2',
    vocab: 'gemma-4',
    template: /<start_of_turn>/,
    has: ['blk.0.post_attention_norm.weight', 'blk.0.post_ffw_norm.weight'],
    lacks: ['output.weight'],
    keys: { 'gemma2.attn_logit_softcapping': 50, 'gemma2.final_logit_softcapping': 30, 'gemma2.attention.sliding_window': 64 },
  },
  gemma3: {
    arch: 'gemma3',
    vocab: 'gemma-4',
    template: /<start_of_turn>/,
    has: ['blk.0.attn_q_norm.weight', 'blk.0.post_ffw_norm.weight'],
    lacks: ['output.weight'],
    keys: { 'gemma3.attention.sliding_window_pattern': 6, 'gemma3.rope.freq_base_swa': 10000 },
  },
  phi3: {
    arch: 'phi3',
    vocab: 'phi-3',
    template: /<\|assistant\|>/,
    has: ['blk.0.attn_qkv.weight', 'blk.0.ffn_up.weight'],
    lacks: ['blk.0.attn_q.weight', 'blk.0.ffn_gate.weight'],
  },
  mistral: { arch: 'llama', vocab: 'llama-spm', template: /\[INST\]/, has: ['blk.0.ffn_gate.weight'], lacks: [] },
};

describe.each(DEMO_ARCHS.map((a) => [a]))('demo-model --arch %s', (arch) => {
  it("writes the family's tensors and keys, and node-llama-cpp loads it and chats in its template", async () => {
    const want = EXPECT[arch]!;
    const r = await writeDemoModel({ out: join(dir, `${arch}.gguf`), arch, layers: 1, embd: 64, ff: 64, ctx: 128 });
    expect(r.params.arch).toBe(arch);
    expect(r.params.vocab).toBe(want.vocab);
    const header = await readGgufHeader(r.path);
    const map = keyValueMap(header);
    const kv = { get: (k: string) => map.get(k)?.value };
    expect(kv.get('general.architecture')).toBe(want.arch);
    expect(String(kv.get('tokenizer.chat_template'))).toMatch(want.template);
    for (const [k, v] of Object.entries(want.keys ?? {})) expect(kv.get(k), k).toBe(v);
    const names = new Set(header.tensors.map((t) => t.name));
    for (const n of want.has) expect(names.has(n), n).toBe(true);
    for (const n of want.lacks) expect(names.has(n), n).toBe(false);
    if (arch === 'phi3') {
      // fused tensors: q|k|v rows in one, gate|up in the other
      expect(header.tensors.find((t) => t.name === 'blk.0.attn_qkv.weight')?.dims).toEqual([64, 192]);
      expect(header.tensors.find((t) => t.name === 'blk.0.ffn_up.weight')?.dims).toEqual([64, 128]);
    }

    const model = await llama.loadModel({ modelPath: r.path });
    try {
      expect(model.tokens.bos !== null || model.tokens.eos !== null).toBe(true);
      const context = await model.createContext({ contextSize: 128, threads: 1 });
      const chat = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: 'Be brief.' });
      const reply = await chat.promptWithMeta('Hi', { maxTokens: 2, temperature: 0 });
      expect(reply.response.length).toBeGreaterThan(0);
      await context.dispose();
    } finally {
      await model.dispose();
    }
  }, 60_000);
});

describe('llama stays as it was', () => {
  it('the default architecture writes the same bytes as before architectures existed', async () => {
    // sha256 of this exact call's file, written by the generator before the arch option was added (commit f662240)
    const r = await writeDemoModel({ out: join(dir, 'llama-compat.gguf'), layers: 2, embd: 64, ff: 96, seed: 7 });
    expect(r.sha256).toBe('640283f10f8b605bc80078ef08352a98df45b29031c8652bc086eddce2e60a0f');
    const explicit = await writeDemoModel({ out: join(dir, 'llama-explicit.gguf'), arch: 'llama', layers: 2, embd: 64, ff: 96, seed: 7 });
    expect(explicit.sha256).toBe(r.sha256);
  });

  it('an unknown architecture is refused with the list', async () => {
    await expect(writeDemoModel({ out: join(dir, 'x.gguf'), arch: 'bloom' })).rejects.toThrow(
      /unknown architecture "bloom"; one of llama, qwen2, qwen3, gemma2, gemma3, phi3, mistral/,
    );
  });
});
