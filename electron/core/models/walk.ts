// Lists the model files in each kind of place. Synchronous on purpose: it runs in a worker thread (cancel = end the
// thread). Folders that are symbolic links are not followed (a link to a parent would loop for ever); files that are
// links are (the Hugging Face cache links each snapshot file to its blob).
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { ModelSource } from '../../contract/models.js';

export interface FoundFile {
  path: string;
  name: string;
  fileName: string;
  source: ModelSource;
}

export interface WalkBudget {
  /** Entries seen so far, over every place. */
  seen: number;
  /** Stop when seen reaches this (a folder such as the whole disk). */
  limit: number;
  onSeen(seen: number): void;
}

const MAX_DEPTH = 8;

function entries(dir: string): Dirent[] {
  try {
    // sorted, so names joined from several tags (and every listing) come out the same on every file system
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // unreadable or gone: nothing to find there
  }
}

function isFile(entry: Dirent, path: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Every *.gguf under dir (names compared case-blind), depth first, without following folder links. */
export function ggufFilesUnder(dir: string, budget: WalkBudget, depth = 0): string[] {
  const found: string[] = [];
  for (const entry of entries(dir)) {
    if (budget.seen >= budget.limit) break;
    budget.seen += 1;
    if (budget.seen % 500 === 0) budget.onSeen(budget.seen);
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) found.push(...ggufFilesUnder(path, budget, depth + 1));
    } else if (entry.name.toLowerCase().endsWith('.gguf') && isFile(entry, path)) {
      found.push(path);
    }
  }
  return found;
}

/** LM Studio: models/<publisher>/<repository>/<file>.gguf; shown as publisher/repository/file. */
export function lmStudioModels(root: string, budget: WalkBudget): FoundFile[] {
  return ggufFilesUnder(root, budget).map((path) => ({
    path,
    name: relative(root, path)
      .split(sep)
      .join('/')
      .replace(/\.gguf$/i, ''),
    fileName: basename(path),
    source: 'lm-studio',
  }));
}

/** Any folder: the file name without its extension. */
export function folderModels(root: string, budget: WalkBudget): FoundFile[] {
  return ggufFilesUnder(root, budget).map((path) => ({ path, name: basename(path).replace(/\.gguf$/i, ''), fileName: basename(path), source: 'folder' }));
}

const OLLAMA_MODEL_LAYER = 'application/vnd.ollama.image.model';

/**
 * Ollama: manifests/<registry>/<namespace>/<model>/<tag> are JSON files whose model layer names a blob by digest
 * (blobs/sha256-<hex>). Shown as model:tag (namespace/model:tag outside the default 'library' namespace), never by
 * the digest. Several tags of one blob become one entry with every name.
 */
export function ollamaModels(root: string, budget: WalkBudget): FoundFile[] {
  const byBlob = new Map<string, FoundFile>();
  const manifests = join(root, 'manifests');
  for (const registry of entries(manifests).filter((e) => e.isDirectory())) {
    for (const ns of entries(join(manifests, registry.name)).filter((e) => e.isDirectory())) {
      for (const model of entries(join(manifests, registry.name, ns.name)).filter((e) => e.isDirectory())) {
        for (const tag of entries(join(manifests, registry.name, ns.name, model.name))) {
          if (budget.seen >= budget.limit) return [...byBlob.values()];
          budget.seen += 1;
          const blob = modelBlob(join(manifests, registry.name, ns.name, model.name, tag.name), root);
          if (!blob) continue;
          const name = `${ns.name === 'library' ? '' : `${ns.name}/`}${model.name}:${tag.name}`;
          const known = byBlob.get(blob);
          if (known) known.name += `, ${name}`;
          else byBlob.set(blob, { path: blob, name, fileName: basename(blob), source: 'ollama' });
        }
      }
    }
  }
  return [...byBlob.values()];
}

function modelBlob(manifestPath: string, root: string): string | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null; // not a manifest (or unreadable): skip it
  }
  const layers = (manifest as { layers?: unknown }).layers;
  if (!Array.isArray(layers)) return null;
  const layer = layers.find((l: unknown) => (l as { mediaType?: unknown }).mediaType === OLLAMA_MODEL_LAYER) as { digest?: unknown } | undefined;
  const digest = typeof layer?.digest === 'string' ? layer.digest : null;
  const hex = digest?.match(/^sha256[:-]([0-9a-f]{64})$/)?.[1];
  if (!hex) return null;
  const path = join(root, 'blobs', `sha256-${hex}`);
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null; // a manifest whose blob was pruned
  }
}

/** The Hugging Face hub cache: models--<org>--<name>/snapshots/<revision>/...gguf, shown as org/name. */
export function huggingFaceModels(root: string, budget: WalkBudget): FoundFile[] {
  const found: FoundFile[] = [];
  for (const repo of entries(root)) {
    if (!repo.isDirectory() || !repo.name.startsWith('models--')) continue;
    const name = repo.name.slice('models--'.length).split('--').join('/');
    for (const rev of entries(join(root, repo.name, 'snapshots'))) {
      if (!rev.isDirectory()) continue;
      for (const path of ggufFilesUnder(join(root, repo.name, 'snapshots', rev.name), budget)) {
        found.push({ path, name, fileName: basename(path), source: 'hugging-face' });
      }
    }
  }
  return found;
}
