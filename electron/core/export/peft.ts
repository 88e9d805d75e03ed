// Hugging Face PEFT <-> llama.cpp LoRA GGUF, in memory. Export renames each pair (peftNames.ts), puts the Q/K rows of
// lora_B back into Hugging Face order for llama-family bases (permute.ts) and writes adapter_config.json; import does
// the reverse for a PEFT adapter trained elsewhere, refusing, with the reason, anything the GGUF base cannot carry.
import { FieldtuneError } from '../../contract/errors.js';
import type { BaseFacts } from './baseFacts.js';
import { compareTargets, type LoraAdapter, type LoraPair } from './loraGguf.js';
import { PEFT_PREFIX, ggufWeightOf, hfModuleOf, whyNoModule } from './peftNames.js';
import { PERMUTED_ARCHS, permuteRowsToGguf, unpermuteRowsFromGguf } from './permute.js';
import type { NamedTensor } from './safetensors.js';

export interface PeftConfig {
  peft_type: 'LORA';
  task_type: 'CAUSAL_LM';
  base_model_name_or_path: string | null;
  r: number;
  lora_alpha: number;
  target_modules: string[];
  rank_pattern: Record<string, number>;
  alpha_pattern: Record<string, number>;
  lora_dropout: number;
  bias: 'none';
  fan_in_fan_out: false;
  use_rslora: false;
  use_dora: false;
  modules_to_save: null;
  inference_mode: true;
}

const refuse = (message: string, details?: Record<string, string | number>): never => {
  throw new FieldtuneError('INVALID_INPUT', message, details ? { details } : {});
};

/** How many heads the output rows of this weight are grouped in, when conversion reordered them; else undefined. */
function permutedHeads(base: Pick<BaseFacts, 'architecture' | 'nHead' | 'nHeadKv'>, target: string): number | undefined {
  if (!PERMUTED_ARCHS.has(base.architecture)) return undefined;
  if (target.endsWith('.attn_q.weight')) return base.nHead;
  if (target.endsWith('.attn_k.weight')) return base.nHeadKv;
  return undefined;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
}

/** A GGUF adapter as PEFT tensors (lora_A [r, in], lora_B [out, r]) and its adapter_config.json. */
export function toPeft(
  adapter: LoraAdapter,
  base: Pick<BaseFacts, 'architecture' | 'nHead' | 'nHeadKv' | 'name'>,
): { tensors: NamedTensor[]; config: PeftConfig } {
  if (adapter.pairs.length === 0) refuse('The adapter has no LoRA weights to export.');
  if (adapter.architecture && adapter.architecture !== base.architecture) {
    refuse(`The adapter was made for a ${adapter.architecture} model but the base is ${base.architecture}.`);
  }
  const tensors: NamedTensor[] = [];
  const modules = new Set<string>();
  const ranks: { key: string; rank: number }[] = [];
  for (const p of adapter.pairs) {
    const hf = hfModuleOf(base.architecture, p.target);
    if (!hf) refuse(`${p.target} has no Hugging Face module name for a ${base.architecture} model, so PEFT cannot carry it.`, { tensor: p.target });
    const { layer, module } = hf!;
    const heads = permutedHeads(base, p.target);
    const b = heads === undefined ? p.b : unpermuteRowsFromGguf(p.b, p.nOut, p.rank, heads);
    const stem = `${PEFT_PREFIX}${layer}.${module}`;
    tensors.push({ name: `${stem}.lora_A.weight`, shape: [p.rank, p.nIn], data: p.a });
    tensors.push({ name: `${stem}.lora_B.weight`, shape: [p.nOut, p.rank], data: b });
    modules.add(module.split('.').pop()!);
    ranks.push({ key: `model.layers.${layer}.${module}`, rank: p.rank });
  }
  const r = mostCommon(ranks.map((x) => x.rank));
  const rankPattern = Object.fromEntries(ranks.filter((x) => x.rank !== r).map((x) => [x.key, x.rank]));
  const config: PeftConfig = {
    peft_type: 'LORA',
    task_type: 'CAUSAL_LM',
    base_model_name_or_path: base.name,
    r,
    lora_alpha: adapter.alpha,
    target_modules: [...modules].sort(),
    rank_pattern: rankPattern,
    alpha_pattern: {},
    lora_dropout: 0,
    bias: 'none',
    fan_in_fan_out: false,
    use_rslora: false,
    use_dora: false,
    modules_to_save: null,
    inference_mode: true,
  };
  return { tensors, config };
}

const PEFT_NAME = /^(?:base_model\.model\.)?model\.layers\.(\d+)\.((?:self_attn|mlp)\.[a-z_]+)\.lora_(A|B)(?:\.default)?\.weight$/;

