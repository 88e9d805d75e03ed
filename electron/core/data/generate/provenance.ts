// A generated example's provenance as the example's own metadata (scalar values only: metadata travels through SQLite,
// CSV and JSONL export, the model card and the share bundle unchanged), and back again for counting.
import type { Sample } from '../../../contract/domain.js';
import type { Provenance } from '../../../contract/generate.js';

/** Metadata keys; every one starts with 'synthetic' so a reader of an export sees they belong together. */
export const SYNTHETIC_KEYS = {
  flag: 'synthetic',
  kind: 'synthetic_kind',
  model: 'synthetic_model_sha256',
  modelLabel: 'synthetic_model',
  template: 'synthetic_template',
  templateHash: 'synthetic_template_sha256',
  passageHash: 'synthetic_passage_sha256',
  source: 'synthetic_source',
  fromExample: 'synthetic_from_example',
} as const;

export function provenanceMetadata(p: Provenance): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {
    [SYNTHETIC_KEYS.flag]: true,
    [SYNTHETIC_KEYS.kind]: p.kind,
    [SYNTHETIC_KEYS.model]: p.model,
    [SYNTHETIC_KEYS.modelLabel]: p.modelLabel,
    [SYNTHETIC_KEYS.template]: p.template,
    [SYNTHETIC_KEYS.templateHash]: p.templateHash,
  };
  if (p.passageHash) out[SYNTHETIC_KEYS.passageHash] = p.passageHash;
  if (p.source) out[SYNTHETIC_KEYS.source] = p.source;
  if (p.fromExample) out[SYNTHETIC_KEYS.fromExample] = p.fromExample;
  return out;
}

export function isSynthetic(s: Pick<Sample, 'metadata'>): boolean {
  return s.metadata?.[SYNTHETIC_KEYS.flag] === true;
}

/** What a model card says about generated examples in its training data: how many, by which models and templates. */
export interface SyntheticSummary {
  examples: number;
  byKind: Record<string, number>;
  models: string[];
  templates: string[];
}

export function summarizeSynthetic(samples: Iterable<Pick<Sample, 'metadata'>>): SyntheticSummary {
  const byKind: Record<string, number> = {};
  const models = new Set<string>();
  const templates = new Set<string>();
  let examples = 0;
  for (const s of samples) {
    if (!isSynthetic(s)) continue;
    examples += 1;
    const m = s.metadata!;
    const kind = String(m[SYNTHETIC_KEYS.kind] ?? 'unknown');
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    models.add(`${String(m[SYNTHETIC_KEYS.modelLabel] ?? 'unknown model')} (sha256 ${String(m[SYNTHETIC_KEYS.model] ?? '?')})`);
    templates.add(`${String(m[SYNTHETIC_KEYS.template] ?? '?')} (sha256 ${String(m[SYNTHETIC_KEYS.templateHash] ?? '?')})`);
  }
  return { examples, byKind, models: [...models].sort(), templates: [...templates].sort() };
}
