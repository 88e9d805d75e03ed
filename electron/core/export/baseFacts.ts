// What adapter conversion needs to know about a base model, read from its GGUF header only (never the weights).
import { createHash } from 'node:crypto';
import { GgufValueType, keyValueMap, readGgufHeader, type GgufValue } from '../gguf/index.js';

export interface BaseFacts {
  architecture: string;
  /** general.name (or basename): what adapter_config.json names as the base. */
  name: string | null;
  licence: string | null;
  nHead: number;
  nHeadKv: number;
  /** Every weight's ggml dims ([n_in, n_out] for a matrix), by GGUF name. */
  tensors: Map<string, number[]>;
}

const scalar = (v: GgufValue | undefined): unknown => (v && v.type !== GgufValueType.ARRAY ? v.value : undefined);

export async function readBaseFacts(path: string): Promise<BaseFacts> {
  const header = await readGgufHeader(path);
  const kv = keyValueMap(header);
  const architecture = String(scalar(kv.get('general.architecture')) ?? '');
  if (!architecture) throw new Error(`${path} has no general.architecture: not a model GGUF`);
  if (scalar(kv.get('general.type')) === 'adapter') throw new Error(`${path} is an adapter, not a base model`);
  const nHead = Number(scalar(kv.get(`${architecture}.attention.head_count`)) ?? 0);
  const nHeadKv = Number(scalar(kv.get(`${architecture}.attention.head_count_kv`)) ?? nHead);
  const str = (key: string): string | null => {
    const v = scalar(kv.get(key));
    return typeof v === 'string' && v.trim() ? v : null;
  };
  return {
    architecture,
    name: str('general.name') ?? str('general.basename'),
    licence: str('general.license') ?? str('general.license.name'),
    nHead,
    nHeadKv,
    tensors: new Map(header.tensors.map((t) => [t.name, t.dims])),
  };
}

/** What identifies a base's tokenizer and chat template in a bundle's manifest, plus the template itself. */
export async function readBaseIdentity(path: string): Promise<{ tokenizerSha256: string; chatTemplateSha256: string | null; chatTemplate: string | null }> {
  const header = await readGgufHeader(path);
  const hash = createHash('sha256');
  // canonical: tokenizer.* keys sorted by name, each as name, type and JSON value (bigints as strings)
  const keys = header.keyValues.filter((k) => k.key.startsWith('tokenizer.') && k.key !== 'tokenizer.chat_template').sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const k of keys)
    hash.update(JSON.stringify([k.key, k.value.type, k.value.value], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
  const template = scalar(keyValueMap(header).get('tokenizer.chat_template'));
  const chatTemplate = typeof template === 'string' ? template : null;
  return {
    tokenizerSha256: hash.digest('hex'),
    chatTemplateSha256: chatTemplate === null ? null : createHash('sha256').update(chatTemplate).digest('hex'),
    chatTemplate,
  };
}
