// The model card of a run: facts gathered from the workspace, rendered by the engine (core/export/modelCard.ts).
import type { EvaluationSummary } from '../../../contract/adapters.js';
import type { TrainingRun } from '../../../contract/train.js';
import { readBaseFacts } from '../../export/baseFacts.js';
import { renderModelCard, type ModelCardInput } from '../../export/modelCard.js';
import { readLoraGguf } from '../../export/loraGguf.js';
import { RedactionRepository } from '../../store/repositories/redaction.js';
import type { Workspace } from '../../workspace.js';
import { adaptersRepo } from './repo.js';

/**
 * The stored evaluation of a run, once the Evaluate step keeps them (helper "eval", migration 008). Until that lands
 * it returns the summary an imported bundle carried, else null; THE LEAD WIRES the evaluations lookup here.
 */
export function evaluationFor(ws: Workspace, runId: string): EvaluationSummary | null {
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
