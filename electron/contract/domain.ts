// Shared domain types. Pure module: imports neither node:* nor the DOM, so every host and the renderer can use it.
import { z } from 'zod';

export const Id = z.string().min(1).max(64);

export const Role = z.enum(['system', 'user', 'assistant']);
export type Role = z.infer<typeof Role>;

export const Message = z.object({
  role: Role,
  content: z.string(),
});
export type Message = z.infer<typeof Message>;

/** Scalar metadata values only: metadata travels through SQLite, CSV export and the model card. */
export const MetadataValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The canonical chat sample every importer produces and the trainer consumes. */
export const Sample = z.object({
  messages: z.array(Message).min(1),
  metadata: z.record(z.string(), MetadataValue).optional(),
});
export type Sample = z.infer<typeof Sample>;

/** Raw text for continued pre-training: every token is in the loss. */
export const TextDocument = z.object({
  text: z.string().min(1),
  source: z.string().optional(),
});
export type TextDocument = z.infer<typeof TextDocument>;

export const DomainTemplate = z.enum(['general', 'medical', 'legal', 'finance', 'education']);
export type DomainTemplate = z.infer<typeof DomainTemplate>;

/**
 * A BCP 47 locale tag (en-GB, en-US, de-DE): how a project's ambiguous dates (02/11/2015) are read and how its
 * reports write dates. Checked by shape here (the contract is pure); hosts check it against Intl.
 */
export const Locale = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Name a locale such as en-GB or en-US');
export type Locale = z.infer<typeof Locale>;

export const Project = z.object({
  id: Id,
  name: z.string(),
  domain: DomainTemplate,
  locale: Locale,
  /** The instructions the project gives its model (the prompting baseline, the Playground, exports); null: none. */
  systemPrompt: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof Project>;

/** A project's system prompt as a request gives it: trimmed; empty means none. Long enough for real instructions. */
export const SystemPrompt = z
  .string()
  .max(8000, 'Keep the system prompt under 8000 characters')
  .transform((s) => s.trim() || null)
  .nullable();

export const BaseModel = z.object({
  id: Id,
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string(),
  label: z.string(),
  isDemo: z.boolean(),
  /** Selected GGUF header facts (architecture, layers, context, quantization). */
  metadata: z.record(z.string(), MetadataValue),
  addedAt: z.string(),
});
export type BaseModel = z.infer<typeof BaseModel>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  hashBefore: z.string().nullable(),
  hashAfter: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const HostMode = z.enum(['electron', 'browser', 'cli']);
export type HostMode = z.infer<typeof HostMode>;

export const AppInfo = z.object({
  version: z.string(),
  mode: HostMode,
  workspace: z.string(),
  /** Why the app runs in this mode (e.g. "no Electron runtime installed"). */
  modeReason: z.string().nullable(),
  demoModelId: Id.nullable(),
  /** The workspace is encrypted at rest (its passphrase opened it, or will). */
  encrypted: z.boolean(),
  /** Encrypted and waiting for its passphrase: the app shows the passphrase screen and nothing else. */
  locked: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;
