// PEFT folders on disk: DIR/adapter_model.safetensors + DIR/adapter_config.json.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { readBaseFacts, type BaseFacts } from './baseFacts.js';
import { readLoraGguf, writeLoraGguf, type LoraAdapter } from './loraGguf.js';
import { fromPeft, toPeft, type PeftConfig } from './peft.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';

export const PEFT_WEIGHTS = 'adapter_model.safetensors';
export const PEFT_CONFIG = 'adapter_config.json';

/** Writes DIR/adapter_model.safetensors and DIR/adapter_config.json (each written whole, then renamed into place). */
export async function writePeftFolder(dir: string, adapter: LoraAdapter, base: BaseFacts): Promise<{ config: PeftConfig; tensors: number }> {
  const { tensors, config } = toPeft(adapter, base);
  await mkdir(dir, { recursive: true });
  const put = async (name: string, bytes: Buffer | string) => {
    const partial = join(dir, `.${name}.partial`);
    await writeFile(partial, bytes);
    await rename(partial, join(dir, name));
  };
  await put(PEFT_WEIGHTS, encodeSafetensors(tensors, { format: 'pt' }));
  await put(PEFT_CONFIG, JSON.stringify(config, null, 2) + '\n');
  return { config, tensors: tensors.length };
}

export async function exportPeft(adapterPath: string, basePath: string, outDir: string): Promise<{ config: PeftConfig; tensors: number }> {
  return writePeftFolder(outDir, await readLoraGguf(adapterPath), await readBaseFacts(basePath));
}

/** Reads a PEFT folder and converts it for this base (in memory; nothing is written). */
export async function readPeftFolder(dir: string, base: BaseFacts): Promise<{ adapter: LoraAdapter; config: Record<string, unknown> }> {
  const weights = join(dir, PEFT_WEIGHTS);
  const configPath = join(dir, PEFT_CONFIG);
  for (const f of [weights, configPath]) {
    if (!existsSync(f)) throw new FieldtuneError('INVALID_INPUT', `${dir} is not a PEFT adapter folder: ${f} is missing.`);
  }
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new FieldtuneError('INVALID_INPUT', `${configPath} is not valid JSON: ${(error as Error).message}`);
  }
  let decoded;
  try {
    decoded = decodeSafetensors(await readFile(weights));
  } catch (error) {
    throw new FieldtuneError('INVALID_INPUT', `${weights}: ${(error as Error).message}`);
  }
  return { adapter: fromPeft(decoded.tensors, config, base), config };
}

/** PEFT folder -> adapter GGUF at outPath for the base at basePath. */
export async function importPeft(
  dir: string,
  basePath: string,
  outPath: string,
): Promise<{ sha256: string; config: Record<string, unknown>; adapter: LoraAdapter }> {
  const { adapter, config } = await readPeftFolder(dir, await readBaseFacts(basePath));
  try {
    const { sha256 } = await writeLoraGguf(outPath, adapter);
    return { sha256, config, adapter };
  } catch (error) {
    await rm(outPath, { force: true });
    throw error;
  }
}
