import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FieldtuneError } from '../../contract/errors.js';
import { keyValueMap, readGgufHeader } from '../gguf/reader.js';
import { GgufValueType } from '../gguf/types.js';
import { listVocabs, resolveShape, resolveVocab, writeDemoModel } from './index.js';
import { normalF32Bytes } from './random.js';

const dir = mkdtempSync(join(tmpdir(), 'fieldtune-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Small enough to write in well under a second, big enough to have every tensor kind.
const tiny = { layers: 2, embd: 64, ff: 96 };

function tensorValues(file: Buffer, dataOffset: number, t: { offset: bigint; dims: number[] }): Float32Array {
  const n = t.dims.reduce((a, b) => a * b, 1);
  const at = file.byteOffset + dataOffset + Number(t.offset);
  return new Float32Array(file.buffer.slice(at, at + n * 4));
}

function stats(v: Float32Array): { mean: number; std: number } {
  let s = 0,
    s2 = 0;
  for (const x of v) {
    s += x;
    s2 += x * x;
  }
  const mean = s / v.length;
  return { mean, std: Math.sqrt(s2 / v.length - mean * mean) };
}

describe('writeDemoModel', () => {
  it('is byte-identical for the same options and seed, different for another seed', async () => {
    const a = await writeDemoModel({ out: join(dir, 'a.gguf'), ...tiny, seed: 7 });
    const b = await writeDemoModel({ out: join(dir, 'b.gguf'), ...tiny, seed: 7 });
    const c = await writeDemoModel({ out: join(dir, 'c.gguf'), ...tiny, seed: 8 });
    expect(a.sha256).toBe(b.sha256);
    expect(readFileSync(a.path).equals(readFileSync(b.path))).toBe(true);
    expect(c.sha256).not.toBe(a.sha256);
    expect(c.sizeBytes).toBe(a.sizeBytes);
    // The reported hash and size are those of the file on disk.
    const onDisk = readFileSync(a.path);
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(a.sha256);
    expect(onDisk.length).toBe(a.sizeBytes);
  });

  it('copies every tokenizer key from the vocabulary, adds the real Phi-3.5 template and labels itself random', async () => {
    const r = await writeDemoModel({ out: join(dir, 'keys.gguf'), ...tiny });
    expect(r.params).toMatchObject({
      vocab: 'phi-3',
      vocabSize: 32064,
      chatTemplate: 'microsoft-Phi-3.5-mini-instruct.jinja',
      heads: 1,
      headsKv: 1,
      ctx: 512,
      seed: 42,
    });
    const model = await readGgufHeader(r.path);
    const vocab = await readGgufHeader(resolveVocab('phi-3').path);
    const kv = keyValueMap(model);
    const tokenizerKeys = (h: typeof model) => h.keyValues.filter((k) => k.key.startsWith('tokenizer.') && k.key !== 'tokenizer.chat_template');
    expect(tokenizerKeys(model)).toEqual(tokenizerKeys(vocab)); // same keys, same types, same values, same order
    const template = kv.get('tokenizer.chat_template');
    expect(template?.type === GgufValueType.STRING && template.value).toBe(resolveVocab('phi-3').template?.text);
    expect(template?.value).toContain("message['role'] == 'system'");
    const name = kv.get('general.name');
    expect(name?.type === GgufValueType.STRING && name.value).toMatch(/RANDOM WEIGHTS/);
    expect(kv.get('general.architecture')?.value).toBe('llama');
    expect(kv.get('llama.block_count')?.value).toBe(2);
    expect(kv.get('llama.embedding_length')?.value).toBe(64);
    expect(kv.get('llama.rope.dimension_count')?.value).toBe(64);
    expect(kv.get('fieldtune.demo_model')?.value).toBe(true);
    // 9 tensors per block + embeddings, final norm, output.
    expect(model.tensors).toHaveLength(2 * 9 + 3);
    expect(model.tensors.find((t) => t.name === 'blk.1.ffn_down.weight')?.dims).toEqual([96, 64]);
    const params = model.tensors.reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0);
    expect(params).toBe(r.params.parameterCount);
  });

  it('draws N(0, 0.02) weights, a wider N(0, 0.2) output.weight, and norm weights of 1', async () => {
    const r = await writeDemoModel({ out: join(dir, 'stats.gguf'), ...tiny });
    const file = readFileSync(r.path);
    const h = await readGgufHeader(r.path);
    const get = (name: string) =>
      tensorValues(
        file,
        h.dataOffset,
        h.tensors.find((t) => t.name === name)!,
      );
    const embd = stats(get('token_embd.weight'));
    expect(Math.abs(embd.mean)).toBeLessThan(0.001);
    expect(embd.std).toBeCloseTo(0.02, 3);
    expect(stats(get('output.weight')).std).toBeCloseTo(0.2, 2);
    expect(stats(get('blk.0.attn_q.weight')).std).toBeCloseTo(0.02, 2);
    expect(get('blk.1.ffn_norm.weight').every((x) => x === 1)).toBe(true);
    // Different tensors draw from different streams.
    expect(get('blk.0.attn_q.weight')[0]).not.toBe(get('blk.0.attn_k.weight')[0]);
  });

  it('writes any extracted vocabulary, e.g. llama-spm without a template of its own', async () => {
    const r = await writeDemoModel({ out: join(dir, 'spm.gguf'), vocab: 'llama-spm', layers: 1, embd: 32, heads: 2, ff: 32 });
    expect(r.params).toMatchObject({ vocab: 'llama-spm', vocabSize: 32000, chatTemplate: null, heads: 2 });
    expect(keyValueMap(await readGgufHeader(r.path)).has('tokenizer.chat_template')).toBe(false);
  });
});

describe('demo model options', () => {
  const fails = (fn: () => unknown, re: RegExp) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(FieldtuneError);
      expect((err as FieldtuneError).code).toBe('INVALID_INPUT');
      expect((err as Error).message).toMatch(re);
      return;
    }
    throw new Error('expected a failure');
  };

  it('fills sensible defaults and derives 64-wide heads', () => {
    expect(resolveShape({})).toEqual({ layers: 4, embd: 256, heads: 4, headsKv: 4, ff: 512, ctx: 512, seed: 42 });
    expect(resolveShape({ layers: 12, embd: 768, ff: 2048 })).toMatchObject({ heads: 12, headsKv: 12 });
  });

  it('refuses shapes llama.cpp cannot run, naming the option', () => {
    fails(() => resolveShape({ embd: 256, heads: 3 }), /heads \(3\) must divide embd \(256\)/);
    fails(() => resolveShape({ embd: 96 }), /not a multiple of 64; give heads/);
    fails(() => resolveShape({ embd: 6, heads: 2 }), /must be even/);
    fails(() => resolveShape({ heads: 4, headsKv: 3 }), /headsKv/);
    fails(() => resolveShape({ layers: 0 }), /layers must be an integer from 1/);
    fails(() => resolveShape({ ff: 1.5 }), /ff must be an integer/);
    fails(() => resolveShape({ seed: -1 }), /seed/);
  });

  it('names the available vocabularies when the one asked for does not exist', () => {
    expect(listVocabs()).toEqual(expect.arrayContaining(['phi-3', 'llama-spm', 'qwen2', 'gpt-2']));
    fails(() => resolveVocab('klingon'), /unknown vocabulary "klingon"; available: .*llama-spm.*phi-3/);
    fails(() => resolveVocab('phi-3', join(dir, 'nowhere')), /extract-vocab/);
    expect(resolveVocab('ggml-vocab-qwen2.gguf').name).toBe('qwen2');
  });

  it('rejects a missing output path before doing any work, and says why it cannot write', async () => {
    await expect(writeDemoModel({ out: '' })).rejects.toThrow(/out/);
    // A directory where the file should go: a typed INVALID_INPUT naming the path, not a raw EISDIR.
    await expect(writeDemoModel({ out: dir, layers: 1, embd: 64, ff: 64 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(`cannot write ${dir}`),
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]); // nothing half-written left behind
  });

  it('creates missing parent folders of the output', async () => {
    const r = await writeDemoModel({ out: join(dir, 'new', 'sub', 'm.gguf'), layers: 1, embd: 64, ff: 64 });
    expect(readFileSync(r.path).length).toBe(r.sizeBytes);
  });
});

describe('seeded weight streams', () => {
  it('give the same values whatever the chunk size', () => {
    const all = (chunk: number) => {
      // Chunks share one buffer (valid until the next is pulled), so copy each as it comes.
      const parts: Buffer[] = [];
      for (const b of normalF32Bytes(3, 'w', 1001, 0.02, chunk)) parts.push(Buffer.from(b));
      return Buffer.concat(parts);
    };
    const whole = all(1 << 20);
    expect(whole.length).toBe(1001 * 4);
    expect(all(64).equals(whole)).toBe(true);
    expect(all(7).equals(whole)).toBe(true);
  });

  it('are pinned: a change to the generator would silently change every "same seed" model', () => {
    const [chunk] = [...normalF32Bytes(42, 'token_embd.weight', 4, 1)];
    const values = Array.from(new Float32Array(chunk!.buffer, chunk!.byteOffset, 4));
    expect(values).toEqual([-0.3244943618774414, 0.5703414678573608, 0.3439469337463379, -2.5131118297576904]);
  });
});
