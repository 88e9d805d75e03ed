// The model card that travels with every export (issue 15 item 5): what the adapter is for, what it was made from
// (never the data itself: versions and their hashes), how personal data was handled, how it was trained, how it did
// in evaluation ('not evaluated' when it was not: export never requires one), its limits and what reproduces it.
import type { EvaluationSummary } from '../../contract/adapters.js';

import type { SyntheticSummary } from '../data/generate/provenance.js';

export interface ModelCardInput {
  projectName: string;
  domain: string | null;
  base: { name: string | null; label: string | null; architecture: string; sha256: string; licence: string | null };
  datasets: { versionId: string; sha256: string; name?: string | null; examples?: number | null }[];
  /** The redaction of the versions trained on, when any was applied (the report's counts, never the values). */
  redaction: { mode: string; found: Record<string, number> } | null;
  /** Generated (synthetic) examples among those trained on, by kind, with the models and prompt templates that wrote them. */
  synthetic?: SyntheticSummary | null;
  settings: Record<string, unknown>;
  rank: number;
  alpha: number;
  targets: string[];
  steps: number;
  trainLoss: number | null;
  valLoss: number | null;
  evaluation: EvaluationSummary | null;
  systemPrompt: string | null;
  provenance: { seed?: number; appVersion?: string; trainerBuild?: string | null; llamaCppCommit?: string | null } | null;
  runId: string;
  origin: 'trained' | 'peft' | 'bundle';
}

const fmt = (v: unknown): string =>
  v === null || v === undefined ? '-' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : Array.isArray(v) ? v.join(', ') : String(v);

export function renderModelCard(c: ModelCardInput): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(`# ${c.projectName}: a LoRA adapter for ${c.base.name ?? c.base.label ?? 'its base model'}`, '');
  push('## Intended use', '');
  push(
    `An adapter for ${c.domain && c.domain !== 'general' ? `the ${c.domain} field` : 'the tasks of this project'}, made with Fieldtune by a specialist from their own examples. ` +
      'Use it with the exact base model named below; it was not made for, and will not load correctly on, any other.',
    '',
  );
  if (c.systemPrompt) push('Default system prompt:', '', '```', c.systemPrompt, '```', '');
  push('## Base model', '');
  push(`- Name: ${fmt(c.base.name ?? c.base.label)}`, `- Architecture: ${c.base.architecture}`, `- sha256: \`${c.base.sha256}\``);
  push(`- Licence (from the model file): ${c.base.licence ?? 'not stated in the model file: check the base model’s own licence before sharing'}`, '');
  push('## Data', '');
  if (c.datasets.length === 0)
    push(c.origin === 'trained' ? 'No dataset versions were recorded.' : `Imported adapter (${c.origin}): its training data is not known here.`);
  for (const d of c.datasets)
    push(`- Dataset version ${d.name ? `${d.name} ` : ''}\`${d.versionId}\`${d.examples ? `, ${d.examples} examples` : ''}, sha256 \`${d.sha256}\``);
  push('', 'The data itself is not part of this export.', '');
  push('## Generated examples', '');
  if (c.synthetic && c.synthetic.examples > 0) {
    const kinds = Object.entries(c.synthetic.byKind).map(([kind, n]) => `${kind} ${n}`);
    push(
      `${c.synthetic.examples} of the examples trained on were written by a local model and accepted by a person (synthetic: ${kinds.join(', ')}).`,
      '',
      `- Written by: ${c.synthetic.models.join('; ')}`,
      `- Prompt templates: ${c.synthetic.templates.join('; ')}`,
      '- Each example carries its provenance (model, template, the sha256 of the passage it cites) in its metadata.',
      '',
    );
  } else push('None: every example trained on came from the data as imported or from people.', '');
  push('## Personal data', '');
  if (c.redaction) {
    const found = Object.entries(c.redaction.found).map(([kind, n]) => `${kind} ${n}`);
    push(`Redacted before training (${c.redaction.mode}): ${found.length ? found.join(', ') : 'nothing was found'}.`, '');
  } else push('No redaction was recorded for the data this adapter was trained on.', '');
  push('## Training', '');
  push(`- LoRA rank ${c.rank}, alpha ${fmt(c.alpha)}, on ${fmt(c.targets)}`);
  for (const key of ['epochs', 'lr', 'maxSeq', 'batch', 'completionOnly'] as const)
    if (c.settings[key] !== undefined) push(`- ${key}: ${fmt(c.settings[key])}`);
  push(`- Steps: ${c.steps}; final training loss ${fmt(c.trainLoss)}; validation loss ${fmt(c.valLoss)}`, '');
  push('## Evaluation', '');
  if (!c.evaluation) push('**Not evaluated.** No evaluation of this adapter was recorded; judge it on your own held-out examples before relying on it.', '');
  else {
    push(c.evaluation.summary, '');
    for (const [k, v] of Object.entries(c.evaluation.metrics)) push(`- ${k}: ${fmt(v)}`);
    push(`- Leak check: ${c.evaluation.leakCheck ?? 'not run'}`, '');
  }
  push('## Known limitations', '');
  push(
    '- It learned only from the examples above: outside them it behaves like the base model, with the base model’s faults.',
    '- A small adapter can repeat phrasing from its training examples; review answers before sharing them.',
    '- It is not a substitute for professional judgement.',
    '',
  );
  push('## Reproducing it', '');
  const p = c.provenance;
  push(
    `- Run \`${c.runId}\` (${c.origin})`,
    `- Seed: ${fmt(p?.seed)}`,
    `- Fieldtune ${fmt(p?.appVersion)}; trainer build ${fmt(p?.trainerBuild)}; llama.cpp ${fmt(p?.llamaCppCommit)}`,
    '',
  );
  return lines.join('\n');
}
