// Where the usual apps keep their models, on this computer. Each app's own environment variable wins (Ollama's
// OLLAMA_MODELS, Hugging Face's HF_HUB_CACHE / HF_HOME), like those apps themselves read them.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ModelRoots } from '../../contract/models.js';

export type ResolvedRoots = Required<ModelRoots>;

export function defaultModelRoots(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): ResolvedRoots {
  const hfHome = env['HF_HOME'] ? resolve(env['HF_HOME']) : join(env['XDG_CACHE_HOME'] ?? join(home, '.cache'), 'huggingface');
  return {
    lmStudio: [join(home, '.lmstudio', 'models'), join(home, '.cache', 'lm-studio', 'models')],
    ollama: [env['OLLAMA_MODELS'] ? resolve(env['OLLAMA_MODELS']) : join(home, '.ollama', 'models')],
    huggingFace: [env['HF_HUB_CACHE'] ? resolve(env['HF_HUB_CACHE']) : join(hfHome, 'hub')],
  };
}

/** The usual places, with any list the caller gave replacing that app's. */
export function resolveRoots(given: ModelRoots | undefined, defaults: ResolvedRoots = defaultModelRoots()): ResolvedRoots {
  return {
    lmStudio: given?.lmStudio ?? defaults.lmStudio,
    ollama: given?.ollama ?? defaults.ollama,
    huggingFace: given?.huggingFace ?? defaults.huggingFace,
  };
}