/** Checks a PEFT config for what a llama.cpp LoRA cannot express; returns the effective alpha for rank r. */
function checkConfig(raw: unknown, base: Pick<BaseFacts, 'architecture'>): { alpha: number; rslora: boolean } {
  if (typeof raw !== 'object' || raw === null) return refuse('adapter_config.json is not a JSON object.');
  const c = raw as Record<string, unknown>;
  if (c['peft_type'] !== 'LORA') refuse(`adapter_config.json says peft_type ${JSON.stringify(c['peft_type'])}; only LORA adapters can be imported.`);
  if (typeof c['lora_alpha'] !== 'number' || !(c['lora_alpha'] > 0)) refuse('adapter_config.json has no positive lora_alpha.');
  if (c['bias'] !== undefined && c['bias'] !== 'none')
    refuse(`adapter_config.json trains biases (bias: ${JSON.stringify(c['bias'])}); a llama.cpp LoRA cannot carry them.`);
  if (c['use_dora'] === true) refuse('This is a DoRA adapter (use_dora); llama.cpp LoRA files cannot express its magnitude vectors.');
  if (c['fan_in_fan_out'] === true) refuse('adapter_config.json sets fan_in_fan_out (GPT-2 style weights); no supported base uses that layout.');
  const saved = c['modules_to_save'];
  if (Array.isArray(saved) && saved.length > 0) refuse(`The adapter also saves whole modules (${saved.join(', ')}); a llama.cpp LoRA carries LoRA pairs only.`);
  const alphaPattern = c['alpha_pattern'];
  if (alphaPattern && typeof alphaPattern === 'object' && Object.keys(alphaPattern).length > 0) {
    refuse('adapter_config.json sets a different alpha per module (alpha_pattern); a llama.cpp LoRA has one alpha.');
  }
  const targets = c['target_modules'];
  if (Array.isArray(targets)) {
    for (const t of targets) {
      const short = String(t).split('.').pop()!;
      const known = ['self_attn', 'mlp'].some((group) => ggufWeightOf(base.architecture, `${group}.${short}`));
      if (!known) refuse(`adapter_config.json targets ${short}, but ${whyNoModule(base.architecture, short)}.`, { module: short });
    }
  }
  return { alpha: c['lora_alpha'] as number, rslora: c['use_rslora'] === true };
}

/**
 * PEFT tensors + adapter_config.json -> a llama.cpp adapter for this base. Every pair is checked against the base's
 * weight (exists, same in/out sizes); Q/K rows of lora_B go into GGUF order for llama-family bases.
 */
export function fromPeft(tensors: readonly NamedTensor[], config: unknown, base: BaseFacts): LoraAdapter {
  const { alpha, rslora } = checkConfig(config, base);
  const halves = new Map<string, { layer: number; module: string; A?: NamedTensor; B?: NamedTensor }>();
  for (const t of tensors) {
    const m = PEFT_NAME.exec(t.name);
    if (!m) refuse(`${t.name} is not a LoRA weight of a transformer layer; a llama.cpp LoRA here can only carry those.`, { tensor: t.name });
    const [, layer, module, half] = m!;
    const key = `${layer}.${module}`;
    const entry = halves.get(key) ?? { layer: Number(layer), module: module! };
    entry[half as 'A' | 'B'] = t;
    halves.set(key, entry);
  }
  if (halves.size === 0) refuse('The PEFT adapter holds no LoRA weights.');
  const pairs: LoraPair[] = [];
  for (const { layer, module, A, B } of halves.values()) {
    if (!A || !B) refuse(`model.layers.${layer}.${module} has lora_${A ? 'A' : 'B'} but not lora_${A ? 'B' : 'A'}.`);
    const weight = ggufWeightOf(base.architecture, module);
    if (!weight) refuse(`The adapter changes ${module} in layer ${layer}, but ${whyNoModule(base.architecture, module)}.`, { module });
    const target = `blk.${layer}.${weight}.weight`;
    const dims = base.tensors.get(target);
    if (!dims) refuse(`The adapter changes layer ${layer}'s ${module}, but the base model has no ${target}.`, { tensor: target });
    const [nIn, nOut] = dims as [number, number];
    if (A!.shape.length !== 2 || B!.shape.length !== 2) refuse(`model.layers.${layer}.${module}: lora_A and lora_B must be matrices.`);
    const [rank, aIn] = A!.shape as [number, number];
    const [bOut, bRank] = B!.shape as [number, number];
    if (aIn !== nIn || bOut !== nOut || bRank !== rank) {
      refuse(
        `layer ${layer}'s ${module} does not fit the base: the adapter is ${aIn} -> ${bOut} (rank ${rank}/${bRank}), the base weight ${target} is ${nIn} -> ${nOut}. It was trained for another model.`,
        { tensor: target },
      );
    }
    const heads = permutedHeads(base, target);
    pairs.push({ target, rank, nIn, nOut, a: A!.data, b: heads === undefined ? B!.data : permuteRowsToGguf(B!.data, nOut, rank, heads) });
  }
  pairs.sort((x, y) => compareTargets(x.target, y.target));
  let ggufAlpha = alpha;
  if (rslora) {
    // rsLoRA scales by alpha / sqrt(r); llama.cpp by alpha / r: the same scale needs alpha * sqrt(r), one rank only
    const ranks = new Set(pairs.map((p) => p.rank));
    if (ranks.size > 1) refuse('An rsLoRA adapter with different ranks per module cannot be expressed with one llama.cpp alpha.');
    ggufAlpha = alpha * Math.sqrt(pairs[0]!.rank);
  }
  return { architecture: base.architecture, alpha: ggufAlpha, pairs, extra: [] };
}
