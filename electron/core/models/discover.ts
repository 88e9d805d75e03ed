// Finds the GGUF models already on this computer (LM Studio, Ollama, the Hugging Face cache, folders the person
// names) and says what each one is: read from its header only, never its weights. Runs in a worker thread.
import { realpathSync, statSync } from 'node:fs';
import type { DiscoveredModel, DiscoverResult, ModelSource } from '../../contract/models.js';
import { bytesNeeded, headerFacts } from '../gguf/headerFacts.js';
import { readGgufHeaderSync } from '../gguf/reader.js';
import type { ResolvedRoots } from './roots.js';
import { trainerSupport } from './support.js';
import { folderModels, huggingFaceModels, lmStudioModels, ollamaModels, type FoundFile, type WalkBudget } from './walk.js';

export interface DiscoverInput {
  roots: ResolvedRoots;
  folders: string[];
  /** The trainer binary, to ask whether it can train each model; null when it is not built. */
  trainer: string | null;
  /** Stop walking after this many folder entries (default 200,000). */
  fileLimit?: number;
}

export type DiscoverProgress = (phase: string, current: number, total: number | null) => void;

/** Everything but registeredModelId, which the service fills in from the workspace. */
export type Candidate = Omit<DiscoveredModel, 'registeredModelId'>;

export function discoverModels(input: DiscoverInput, progress: DiscoverProgress = () => {}): Omit<DiscoverResult, 'candidates'> & { candidates: Candidate[] } {
  const budget: WalkBudget = { seen: 0, limit: input.fileLimit ?? 200_000, onSeen: (n) => progress('Looking through folders', n, null) };
  const places: DiscoverResult['places'] = [];
  const found: FoundFile[] = [];
  const look = (source: ModelSource, paths: string[], list: (root: string, b: WalkBudget) => FoundFile[]) => {
    for (const path of paths) {
      const exists = isDirectory(path);
      places.push({ source, path, exists });
      if (exists) found.push(...list(path, budget));
    }
  };
  look('lm-studio', input.roots.lmStudio, lmStudioModels);
  look('ollama', input.roots.ollama, ollamaModels);
  look('hugging-face', input.roots.huggingFace, huggingFaceModels);
  look('folder', input.folders, folderModels);

  // one entry per file on disk: a folder named inside LM Studio's, or two Hugging Face revisions of one blob
  const unique = new Map<string, FoundFile>();
  for (const f of found) {
    const key = realPath(f.path);
    if (!unique.has(key)) unique.set(key, f);
  }
  const files = [...unique.values()];
  const candidates = files.map((file, i) => {
    progress('Reading model headers', i, files.length);
    return describe(file, input.trainer);
  });
  progress('Reading model headers', files.length, files.length);
  return { candidates, places, filesSeen: budget.seen, truncated: budget.seen >= budget.limit };
}

function describe(file: FoundFile, trainer: string | null): Candidate {
  const sizeBytes = statSync(file.path).size;
  const base = { ...file, sizeBytes };
  try {
    const header = readGgufHeaderSync(file.path);
    const facts = headerFacts(header);
    const cutShort = (bytesNeeded(header) ?? 0) > sizeBytes;
    return {
      ...base,
      architecture: facts.architecture,
      parameterCount: facts.parameterCount,
      quantization: facts.quantization,
      contextLength: facts.contextLength,
      hasChatTemplate: facts.hasChatTemplate,
      ...(cutShort ? { trainable: false, reason: TRUNCATED } : trainerSupport(trainer, file.path)),
    };
  } catch (error) {
    return {
      ...base,
      architecture: null,
      parameterCount: null,
      quantization: null,
      contextLength: null,
      hasChatTemplate: false,
      trainable: false,
      reason: unreadableReason(error as Error),
    };
  }
}

const TRUNCATED = 'The file is cut short (truncated): download or copy it again.';

function unreadableReason(error: Error): string {
  if (/bad magic/.test(error.message)) return 'It is not a GGUF model (it does not start with the GGUF signature).';
  if (/truncated/.test(error.message)) return TRUNCATED;
  return `Its GGUF header cannot be read: ${error.message}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
