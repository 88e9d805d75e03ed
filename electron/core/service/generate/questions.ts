// generate:questions: documents -> passages (by headings and length) -> a question and an answer per passage from a
// local chat model -> pending suggestions in the inbox, each citing its passage. Everything a person could get wrong
// (model, files) is checked before the job starts or before the model writes a word, so bad input writes nothing; the
// suggestions are stored group by group as they are finished, so a stopped run keeps what was already written.
import type { z } from 'zod';
import type { BaseModel } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { writingPhase, type GenerateQuestionsInput } from '../../../contract/generate.js';
import type { JobOf } from '../../../contract/jobs.js';
import { documentRecords } from '../../data/documents.js';
import { DataImportError } from '../../data/errors.js';
import { chunkDocument, type Passage } from '../../data/generate/chunk.js';
import { generateQuestions, passagesTooLong } from '../../data/generate/generateQuestions.js';
import { QUESTION_TEMPLATE } from '../../data/generate/templates.js';
import { resolveUserPath } from '../../data/userPath.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';
import { knownQuestions } from './known.js';
import { openLlamaWriter, requireChatModel, type OpenWriter } from './model.js';
import { withSuggestions, type GeneratedSuggestion } from './suggest.js';
import type { GeneratedPair } from '../../data/generate/generateQuestions.js';

type Input = z.output<typeof GenerateQuestionsInput>;

/** The passages of every readable document, and the documents that had no text. */
async function readPassages(paths: readonly string[], maxChars: number, signal: AbortSignal): Promise<{ passages: Passage[]; unreadable: string[] }> {
  const passages: Passage[] = [];
  const unreadable: string[] = [];
  for (const raw of paths) {
    try {
      for await (const r of documentRecords(resolveUserPath(raw).path, { signal })) {
        if ('error' in r) unreadable.push(r.error);
        else passages.push(...chunkDocument(r.document.text, r.source, maxChars));
      }
    } catch (e) {
      if (e instanceof DataImportError) throw new FieldtuneError('INVALID_INPUT', e.message, { details: { reason: 'documents' } });
      throw e;
    }
  }
  return { passages, unreadable };
}

export async function startQuestionGeneration(ws: Workspace, input: Input, open: OpenWriter = openLlamaWriter): Promise<JobOf<'data.generate'>> {
  requireProject(ws, input.projectId);
  const model = await requireChatModel(ws, input.modelId);
  return ws.jobs.start({ kind: 'data.generate', projectId: input.projectId, params: { mode: 'questions', ...input } }, async (ctx) => {
    ctx.onProgress({ phase: 'Reading the documents', current: 0, total: null });
    const { passages, unreadable } = await readPassages(input.paths, input.passageChars, ctx.signal);
    if (passages.length === 0) {
      throw new FieldtuneError(
        'INVALID_INPUT',
        unreadable.length ? `No text to write questions from: ${unreadable.join('; ')}.` : 'The documents hold no passage long enough to ask a question about.',
        { details: { reason: 'noText' } },
      );
    }
    ctx.onProgress({ phase: 'Loading the model', current: 0, total: null });
    const writer = await open(model.path);
    try {
      const long = passagesTooLong(writer.generator, passages, input.maxNewTokens);
      if (long.length > 0) {
        const first = passages[long[0]!]!;
        const where = first.heading ? `"${first.heading}" in ${first.source}` : `a passage of ${first.source}`;
        throw new FieldtuneError(
          'INVALID_INPUT',
          `${long.length} passage${long.length === 1 ? ' is' : 's are'} too long for ${model.label} to read with room for its reply (the first: ${where}). Choose shorter passages or shorter replies, or a model with a longer context.`,
          { details: { reason: 'passageTooLong', passages: long.length } },
        );
      }
      return await withSuggestions(ws, input.projectId, 'documents', ctx.jobId, async (store) => {
        const { pairs, duplicates, empty } = await generateQuestions(writer.generator, passages, {
          perPassage: input.questionsPerPassage,
          maxNewTokens: input.maxNewTokens,
          known: knownQuestions(ws, input.projectId),
          signal: ctx.signal,
          onProgress: (current, total) => ctx.onProgress({ phase: writingPhase('Writing questions and answers', store.stored), current, total }),
          onPairs: (done) => store.add(done.map((p) => suggestionOf(p, model))),
        });
        return { mode: 'questions' as const, inputs: passages.length, suggested: pairs.length, duplicates, empty, unreadable };
      });
    } finally {
      await writer.dispose();
    }
  });
}

function suggestionOf(p: GeneratedPair, model: BaseModel): GeneratedSuggestion {
  return {
    prompt: [{ role: 'user', content: p.question }],
    answer: p.answer,
    answerLabel: `Written by ${model.label}`,
    provenance: {
      synthetic: true,
      kind: 'question',
      model: model.sha256,
      modelLabel: model.label,
      template: QUESTION_TEMPLATE.name,
      templateHash: QUESTION_TEMPLATE.hash,
      passageHash: p.passageHash,
      passage: p.passage.text,
      source: p.passage.heading ? `${p.passage.source}: ${p.passage.heading}` : p.passage.source,
      fromExample: null,
    },
  };
}
