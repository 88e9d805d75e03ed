// Finds the tokenizer vocabularies and chat templates that scripts/extract-vocab.mjs unpacked from llama.cpp's source
// (resources/vocab/ in a checkout, <resources>/vocab in the packaged app). Nothing here touches the network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldtuneError } from '../../contract/errors.js';

export const DEFAULT_VOCAB = 'phi-3';

/**
 * Real chat templates (from llama.cpp's models/templates) written into the demo model in place of the vocabulary's own.
 * phi-3: the vocabulary file carries the first Phi-3-mini template, which silently drops system messages; the
 * Phi-3.5-mini template is the same <|user|>/<|assistant|>/<|end|> format with system support. The vocabularies
 * without a template get the one of the model family they come from, so the chat path can be exercised with each.
 */
export const VOCAB_TEMPLATES: Readonly<Record<string, string>> = {
  'phi-3': 'microsoft-Phi-3.5-mini-instruct.jinja',
  qwen2: 'Qwen-Qwen2.5-7B-Instruct.jinja',
  'llama-bpe': 'meta-llama-Llama-3.1-8B-Instruct.jinja',
};

const VOCAB_PREFIX = 'ggml-vocab-';

/** resources/vocab: FIELDTUNE_VOCAB_DIR, else Electron's resources folder, else the nearest checkout's resources/. */
export function vocabDir(): string {
  const fromEnv = process.env.FIELDTUNE_VOCAB_DIR;
  if (fromEnv) return resolve(fromEnv);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath && existsSync(join(resourcesPath, 'vocab'))) return join(resourcesPath, 'vocab');
  // Walk up from this module rather than assume a depth: the same code runs from source (tsx) and from a build folder.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'vocab');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'resources', 'vocab');
    dir = parent;
  }
}

/** Names of the extracted vocabularies (ggml-vocab-NAME.gguf), sorted. */
export function listVocabs(dir = vocabDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(VOCAB_PREFIX) && f.endsWith('.gguf'))
    .map((f) => f.slice(VOCAB_PREFIX.length, -'.gguf'.length))
    .sort();
}

export interface ResolvedVocab {
  /** Short name (phi-3), or the file's base name when a path was given. */
  name: string;
  path: string;
  /** Chat template to write instead of the vocabulary's own, with the template file's name. */
  template?: { file: string; text: string };
}

/** Accepts a short name (phi-3), a file name (ggml-vocab-phi-3.gguf) or a path to any GGUF holding a tokenizer. */
export function resolveVocab(vocab: string = DEFAULT_VOCAB, dir = vocabDir()): ResolvedVocab {
  if (vocab.includes('/') || vocab.includes('\\')) {
    if (!existsSync(vocab)) throw new FieldtuneError('INVALID_INPUT', `vocabulary file not found: ${vocab}`);
    return { name: basename(vocab, '.gguf'), path: resolve(vocab) };
  }
  const name = vocab.replace(/\.gguf$/, '').replace(new RegExp(`^${VOCAB_PREFIX}`), '');
  const available = listVocabs(dir);
  if (available.length === 0) {
    throw new FieldtuneError('INVALID_INPUT', `no vocabularies in ${dir}; run \`node scripts/extract-vocab.mjs\` (postinstall does this)`);
  }
  if (!available.includes(name)) {
    throw new FieldtuneError('INVALID_INPUT', `unknown vocabulary "${vocab}"; available: ${available.join(', ')}`);
  }
  const resolved: ResolvedVocab = { name, path: join(dir, `${VOCAB_PREFIX}${name}.gguf`) };
  const file = VOCAB_TEMPLATES[name];
  if (file) resolved.template = readTemplate(file, dir);
  return resolved;
}

/** A chat template from the extracted llama.cpp templates (models/templates), by file name. */
export function readTemplate(file: string, dir = vocabDir()): { file: string; text: string } {
  const templatePath = join(dir, 'templates', file);
  if (!existsSync(templatePath)) {
    throw new FieldtuneError('INVALID_INPUT', `chat template ${file} is missing from ${dir}/templates; run \`node scripts/extract-vocab.mjs\``);
  }
  return { file, text: readFileSync(templatePath, 'utf8') };
}
