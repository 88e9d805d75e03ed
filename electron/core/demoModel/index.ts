// The demo model: a small GGUF with random weights and a real tokenizer + chat template, so the whole app (chat,
// training, evaluation, export) can be exercised offline without downloading a model. It is labelled as random-weight
// in general.name and produces gibberish by design. Same options + seed => byte-identical file. The architecture is
// llama by default; archs.ts lists the others (qwen2, qwen3, gemma2, gemma3, phi3, mistral) and what each changes.
import { mkdir } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname, resolve } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { readGgufHeader } from '../gguf/reader.js';
import { gguf, GgufValueType, type GgufKeyValue } from '../gguf/types.js';
import { writeGguf } from '../gguf/writer.js';
import { ARCH_SPECS, DEFAULT_ARCH, DEMO_ARCHS, isDemoArch, type DemoArch } from './archs.js';
import { llamaParameterCount, llamaTensors, OUTPUT_STD, WEIGHT_STD } from './tensors.js';
import { readTemplate, resolveVocab } from './vocab.js';

export { DEFAULT_VOCAB, listVocabs, resolveVocab, vocabDir, VOCAB_TEMPLATES } from './vocab.js';
export { ARCH_SPECS, DEFAULT_ARCH, DEMO_ARCHS, isDemoArch, type DemoArch } from './archs.js';

export interface DemoModelOptions {
  out: string;
  /** Architecture (default llama); see archs.ts. */
  arch?: string;
  /** A name from listVocabs() (default: the architecture's, phi-3 for llama), or a path to a GGUF whose tokenizer.* keys to copy. */
  vocab?: string;
  layers?: number;
  embd?: number;
  /** Default: embd / 64 (64-wide heads), so 256 -> 4 and 768 -> 12. */
  heads?: number;
  /** Default: heads (no grouped-query attention). */
  headsKv?: number;
  ff?: number;
  ctx?: number;
  seed?: number;
}

export interface DemoModelParams {
  arch: DemoArch;
  vocab: string;
  vocabSize: number;
  chatTemplate: string | null;
  layers: number;
  embd: number;
  heads: number;
  headsKv: number;
  ff: number;
  ctx: number;
  seed: number;
  parameterCount: number;
}

export interface DemoModelResult {
  path: string;
  sha256: string;
  sizeBytes: number;
  params: DemoModelParams;
}

export const DEMO_DEFAULTS = { layers: 4, embd: 256, ff: 512, ctx: 512, seed: 42 } as const;

function int(name: string, v: number | undefined, fallback: number, min: number, max: number): number {
  const n = v ?? fallback;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new FieldtuneError('INVALID_INPUT', `${name} must be an integer from ${min} to ${max} (got ${String(v)})`, [
      { path: name, message: `expected an integer in [${min}, ${max}]` },
    ]);
  }
  return n;
}

function bad(path: string, message: string): never {
  throw new FieldtuneError('INVALID_INPUT', message, [{ path, message }]);
}

/** Validates and fills in the shape; throws INVALID_INPUT with the offending option named. */
export function resolveShape(opts: Omit<DemoModelOptions, 'out' | 'vocab' | 'arch'>, arch: DemoArch = DEFAULT_ARCH) {
  const layers = int('layers', opts.layers, ARCH_SPECS[arch].layers ?? DEMO_DEFAULTS.layers, 1, 256);
  const embd = int('embd', opts.embd, DEMO_DEFAULTS.embd, 2, 16384);
  if (opts.heads === undefined && embd % 64 !== 0) bad('heads', `embd ${embd} is not a multiple of 64; give heads explicitly`);
  const heads = int('heads', opts.heads, embd / 64, 1, 1024);
  if (embd % heads !== 0) bad('heads', `heads (${heads}) must divide embd (${embd})`);
  // RoPE rotates pairs of dimensions, so each head needs an even width.
  if ((embd / heads) % 2 !== 0) bad('heads', `embd / heads = ${embd / heads} must be even (RoPE works on pairs)`);
  const headsKv = int('headsKv', opts.headsKv, heads, 1, heads);
  if (heads % headsKv !== 0) bad('headsKv', `headsKv (${headsKv}) must divide heads (${heads})`);
  const ff = int('ff', opts.ff, DEMO_DEFAULTS.ff, 1, 131072);
  const ctx = int('ctx', opts.ctx, DEMO_DEFAULTS.ctx, 8, 1 << 20);
  const seed = int('seed', opts.seed, DEMO_DEFAULTS.seed, 0, 0xffffffff);
  return { layers, embd, heads, headsKv, ff, ctx, seed };
}

