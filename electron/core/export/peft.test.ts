import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoModel } from '../demoModel/index.js';
import { readBaseFacts, type BaseFacts } from './baseFacts.js';
import { compareTargets, readLoraGguf, writeLoraGguf, type LoraAdapter } from './loraGguf.js';
import { PEFT_CONFIG, PEFT_WEIGHTS, exportPeft, importPeft } from './peftFiles.js';
import { permuteRowsToGguf } from './permute.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';

let dir: string;
let llama: { path: string; facts: BaseFacts };
let phi3: { path: string; facts: BaseFacts };

/** A random adapter on every target weight of the base that exists (what the trainer writes, with trained values). */
function randomAdapter(base: BaseFacts, kinds: string[], rank: number, seed: number): LoraAdapter {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const pairs = [...base.tensors]
    .sort((x, y) => compareTargets(x[0], y[0]))
    .filter(([name]) => kinds.some((k) => name.endsWith(`.${k}.weight`)))
    .map(([target, dims]) => {
      const [nIn, nOut] = dims as [number, number];
      return { target, nIn, nOut, rank, a: Float32Array.from({ length: rank * nIn }, rand), b: Float32Array.from({ length: nOut * rank }, rand) };
    });
  return { architecture: base.architecture, alpha: 16, pairs, extra: [] };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-export-peft-'));
  // grouped-query attention (4 heads, 2 kv heads) so q and k reorder with different head counts
  const l = await writeDemoModel({ out: join(dir, 'llama.gguf'), arch: 'llama', layers: 2, embd: 64, heads: 4, headsKv: 2, ff: 96, ctx: 128 });
  const p = await writeDemoModel({ out: join(dir, 'phi3.gguf'), arch: 'phi3', layers: 1, embd: 64, ff: 64, ctx: 128 });
  llama = { path: l.path, facts: await readBaseFacts(l.path) };
  phi3 = { path: p.path, facts: await readBaseFacts(p.path) };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const LLAMA_TARGETS = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'];

describe('PEFT export', () => {
  it('writes the issue’s tensor names and shapes, an integer r, every module, and q/k rows in Hugging Face order', async () => {
    const adapter = randomAdapter(llama.facts, LLAMA_TARGETS, 4, 1);
    const gguf = join(dir, 'llama-adapter.gguf');
    await writeLoraGguf(gguf, adapter);
    const out = join(dir, 'peft-llama');
    await exportPeft(gguf, llama.path, out);

    const config = JSON.parse(await readFile(join(out, PEFT_CONFIG), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ peft_type: 'LORA', r: 4, lora_alpha: 16, base_model_name_or_path: llama.facts.name });
    expect(Number.isInteger(config['r'])).toBe(true);
    expect(config['target_modules']).toEqual(['down_proj', 'gate_proj', 'k_proj', 'o_proj', 'q_proj', 'up_proj', 'v_proj']);

    const { tensors } = decodeSafetensors(await readFile(join(out, PEFT_WEIGHTS)));
    const byName = new Map(tensors.map((t) => [t.name, t]));
    expect(tensors).toHaveLength(2 * 7 * 2);
    expect([...byName.keys()].every((n) => !n.includes('.default.'))).toBe(true);
    const q = 'base_model.model.model.layers.1.self_attn.q_proj';
    expect(byName.get(`${q}.lora_A.weight`)?.shape).toEqual([4, 64]);
    expect(byName.get(`${q}.lora_B.weight`)?.shape).toEqual([64, 4]);
    expect(byName.get('base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight')?.shape).toEqual([32, 4]); // 2 kv heads x 16
    expect(byName.get('base_model.model.model.layers.0.mlp.down_proj.lora_A.weight')?.shape).toEqual([4, 96]);

    // lora_A is unchanged; q's lora_B, put back through conversion's reorder (4 heads), is the GGUF's
    const src = adapter.pairs.find((p) => p.target === 'blk.1.attn_q.weight')!;
    expect([...byName.get(`${q}.lora_A.weight`)!.data]).toEqual([...src.a]);
    const hfB = byName.get(`${q}.lora_B.weight`)!.data;
    expect([...hfB]).not.toEqual([...src.b]);
    expect([...permuteRowsToGguf(hfB, 64, 4, 4)]).toEqual([...src.b]);
    const k = adapter.pairs.find((p) => p.target === 'blk.0.attn_k.weight')!;
    expect([...permuteRowsToGguf(byName.get('base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight')!.data, 32, 4, 2)]).toEqual([...k.b]);
    // v is never reordered
    const v = adapter.pairs.find((p) => p.target === 'blk.0.attn_v.weight')!;
    expect([...byName.get('base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight')!.data]).toEqual([...v.b]);
  });

  it('round-trips: export to PEFT, import back, the same tensors and alpha', async () => {
    const adapter = randomAdapter(llama.facts, LLAMA_TARGETS, 8, 2);
    const gguf = join(dir, 'rt.gguf');
    await writeLoraGguf(gguf, adapter);
    await exportPeft(gguf, llama.path, join(dir, 'peft-rt'));
    await importPeft(join(dir, 'peft-rt'), llama.path, join(dir, 'rt-back.gguf'));
    const back = await readLoraGguf(join(dir, 'rt-back.gguf'));
    expect(back.alpha).toBe(16);
    expect(back.architecture).toBe('llama');
    expect(back.pairs.map((p) => p.target)).toEqual(adapter.pairs.map((p) => p.target));
    for (const [i, p] of back.pairs.entries()) {
      const want = adapter.pairs[i]!;
      expect([p.rank, p.nIn, p.nOut]).toEqual([want.rank, want.nIn, want.nOut]);
      for (let j = 0; j < p.b.length; j++) expect(Math.abs(p.b[j]! - want.b[j]!)).toBeLessThan(1e-6);
      for (let j = 0; j < p.a.length; j++) expect(Math.abs(p.a[j]! - want.a[j]!)).toBeLessThan(1e-6);
    }
  });

  it('phi3: fused qkv and gate|up export under Phi-3’s own fused module names, unsplit', async () => {
    const adapter = randomAdapter(phi3.facts, ['attn_qkv', 'attn_output', 'ffn_up', 'ffn_down'], 4, 3);
    const gguf = join(dir, 'phi3-adapter.gguf');
    await writeLoraGguf(gguf, adapter);
    const { config } = await exportPeft(gguf, phi3.path, join(dir, 'peft-phi3'));
    expect(config.target_modules).toEqual(['down_proj', 'gate_up_proj', 'o_proj', 'qkv_proj']);
    await importPeft(join(dir, 'peft-phi3'), phi3.path, join(dir, 'phi3-back.gguf'));
    const back = await readLoraGguf(join(dir, 'phi3-back.gguf'));
    expect(back.pairs.map((p) => [p.target, [...p.b.slice(0, 3)]])).toEqual(adapter.pairs.map((p) => [p.target, [...p.b.slice(0, 3)]]));
  });
});

describe('PEFT import refusals (nothing written)', () => {
  async function peftFolder(name: string, config: Record<string, unknown>, tensors: { name: string; shape: number[] }[]): Promise<string> {
    const d = join(dir, name);
    await rm(d, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(d, { recursive: true }));
    const full = tensors.map((t) => ({ ...t, data: new Float32Array(t.shape.reduce((a, b) => a * b, 1)) }));
    await writeFile(join(d, PEFT_WEIGHTS), encodeSafetensors(full));
    await writeFile(join(d, PEFT_CONFIG), JSON.stringify({ peft_type: 'LORA', r: 2, lora_alpha: 4, ...config }));
    return d;
  }
  const q0 = (rows = 64) => [
    { name: 'base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight', shape: [2, 64] },
    { name: 'base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight', shape: [rows, 2] },
  ];

  it('refuses q_proj on a phi3 base, which fuses q, k and v', async () => {
    const d = await peftFolder('phi3-q', { target_modules: ['q_proj'] }, q0());
    const out = join(dir, 'refused-1.gguf');
    await expect(importPeft(d, phi3.path, out)).rejects.toThrow(/targets q_proj, but the base model \(phi3\) has no separate q_proj/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a config naming modules the base lacks, and tensors of a layer the base does not have', async () => {
    await expect(importPeft(await peftFolder('lm', { target_modules: ['q_proj', 'c_attn'] }, q0()), llama.path, join(dir, 'r2.gguf'))).rejects.toThrow(
      /targets c_attn, but the base model \(llama\) has no module named c_attn/,
    );
    const deep = [
      { name: 'base_model.model.model.layers.7.self_attn.q_proj.lora_A.weight', shape: [2, 64] },
      { name: 'base_model.model.model.layers.7.self_attn.q_proj.lora_B.weight', shape: [64, 2] },
    ];
    await expect(importPeft(await peftFolder('deep', { target_modules: ['q_proj'] }, deep), llama.path, join(dir, 'r3.gguf'))).rejects.toThrow(
      /the base model has no blk\.7\.attn_q\.weight/,
    );
    expect(existsSync(join(dir, 'r3.gguf'))).toBe(false);
  });

  it('refuses an adapter whose shapes belong to another model, and whole saved modules', async () => {
    await expect(importPeft(await peftFolder('shape', { target_modules: ['q_proj'] }, q0(128)), llama.path, join(dir, 'r4.gguf'))).rejects.toThrow(
      /does not fit the base: the adapter is 64 -> 128.*trained for another model/,
    );
    await expect(
      importPeft(await peftFolder('saved', { target_modules: ['q_proj'], modules_to_save: ['lm_head'] }, q0()), llama.path, join(dir, 'r5.gguf')),
    ).rejects.toThrow(/saves whole modules \(lm_head\)/);
  });
});
