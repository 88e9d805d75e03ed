// eval:start: check everything (run, adapter, base, test split, rules) before a job exists, then evaluate as an
// 'eval.run' job with progress and cancel, and store the evaluation in one transaction at the end: a cancelled or
// failed evaluation leaves nothing half-written.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { EvalRunParams } from '../../../contract/evalJob.js';
import type { JobOf } from '../../../contract/jobs.js';
import type { z } from 'zod';
import { evaluateModel } from '../../eval/evaluateModel.js';
import { jsonChecker } from '../../eval/jsonValidity.js';
import { runProbes, sampleText } from '../../eval/probes/runProbes.js';
import { compileRules } from '../../eval/rules.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';
import type { Workspace } from '../../workspace.js';
import { gatherRunInputs } from './inputs.js';

export type EvalStartParams = z.output<typeof EvalRunParams>;

/** The project's system prompt (the prompting baseline uses it when an example has none of its own). */
function projectSystemPrompt(ws: Workspace, projectId: string | null): string | null {
  const prompt = projectId ? ws.projects.get(projectId)?.systemPrompt : null;
  return prompt?.trim() ? prompt : null;
}

export async function startEvaluation(ws: Workspace, input: EvalStartParams): Promise<JobOf<'eval.run'>> {
  const inputs = await gatherRunInputs(ws, input.runId);
  compileRules(input.rules);
  jsonChecker(input.jsonSchema);
  const { run } = inputs;
  const systemPrompt = input.systemPrompt ?? projectSystemPrompt(ws, run.project_id);
  // one core stays free for the app (and, on a busy machine, two threads fighting over two cores is far slower than one)
  const threads = input.threads ?? Math.max(1, availableParallelism() - 1);
  return ws.jobs.start({ kind: 'eval.run', projectId: run.project_id, params: input }, async (ctx) => {
    const result = await evaluateModel({
      base: inputs.basePath,
      adapter: inputs.adapterPath,
      samples: inputs.test,
      ...(input.baseline ? { baseline: { shots: input.shots, ...(inputs.train.length > 0 ? { shotsFrom: inputs.train } : {}) } } : {}),
      systemPrompt,
      maxNewTokens: input.maxNewTokens,
      threads,
      rules: input.rules,
      ...(input.jsonSchema ? { jsonSchema: input.jsonSchema } : {}),
      expectJson: input.expectJson,
      ...(input.probes
        ? {
            probes: (g, signal) =>
              runProbes(g, {
                samples: inputs.test,
                maxNewTokens: input.maxNewTokens,
                base: inputs.basePath,
                adapter: inputs.adapterPath,
                threads,
                training: { records: inputs.train.map(sampleText), identifiers: inputs.identifiers },
                ...(signal ? { signal } : {}),
                onProgress: (phase) => ctx.onProgress({ phase, current: 0, total: null }),
              }),
          }
        : {}),
      signal: ctx.signal,
      onProgress: (phase, current, total) => ctx.onProgress({ phase, current, total }),
    });
    const id = randomUUID();
    const verdict = result.comparisons.find((c) => c.b === 'tuned' && c.a === 'base')?.verdict ?? result.comparisons[0]?.verdict ?? null;
    const leakPassed = result.probes?.leak ? result.probes.leak.passed : null;
    const repo = evaluationsOf(ws);
    repo.transaction(() => {
      repo.add({
        id,
        projectId: run.project_id,
        runId: run.id,
        versionId: inputs.versionIds[0]!,
        jobId: ctx.jobId,
        createdAt: new Date().toISOString(),
        systems: result.systems,
        verdict,
        leakPassed,
        result,
      });
      ws.audit.append({
        actor: 'user',
        action: 'eval.run',
        subject: run.id,
        details: { evaluationId: id, projectId: run.project_id, examples: result.examples.length, leakPassed },
      });
    });
    return { evaluationId: id, verdict, leakPassed };
  });
}
