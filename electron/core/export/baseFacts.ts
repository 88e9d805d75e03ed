// What adapter conversion needs to know about a base model, read from its GGUF header only (never the weights).
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
