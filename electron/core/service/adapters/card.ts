// The model card of a run: facts gathered from the workspace, rendered by the engine (core/export/modelCard.ts).
import type { EvaluationSummary } from '../../../contract/adapters.js';
import type { TrainingRun } from '../../../contract/train.js';
import { readBaseFacts } from '../../export/baseFacts.js';
import { renderModelCard, type ModelCardInput } from '../../export/modelCard.js';
import { readLoraGguf } from '../../export/loraGguf.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';
import { RedactionRepository } from '../../store/repositories/redaction.js';
import type { Workspace } from '../../workspace.js';
import { adaptersRepo } from './repo.js';
import { summarizeSynthetic, type SyntheticSummary } from '../../data/generate/provenance.js';
import { isSample } from '../../data/example.js';
import { toMember } from '../datasets/versions.js';

/** Generated examples among the training part of the versions a run trained on (validation and test are not trained on). */
function syntheticOf(ws: Workspace, versionIds: readonly string[]): SyntheticSummary {
  function* samples() {
    for (const id of versionIds) {
      if (!ws.datasets.getVersion(id)) continue;
      for (const row of ws.datasets.iterateMembers(id)) {
        const m = toMember(row);
        if (isSample(m.example) && (m.split === null || m.split === 'train')) yield m.example;
      }
    }
  }
  return summarizeSynthetic(samples());
}

/**
 * What the card and a share bundle say about a run's quality: its latest stored evaluation (the Evaluate step's
 * verdict, the base and tuned scores, the leak check), else the summary an imported bundle carried, else null.
 */
export function evaluationFor(ws: Workspace, runId: string): EvaluationSummary | null {
  const latest = evaluationsOf(ws).list({ runId })[0];
  if (latest) {
    const systems = JSON.parse(latest.systems) as Record<string, Record<string, number | null> | undefined>;
    const metrics: Record<string, number> = {};
    for (const [system, scores] of Object.entries(systems)) {
      for (const [metric, value] of Object.entries(scores ?? {}))
        if (typeof value === 'number' && Number.isFinite(value)) metrics[`${system}.${metric}`] = value;
    }
    const leak =
      latest.leak_passed === null
        ? null
        : latest.leak_passed === 1
          ? 'Passed: no training text or personal identifier came back out.'
          : 'FAILED: the tuned model repeated training text or a personal identifier; see the evaluation before sharing.';
    return { at: latest.created_at, summary: latest.verdict ?? 'Evaluated; no verdict was reached.', metrics, leakCheck: leak };
  }
  const carried = adaptersRepo(ws).origin(runId)?.evaluation;
  return carried ? (JSON.parse(carried) as EvaluationSummary) : null;
}

/** The redaction report of a version or of the nearest version it was derived from. */
function redactionOf(ws: Workspace, versionId: string): ModelCardInput['redaction'] {
  const reports = new RedactionRepository(ws.db);
  for (let id: string | null = versionId, hops = 0; id && hops < 50; hops++) {
    const r = reports.report(id);
    if (r) {
      const report = r.report as { mode?: string; redacted?: Record<string, number> };
      return { mode: report.mode ?? 'unknown', found: report.redacted ?? {} };
    }
    id = ws.datasets.getVersion(id)?.parentId ?? null;
  }
  return null;
}

export async function cardFor(
  ws: Workspace,
  run: TrainingRun,
  opts: { evaluation?: EvaluationSummary | null; systemPrompt?: string | null } = {},
): Promise<string> {
  // an imported bundle's card is its author's: it travels on unchanged (unless an evaluation is given to write in)
  const carriedCard = adaptersRepo(ws).origin(run.id)?.model_card;
  if (carriedCard && opts.evaluation === undefined) return carriedCard;
  const project = run.projectId ? ws.projects.get(run.projectId) : undefined;
  const model = run.baseModelId ? ws.models.get(run.baseModelId) : undefined;
  const facts = model ? await readBaseFacts(model.path).catch(() => null) : null;
  const adapter = run.adapterPath ? await readLoraGguf(run.adapterPath).catch(() => null) : null;
  const origin = adaptersRepo(ws).origin(run.id);
  const hashes = run.provenance?.datasetHashes ?? {};
  const settings = run.settings as Record<string, unknown>;
  const input: ModelCardInput = {
    projectName: project?.name ?? 'Adapter',
    domain: project?.domain ?? null,
    base: {
      name: facts?.name ?? null,
      label: model?.label ?? run.baseLabel,
      architecture: facts?.architecture ?? adapter?.architecture ?? 'unknown',
      sha256: run.baseSha256,
      licence: facts?.licence ?? null,
    },
    datasets: run.datasets.map((d) => ({
      versionId: d.versionId,
      sha256: hashes[d.versionId] ?? ws.datasets.getVersion(d.versionId)?.hash ?? '-',
      examples: ws.datasets.getVersion(d.versionId)?.examples ?? null,
    })),
    redaction: run.datasets.map((d) => redactionOf(ws, d.versionId)).find((r) => r !== null) ?? null,
    synthetic: syntheticOf(
      ws,
      run.datasets.map((d) => d.versionId),
    ),
    settings,
    rank: adapter?.pairs[0]?.rank ?? Number(settings['rank'] ?? 0),
    alpha: adapter?.alpha ?? Number(settings['alpha'] ?? 0),
    targets: [...new Set((adapter?.pairs ?? []).map((p) => p.target.replace(/^blk\.\d+\./, '').replace(/\.weight$/, '')))],
    steps: run.steps,
    trainLoss: run.trainLoss,
    valLoss: run.valLoss,
    evaluation: opts.evaluation === undefined ? evaluationFor(ws, run.id) : opts.evaluation,
    systemPrompt: opts.systemPrompt ?? null,
    provenance: run.provenance,
    runId: run.id,
    origin: origin?.kind ?? 'trained',
  };
  return renderModelCard(input);
}
