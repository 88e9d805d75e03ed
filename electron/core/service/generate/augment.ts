// generate:augment: variations of a version's questions (rewording, register, typos), each keeping its answer, as
// pending suggestions. Only training examples (or those of a version not split yet) are varied: a variation of a test
// question in training would teach the test. Copies of questions the project already asks are left out, and the
// leakage check runs again on the version an accept commits (inbox/commit.ts).
import type { z } from 'zod';
import { FieldtuneError } from '../../../contract/errors.js';
import { writingPhase, type AugmentInput } from '../../../contract/generate.js';
import type { JobOf } from '../../../contract/jobs.js';
import { exampleHash, isSample } from '../../data/example.js';
import { generateVariations, type VariationSource } from '../../data/generate/generateVariations.js';
import { VARIATION_TEMPLATE } from '../../data/generate/templates.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';
import { requireVersion, toMember } from '../datasets/versions.js';
import { knownQuestions } from './known.js';
import { openLlamaWriter, requireChatModel, type OpenWriter } from './model.js';
import { withSuggestions, type GeneratedSuggestion } from './suggest.js';
import type { BaseModel } from '../../../contract/domain.js';
import type { Variation } from '../../data/generate/generateVariations.js';

type Input = z.output<typeof AugmentInput>;

/** The examples a variation may come from: a question, then its answer, never from the test or validation part. */
function sourcesOf(ws: Workspace, versionId: string, limit: number): VariationSource[] {
  const out: VariationSource[] = [];
  for (const row of ws.datasets.iterateMembers(versionId)) {
    if (out.length >= limit) break;
    const m = toMember(row);
    if (m.split === 'test' || m.split === 'validation' || !isSample(m.example)) continue;
    const messages = m.example.messages;
    const last = messages.at(-1);
    const question = messages.at(-2);
    if (last?.role !== 'assistant' || question?.role !== 'user' || !question.content.trim()) continue;
    out.push({ hash: exampleHash(m.example), before: messages.slice(0, -2), question: question.content, answer: last.content });
  }
  return out;
}

export async function startAugmentation(ws: Workspace, input: Input, open: OpenWriter = openLlamaWriter): Promise<JobOf<'data.generate'>> {
  requireProject(ws, input.projectId);
  const version = requireVersion(ws, input.versionId);
  const dataset = ws.datasets.listDatasets(input.projectId).find((d) => d.id === version.datasetId);
  if (!dataset) throw new FieldtuneError('NOT_FOUND', 'That version belongs to another project.');
  if (dataset.kind !== 'chat') throw new FieldtuneError('INVALID_INPUT', `'${dataset.name}' holds plain text; variations need questions and answers.`);
  const sources = sourcesOf(ws, version.id, input.limit);
  if (sources.length === 0) {
    throw new FieldtuneError('INVALID_INPUT', 'This version has no training question with an answer to vary (test and validation examples are never used).', {
      details: { reason: 'noSources' },
    });
  }
  const model = await requireChatModel(ws, input.modelId);
  return ws.jobs.start({ kind: 'data.generate', projectId: input.projectId, params: { mode: 'augment', ...input } }, async (ctx) => {
    ctx.onProgress({ phase: 'Loading the model', current: 0, total: null });
    const writer = await open(model.path);
    try {
      return await withSuggestions(ws, input.projectId, 'augment', ctx.jobId, async (store) => {
        const { variations, duplicates, empty } = await generateVariations(writer.generator, sources, input.kinds, {
          maxNewTokens: input.maxNewTokens,
          known: knownQuestions(ws, input.projectId),
          signal: ctx.signal,
          onProgress: (current, total) => ctx.onProgress({ phase: writingPhase('Writing variations', store.stored), current, total }),
          onVariations: (done) => store.add(done.map((v) => suggestionOf(v, model))),
        });
        return { mode: 'augment' as const, inputs: sources.length, suggested: variations.length, duplicates, empty, unreadable: [] };
      });
    } finally {
      await writer.dispose();
    }
  });
}

function suggestionOf(v: Variation, model: BaseModel): GeneratedSuggestion {
  return {
    prompt: [...v.from.before, { role: 'user', content: v.question }],
    answer: v.from.answer,
    answerLabel: 'The answer in your data',
    provenance: {
      synthetic: true,
      kind: v.kind,
      model: model.sha256,
      modelLabel: model.label,
      template: VARIATION_TEMPLATE.name,
      templateHash: VARIATION_TEMPLATE.hash,
      passageHash: null,
      passage: null,
      source: null,
      fromExample: v.from.hash,
    },
  };
}
