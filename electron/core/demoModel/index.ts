// The demo model: a small llama-architecture GGUF with random weights and a real tokenizer + chat template, so the
// whole app (chat, training, evaluation, export) can be exercised offline without downloading a model. It is labelled
// as random-weight in general.name and produces gibberish by design. Same options + seed => byte-identical file.
import { mkdir } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname, resolve } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { readGgufHeader } from '../gguf/reader.js';
import { gguf, GgufValueType, type GgufKeyValue } from '../gguf/types.js';
import { writeGguf } from '../gguf/writer.js';
import { llamaParameterCount, llamaTensors, OUTPUT_STD, WEIGHT_STD } from './tensors.js';
import { DEFAULT_VOCAB, resolveVocab } from './vocab.js';

export { DEFAULT_VOCAB, listVocabs, resolveVocab, vocabDir, VOCAB_TEMPLATES } from './vocab.js';

export interface DemoModelOptions {
  out: string;
  /** A name from listVocabs() (default phi-3), or a path to a GGUF whose tokenizer.* keys to copy. */
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
export function resolveShape(opts: Omit<DemoModelOptions, 'out' | 'vocab'>) {
  const layers = int('layers', opts.layers, DEMO_DEFAULTS.layers, 1, 256);
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
  const shape = resolveShape(opts);
  const vocab = resolveVocab(opts.vocab ?? DEFAULT_VOCAB);
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
  const parameterCount = llamaParameterCount(full);
  const templateKv = tokenizer.find((kv) => kv.key === 'tokenizer.chat_template');
  const chatTemplate = vocab.template?.file ?? (templateKv ? `${vocab.name} (embedded)` : null);

  const keyValues: GgufKeyValue[] = [
    { key: 'general.architecture', value: gguf.str('llama') },
    { key: 'general.name', value: gguf.str(`Fieldtune demo model (RANDOM WEIGHTS, not trained; ${vocab.name} tokenizer)`) },
    {
      key: 'general.description',
      value: gguf.str(
        `Random-weight llama-architecture model generated by Fieldtune for offline demos and tests. Its output is ` +
          `meaningless. Tokenizer copied from llama.cpp's ggml-vocab-${vocab.name}.gguf; weights N(0, ${WEIGHT_STD}), ` +
          `output.weight N(0, ${OUTPUT_STD}), seed ${shape.seed}.`,
      ),
    },
    { key: 'general.file_type', value: gguf.u32(0) }, // LLAMA_FTYPE_ALL_F32
    { key: 'general.alignment', value: gguf.u32(32) },
    { key: 'fieldtune.demo_model', value: gguf.bool(true) },
    { key: 'fieldtune.demo_model.seed', value: gguf.u32(shape.seed) },
    { key: 'llama.vocab_size', value: gguf.u32(vocabSize) },
    { key: 'llama.context_length', value: gguf.u32(shape.ctx) },
    { key: 'llama.embedding_length', value: gguf.u32(shape.embd) },
    { key: 'llama.block_count', value: gguf.u32(shape.layers) },
    { key: 'llama.feed_forward_length', value: gguf.u32(shape.ff) },
    { key: 'llama.attention.head_count', value: gguf.u32(shape.heads) },
    { key: 'llama.attention.head_count_kv', value: gguf.u32(shape.headsKv) },
    { key: 'llama.attention.layer_norm_rms_epsilon', value: gguf.f32(1e-5) },
    { key: 'llama.rope.dimension_count', value: gguf.u32(shape.embd / shape.heads) },
    { key: 'llama.rope.freq_base', value: gguf.f32(10000) },
    // Every tokenizer key is copied with its exact type; only the chat template may be swapped for a real one.
    ...tokenizer.filter((kv) => !(vocab.template && kv.key === 'tokenizer.chat_template')),
    ...(vocab.template ? [{ key: 'tokenizer.chat_template', value: gguf.str(vocab.template.text) }] : []),
  ];

  let written;
  try {
    await mkdir(dirname(resolve(opts.out)), { recursive: true });
    written = await writeGguf(resolve(opts.out), { keyValues, tensors: llamaTensors(full, shape.seed) });
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
    params: { vocab: vocab.name, vocabSize, chatTemplate, ...shape, parameterCount },
  };
}