export async function writeDemoModel(opts: DemoModelOptions): Promise<DemoModelResult> {
  // Float32Array bytes are written as they sit in memory; GGUF is little-endian.
  if (endianness() !== 'LE') throw new FieldtuneError('INTERNAL', 'demo models can only be written on a little-endian machine');
  if (!opts.out) bad('out', 'out (the .gguf file to write) is required');
  const arch = opts.arch ?? DEFAULT_ARCH;
  if (!isDemoArch(arch)) bad('arch', `unknown architecture "${arch}"; one of ${DEMO_ARCHS.join(', ')}`);
  const spec = ARCH_SPECS[arch];
  const shape = resolveShape(opts, arch);
  const vocab = resolveVocab(opts.vocab ?? spec.vocab);
  // The family's chat format wins over the vocabulary's own template (a Qwen3 model chats in Qwen3's format).
  if (spec.template) vocab.template = readTemplate(spec.template);
  let source;
  try {
    source = await readGgufHeader(vocab.path);
  } catch (err) {
    throw new FieldtuneError('INVALID_INPUT', `cannot read vocabulary ${vocab.path}: ${(err as Error).message}`);
  }
  const tokenizer = source.keyValues.filter((kv) => kv.key.startsWith('tokenizer.'));
  const tokens = tokenizer.find((kv) => kv.key === 'tokenizer.ggml.tokens')?.value;
  if (tokens?.type !== GgufValueType.ARRAY || tokens.value.items.length === 0) {
    bad('vocab', `${vocab.path} holds no tokenizer.ggml.tokens array`);
  }
  const vocabSize = tokens.value.items.length;
  const full = { ...shape, vocabSize };
  const parameterCount = llamaParameterCount(full, spec);
  const templateKv = tokenizer.find((kv) => kv.key === 'tokenizer.chat_template');
  const chatTemplate = vocab.template?.file ?? (templateKv ? `${vocab.name} (embedded)` : null);

  const a = spec.ggufArch;
  // llama keeps its exact former wording (and so its bytes); other architectures name themselves.
  const family = arch === 'llama' ? '' : `${arch}, `;
  const keyValues: GgufKeyValue[] = [
    { key: 'general.architecture', value: gguf.str(a) },
    { key: 'general.name', value: gguf.str(`Fieldtune demo model (RANDOM WEIGHTS, not trained; ${family}${vocab.name} tokenizer)`) },
    {
      key: 'general.description',
      value: gguf.str(
        `Random-weight ${arch}-architecture model generated by Fieldtune for offline demos and tests. Its output is ` +
          `meaningless. Tokenizer copied from llama.cpp's ggml-vocab-${vocab.name}.gguf; weights N(0, ${WEIGHT_STD}), ` +
          `${spec.tiedOutput ? 'token_embd.weight (tied output head)' : 'output.weight'} N(0, ${OUTPUT_STD}), seed ${shape.seed}.`,
      ),
    },
    { key: 'general.file_type', value: gguf.u32(0) }, // LLAMA_FTYPE_ALL_F32
    { key: 'general.alignment', value: gguf.u32(32) },
    { key: 'fieldtune.demo_model', value: gguf.bool(true) },
    { key: 'fieldtune.demo_model.seed', value: gguf.u32(shape.seed) },
    { key: `${a}.vocab_size`, value: gguf.u32(vocabSize) },
    { key: `${a}.context_length`, value: gguf.u32(shape.ctx) },
    { key: `${a}.embedding_length`, value: gguf.u32(shape.embd) },
    { key: `${a}.block_count`, value: gguf.u32(shape.layers) },
    { key: `${a}.feed_forward_length`, value: gguf.u32(shape.ff) },
    { key: `${a}.attention.head_count`, value: gguf.u32(shape.heads) },
    { key: `${a}.attention.head_count_kv`, value: gguf.u32(shape.headsKv) },
    { key: `${a}.attention.layer_norm_rms_epsilon`, value: gguf.f32(arch.startsWith('gemma') ? 1e-6 : 1e-5) },
    { key: `${a}.rope.dimension_count`, value: gguf.u32(shape.embd / shape.heads) },
    { key: `${a}.rope.freq_base`, value: gguf.f32(spec.ropeFreqBase) },
    ...spec.extraKeys(shape).map(([key, value]) => ({ key: `${a}.${key}`, value })),
    // Every tokenizer key is copied with its exact type; only the chat template may be swapped for a real one.
    ...tokenizer.filter((kv) => !(vocab.template && kv.key === 'tokenizer.chat_template')),
    ...(vocab.template ? [{ key: 'tokenizer.chat_template', value: gguf.str(vocab.template.text) }] : []),
  ];

  let written;
  try {
    await mkdir(dirname(resolve(opts.out)), { recursive: true });
    written = await writeGguf(resolve(opts.out), { keyValues, tensors: llamaTensors(full, shape.seed, spec) });
  } catch (err) {
    // A file-system refusal (no permission, a directory in the way, a full disk) is the caller's to fix: say which.
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new FieldtuneError('INVALID_INPUT', `cannot write ${opts.out}: ${(err as Error).message}`);
    throw err;
  }
  return {
    path: written.path,
    sha256: written.sha256,
    sizeBytes: written.sizeBytes,
    params: { arch, vocab: vocab.name, vocabSize, chatTemplate, ...shape, parameterCount },
  };
}
