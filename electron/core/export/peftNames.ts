// GGUF layer weights <-> Hugging Face module names. The PEFT tensor name of a weight is
// `base_model.model.model.layers.{i}.<module>.lora_A.weight` (and lora_B), with <module> from this table.
// Phi-3 keeps q/k/v and gate/up fused in Hugging Face too (Phi3ForCausalLM has self_attn.qkv_proj and mlp.gate_up_proj,
// gate rows first, exactly like GGUF's attn_qkv and ffn_up), so its fused weights export under those names unsplit:
// splitting them into q/k/v_proj would name modules the Hugging Face model does not have.

const COMMON: Readonly<Record<string, string>> = {
  attn_q: 'self_attn.q_proj',
  attn_k: 'self_attn.k_proj',
  attn_v: 'self_attn.v_proj',
  attn_output: 'self_attn.o_proj',
  ffn_gate: 'mlp.gate_proj',
  ffn_up: 'mlp.up_proj',
  ffn_down: 'mlp.down_proj',
};

const PHI3: Readonly<Record<string, string>> = {
  attn_qkv: 'self_attn.qkv_proj',
  attn_output: 'self_attn.o_proj',
  ffn_up: 'mlp.gate_up_proj',
  ffn_down: 'mlp.down_proj',
};

export function moduleTable(architecture: string): Readonly<Record<string, string>> {
  return architecture === 'phi3' ? PHI3 : COMMON;
}

export const PEFT_PREFIX = 'base_model.model.model.layers.';

/** blk.3.attn_q.weight -> {layer 3, module self_attn.q_proj}; undefined when the weight has no Hugging Face module here. */
export function hfModuleOf(architecture: string, target: string): { layer: number; module: string } | undefined {
  const m = /^blk\.(\d+)\.([a-z_]+)\.weight$/.exec(target);
  if (!m) return undefined;
  const module = moduleTable(architecture)[m[2]!];
  return module ? { layer: Number(m[1]), module } : undefined;
}

/** self_attn.q_proj -> attn_q for this architecture; undefined when the base has no such weight. */
export function ggufWeightOf(architecture: string, module: string): string | undefined {
  return Object.entries(moduleTable(architecture)).find(([, hf]) => hf === module)?.[0];
}

/** Why a module cannot go onto this architecture, in plain words. */
export function whyNoModule(architecture: string, module: string): string {
  const short = module.split('.').pop() ?? module;
  if (architecture === 'phi3' && ['q_proj', 'k_proj', 'v_proj'].includes(short)) {
    return `the base model (phi3) has no separate ${short}: it keeps q, k and v in one fused weight (qkv_proj)`;
  }
  if (architecture === 'phi3' && ['gate_proj', 'up_proj'].includes(short)) {
    return `the base model (phi3) has no separate ${short}: it keeps gate and up in one fused weight (gate_up_proj)`;
  }
  if (architecture !== 'phi3' && ['qkv_proj', 'gate_up_proj'].includes(short)) {
    return `the base model (${architecture}) has no fused ${short}: its weights are separate`;
  }
  return `the base model (${architecture}) has no module named ${short}`;
}
