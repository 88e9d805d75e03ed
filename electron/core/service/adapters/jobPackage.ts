// The training job package (issue 15 item 4): what an engineer needs to run the same training on a GPU server with
// Axolotl. It holds the dataset version (its redacted version when one exists) in its chat format, split as it was,
// an Axolotl config mirroring the run, the model card and a short README. It takes data off this machine, so the
// request must be confirmed (startExport) and an audit row names what left.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrainingRun } from '../../../contract/train.js';
import { readBaseFacts, readBaseIdentity } from '../../export/baseFacts.js';
import { moduleTable } from '../../export/peftNames.js';
import { RedactionRepository } from '../../store/repositories/redaction.js';
import type { Workspace } from '../../workspace.js';
import { exportVersion } from '../datasets/export.js';

/** The version to ship: the run's own when it (or an ancestor) was redacted, else a redacted version made from it. */
export function redactedVersionOf(ws: Workspace, versionId: string): { versionId: string; redacted: boolean } {
  const reports = new RedactionRepository(ws.db);
  for (let id: string | null = versionId, hops = 0; id && hops < 50; hops++) {
    if (reports.report(id)) return { versionId, redacted: true };
    id = ws.datasets.getVersion(id)?.parentId ?? null;
  }
  const version = ws.datasets.getVersion(versionId);
  const child = version
    ? ws.datasets
        .listVersions(version.datasetId)
        .reverse()
        .find((v) => reports.report(v.id)?.sourceVersionId === versionId)
    : undefined;
  return child ? { versionId: child.id, redacted: true } : { versionId, redacted: false };
}

/** YAML written as `key: <JSON>` lines: JSON values are valid YAML flow scalars, so no YAML library is needed. */
export const toYamlLines = (config: Record<string, unknown>): string =>
  Object.entries(config)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n') + '\n';

export async function writeJobPackage(ws: Workspace, run: TrainingRun, outDir: string, card: string): Promise<{ files: string[]; leaves: string[] }> {
  const model = run.baseModelId ? ws.models.get(run.baseModelId) : undefined;
  const facts = model ? await readBaseFacts(model.path) : null;
  const identity = model ? await readBaseIdentity(model.path) : null;
  const settings = run.settings as Record<string, unknown>;
  await mkdir(join(outDir, 'data'), { recursive: true });
  const files: string[] = [];
  const leaves: string[] = [];
  const train: { path: string; type: string; field_messages: string }[] = [];
  const validation: typeof train = [];
  for (const [i, share] of run.datasets.entries()) {
    const pick = redactedVersionOf(ws, share.versionId);
    for (const split of ['train', 'validation'] as const) {
      const rel = `data/dataset${i + 1}-${split}.jsonl`;
      const { examples } = exportVersion(ws, pick.versionId, { format: 'jsonl', outFile: join(outDir, rel), split });
      files.push(join(outDir, rel));
      leaves.push(`${examples} ${split} examples of version ${pick.versionId} (${pick.redacted ? 'redacted' : 'NOT redacted: no redacted version exists'})`);
      if (examples > 0) (split === 'train' ? train : validation).push({ path: rel, type: 'chat_template', field_messages: 'messages' });
    }
  }
  const arch = facts?.architecture ?? 'llama';
  const targets = ((settings['targets'] as string[] | undefined) ?? ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'])
    .map((t) => moduleTable(arch)[t]?.split('.').pop())
    .filter((t): t is string => t !== undefined);
  const config: Record<string, unknown> = {
    base_model: facts?.name ?? model?.label ?? 'SET-THE-HUGGING-FACE-MODEL-ID',
    adapter: 'lora',
    lora_r: settings['rank'] ?? 8,
    lora_alpha: settings['alpha'] ?? 16,
    lora_dropout: 0,
    lora_target_modules: [...new Set(targets)],
    learning_rate: settings['lr'] ?? 2e-4,
    num_epochs: settings['epochs'] ?? 3,
    sequence_len: settings['maxSeq'] ?? 2048,
    micro_batch_size: 1,
    gradient_accumulation_steps: settings['gradAccum'] ?? 1,
    lr_scheduler: settings['schedule'] ?? 'cosine',
    weight_decay: settings['weightDecay'] ?? 0,
    seed: run.provenance?.seed ?? settings['seed'] ?? 42,
    // Fieldtune's trainer puts only the answers in the loss (completion-only), as train_on_inputs: false does
    train_on_inputs: false,
    ...(identity?.chatTemplate ? { chat_template: 'jinja', chat_template_jinja: identity.chatTemplate } : { chat_template: 'tokenizer_default' }),
    datasets: train,
    ...(validation.length ? { test_datasets: validation } : {}),
    output_dir: './fieldtune-adapter-out',
    save_safetensors: true,
  };
  if (settings['warmup'] !== undefined) config['warmup_steps'] = settings['warmup'];
  await writeFile(join(outDir, 'axolotl.yaml'), toYamlLines(config));
  await writeFile(join(outDir, 'MODEL_CARD.md'), card);
  await writeFile(
    join(outDir, 'README.md'),
    [
      '# Training job package (from Fieldtune)',
      '',
      `This folder repeats Fieldtune run \`${run.id}\` on a GPU machine with Axolotl.`,
      '',
      `1. Set \`base_model\` in axolotl.yaml to the Hugging Face model that the GGUF base (sha256 \`${run.baseSha256}\`, "${config['base_model'] as string}") was converted from.`,
      '2. `axolotl train axolotl.yaml` (see https://docs.axolotl.ai/docs/config-reference.html for every key).',
      '3. Bring the result back: `fieldtune adapters import ./fieldtune-adapter-out --base <the GGUF base> --project <project>`.',
      '',
      'Only the answers are trained on (train_on_inputs: false), with the base model’s own chat template, as in Fieldtune.',
      run.datasets.length > 1
        ? `The run mixed several dataset versions with weights ${run.datasets.map((d) => d.weight).join(', ')}; Axolotl takes them unweighted.`
        : '',
      '',
      '## What this folder contains that left the Fieldtune workspace',
      '',
      ...leaves.map((l) => `- ${l}`),
      '',
    ].join('\n'),
  );
  files.push(join(outDir, 'axolotl.yaml'), join(outDir, 'README.md'), join(outDir, 'MODEL_CARD.md'));
  return { files, leaves };
}
