// Base models already on this computer: where Fieldtune looks (LM Studio, Ollama, the Hugging Face cache, folders the
// person names) and what it tells about each GGUF it finds before anything is registered.
import { z } from 'zod';
import { Id } from './domain.js';

export const ModelSource = z.enum(['lm-studio', 'ollama', 'hugging-face', 'folder']);
export type ModelSource = z.infer<typeof ModelSource>;

/** Where each app keeps its models; a list given here replaces that app's usual folders (tests, unusual setups). */
export const ModelRoots = z
  .object({
    lmStudio: z.array(z.string().min(1)).max(16).optional(),
    ollama: z.array(z.string().min(1)).max(16).optional(),
    huggingFace: z.array(z.string().min(1)).max(16).optional(),
  })
  .strict();
export type ModelRoots = z.infer<typeof ModelRoots>;

export const DiscoveredModel = z.object({
  path: z.string(),
  /** What a person knows it by: `llama3.2:1b` (Ollama), `org/name` (Hugging Face), the file name otherwise. */
  name: z.string(),
  fileName: z.string(),
  source: ModelSource,
  sizeBytes: z.number().int().nonnegative(),
  architecture: z.string().nullable(),
  parameterCount: z.number().int().nonnegative().nullable(),
  quantization: z.string().nullable(),
  contextLength: z.number().int().nonnegative().nullable(),
  hasChatTemplate: z.boolean(),
  /** Whether the trainer can train on it; null when that could not be checked (no trainer built). */
  trainable: z.boolean().nullable(),
  /** Why not (or why it could not be checked), in the trainer's words. */
  reason: z.string().nullable(),
  /** The registered base model at this path, if any. */
  registeredModelId: Id.nullable(),
});
export type DiscoveredModel = z.infer<typeof DiscoveredModel>;

export const DiscoverResult = z.object({
  candidates: z.array(DiscoveredModel),
  /** Every folder looked at, and whether it existed. */
  places: z.array(z.object({ source: ModelSource, path: z.string(), exists: z.boolean() })),
  filesSeen: z.number().int().nonnegative(),
  /** True when the walk stopped at its file limit (a folder such as the whole disk). */
  truncated: z.boolean(),
});
export type DiscoverResult = z.infer<typeof DiscoverResult>;

export const DiscoverInput = z
  .object({
    /** More folders to look through (and their subfolders). */
    folders: z.array(z.string().min(1)).max(32).default([]),
    roots: ModelRoots.optional(),
  })
  .strict();
