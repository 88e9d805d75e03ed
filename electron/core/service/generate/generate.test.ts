// Issue 17 items 2 and 3 through the service, with a deterministic fake generator: questions from a PDF become
// pending suggestions citing their passages; accepting two and editing one makes a new version whose examples carry
// their provenance (marked synthetic) into the JSONL and CSV exports; variations use training examples only, leave out
// copies, and the leakage check keeps a variation that copies a test example out of training. Bad input (a model
// without a chat template, a document without text, a passage too long for the context) gets its own message and
// leaves the inbox and the datasets as they were.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAKAGE_CHECK } from '../../../contract/inboxRequests.js';
import type { ImportResult, Job, JobOf } from '../../../contract/jobs.js';
import { fakeGenerator } from '../../../../test/unit/fakeGenerator.js';
import { writePdf } from '../../../../test/unit/pdfFixture.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { writeDemoModel } from '../../demoModel/index.js';
import { renderModelCard } from '../../export/modelCard.js';
import { summarizeSynthetic } from '../../data/generate/provenance.js';
import type { Generator } from '../../eval/generator.js';
import { startAugmentation } from './augment.js';
import type { OpenWriter } from './model.js';
import { startQuestionGeneration } from './questions.js';

const tmp = tempDir('fieldtune-generate-');
let core: Core;
let projectId: string;
let datasetId: string;
let splitVersionId: string;
let chatModel: string;
let baseModel: string;
const pdf = join(tmp.dir, 'clinic.pdf');
const scanned = join(tmp.dir, 'scanned.pdf');

const settle = async <J extends Job>(job: J): Promise<J> => {
  let j: Job = job;
  while (j.status === 'running' || j.status === 'queued') {
    await new Promise((r) => setTimeout(r, 20));
    j = await core.call('jobs:get', { id: j.id });
  }
  return j as J;
};
const writerOf =
  (g: Generator): OpenWriter =>
  async () => ({ generator: g, dispose: async () => {} });
const qa = (q: string, a: string) => ({
  messages: [
    { role: 'user', content: q },
    { role: 'assistant', content: a },
  ],
});
const pending = async () => (await core.call('inbox:list', { projectId })).filter((i) => i.status === 'pending');

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  const data = join(tmp.dir, 'desk.jsonl');
  // distinct questions: near copies would be kept together in one split
  const questions = [
    'Can I book a visit online?',
    'Where do I park my car?',
    'Is there wheelchair access at the entrance?',
    'How do I get a repeat prescription?',
    'What should I bring to my first appointment?',
    'Do you offer flu vaccinations this winter?',
    'Who do I call after hours in an emergency?',
    'How long are the waiting times for a blood test?',
    'Can my child see the nurse without me?',
    'Are interpreters available for consultations?',
  ];
  writeFileSync(data, questions.map((q, i) => JSON.stringify(qa(q, `Yes, visit ${i} can be booked.`))).join('\n'));
  const imported = (await settle(await core.call('datasets:import', { projectId, path: data }))).result as ImportResult;
  datasetId = imported.dataset.id;
  splitVersionId = (await core.call('datasets:split', { versionId: imported.version.id, seed: 1, shares: { train: 0.7, validation: 0, test: 0.3 } })).version
    .id;
  const tiny = { layers: 1, embd: 32, heads: 2, ff: 32 };
  await writeDemoModel({ out: join(tmp.dir, 'chat.gguf'), ...tiny });
  await writeDemoModel({ out: join(tmp.dir, 'base.gguf'), vocab: 'llama-spm', ...tiny });
  chatModel = ((await settle(await core.call('models:register', { path: join(tmp.dir, 'chat.gguf'), label: 'Tiny chat' }))) as JobOf<'model.register'>).result!
    .id;
  baseModel = ((await settle(await core.call('models:register', { path: join(tmp.dir, 'base.gguf'), label: 'Tiny base' }))) as JobOf<'model.register'>).result!
    .id;
  await writePdf(pdf, [
    { heading: 'Opening hours', text: 'The clinic opens at eight in the morning and closes at six in the evening on weekdays.' },
    { heading: 'Parking', text: 'Patients park for free in the visitor car park. Staff park behind the building.' },
  ]);
  await writePdf(scanned, []);
}, 60_000);
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('questions from documents', () => {
  const input = { projectId: '', modelId: '', paths: [pdf], questionsPerPassage: 2, passageChars: 1500, maxNewTokens: 64 };

  it('refuses a model that is not a chat model, before any job, with nothing written', async () => {
    // the header fact the model picker greys the base model out by
    expect(core.ws.models.get(chatModel)!.metadata['chatTemplate']).toBe(true);
    expect(core.ws.models.get(baseModel)!.metadata['chatTemplate']).toBe(false);
    await expect(startQuestionGeneration(core.ws, { ...input, projectId, modelId: baseModel }, writerOf(fakeGenerator()))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Tiny base is not a chat model \(its file has no chat template\)/),
    });
    await expect(core.call('generate:questions', { ...input, projectId, modelId: baseModel })).rejects.toThrow(/not a chat model/);
    expect(await core.call('inbox:list', { projectId })).toEqual([]);
  });

  it('says a document has no text, and that a passage is too long for the context; the inbox stays empty', async () => {
    const noText = await settle(
      await startQuestionGeneration(core.ws, { ...input, projectId, modelId: chatModel, paths: [scanned] }, writerOf(fakeGenerator())),
    );
    expect(noText.status).toBe('failed');
    expect(noText.error?.message).toMatch(/scanned\.pdf has no text \(a scanned PDF has no text layer; run it through OCR first\)/);
    const tooLong = await settle(await startQuestionGeneration(core.ws, { ...input, projectId, modelId: chatModel }, writerOf(fakeGenerator(undefined, 300))));
    expect(tooLong.status).toBe('failed');
    expect(tooLong.error?.message).toMatch(
      /2 passages are too long for Tiny chat to read with room for its reply \(the first: "OPENING HOURS" in clinic\.pdf\)/,
    );
    expect(await core.call('inbox:list', { projectId })).toEqual([]);
  });

  it('writes pairs citing their passages; two accepted and one edited join a new version marked synthetic, provenance in the exports', async () => {
    const g = fakeGenerator();
    const job = await settle(await startQuestionGeneration(core.ws, { ...input, projectId, modelId: chatModel, paths: [pdf, scanned] }, writerOf(g)));
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ mode: 'questions', inputs: 2, suggested: 4, duplicates: 0, empty: 0 });
    expect(job.result!.unreadable).toEqual([expect.stringMatching(/scanned\.pdf has no text/)]);
    const items = await pending();
    expect(items).toHaveLength(4);
    const hours = items.find((i) => i.provenance?.source === 'clinic.pdf: OPENING HOURS')!;
    expect(hours.provenance).toMatchObject({
      synthetic: true,
      kind: 'question',
      modelLabel: 'Tiny chat',
      template: 'fieldtune.questions/1',
      passage: 'The clinic opens at eight in the morning and closes at six in the evening on weekdays.',
      fromExample: null,
    });
    expect(hours.provenance!.model).toBe(core.ws.models.get(chatModel)!.sha256);
    expect(hours.provenance!.passageHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hours.answer).toBe('The clinic opens at eight in the morning and closes at six in the evening on weekdays.');

    const [a, b, c, d] = items;
    await core.call('inbox:decide', { id: a!.id, decision: 'accepted' });
    await core.call('inbox:decide', { id: b!.id, decision: 'accepted' });
    await core.call('inbox:decide', { id: c!.id, decision: 'accepted', question: 'When does the clinic open?', correction: 'At eight on weekdays.' });
    await core.call('inbox:decide', { id: d!.id, decision: 'rejected' });
    const version = await core.call('inbox:commit', { projectId, datasetId });
    expect(version.details).toMatchObject({ added: 3, synthetic: 3, leakedLeftOut: 0, split: 'train' });
    const page = await core.call('datasets:examples', { versionId: version.id, offset: 0, limit: 100 });
    const synthetic = page.rows.filter((m) => m.metadata?.['synthetic'] === true);
    expect(synthetic).toHaveLength(3);
    const edited = synthetic.find((m) => m.messages![0]!.content === 'When does the clinic open?')!;
    expect(edited.messages![1]!.content).toBe('At eight on weekdays.');
    expect(edited.split).toBe('train');

    const jsonl = join(tmp.dir, 'out.jsonl');
    const csv = join(tmp.dir, 'out.csv');
    await core.call('datasets:export', { versionId: version.id, format: 'jsonl', outFile: jsonl });
    await core.call('datasets:export', { versionId: version.id, format: 'csv', outFile: csv });
    const exported = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { metadata?: Record<string, unknown> });
    const withProvenance = exported.filter((e) => e.metadata?.['synthetic'] === true);
    expect(withProvenance).toHaveLength(3);
    expect(withProvenance[0]!.metadata).toMatchObject({
      synthetic_kind: 'question',
      synthetic_model: 'Tiny chat',
      synthetic_model_sha256: hours.provenance!.model,
      synthetic_template: 'fieldtune.questions/1',
      synthetic_passage_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      synthetic_source: expect.stringMatching(/^clinic\.pdf: /),
    });
    const header = readFileSync(csv, 'utf8').split('\n')[0]!;
    for (const key of ['synthetic', 'synthetic_model_sha256', 'synthetic_template', 'synthetic_passage_sha256']) expect(header).toContain(key);

    // the model card (and so the share bundle, which carries it) says how many examples were generated, by what
    const card = renderModelCard({
      projectName: 'Clinic',
      domain: null,
      base: { name: null, label: 'x', architecture: 'llama', sha256: 'x', licence: null },
      datasets: [],
      redaction: null,
      synthetic: summarizeSynthetic(synthetic),
      settings: {},
      rank: 8,
      alpha: 16,
      targets: [],
      steps: 1,
      trainLoss: null,
      valLoss: null,
      evaluation: null,
      systemPrompt: null,
      provenance: null,
      runId: 'r',
      origin: 'trained',
    } as Parameters<typeof renderModelCard>[0]);
    expect(card).toContain('3 of the examples trained on were written by a local model and accepted by a person (synthetic: question 3)');
    expect(card).toContain(`Tiny chat (sha256 ${hours.provenance!.model})`);
    expect(card).toContain('fieldtune.questions/1');
  });

  it('leaves out a generated question the data already asks', async () => {
    const g = fakeGenerator((t) => (t.includes('Question:') ? undefined : 'can I book a visit online'));
    const job = await settle(await startQuestionGeneration(core.ws, { ...input, projectId, modelId: chatModel, questionsPerPassage: 1 }, writerOf(g)));
    expect(job.result).toMatchObject({ suggested: 0, duplicates: 2 });
  });

  it('shows each finished group for review while the rest is written, and a stopped run keeps what was finished', async () => {
    // stop the job as soon as the first round (one group: both passages) has its answers
    let jobId = '';
    const phases: string[] = [];
    const inner = fakeGenerator();
    const g: Generator = {
      fits: inner.fits,
      async generate(prompts, o) {
        const out = await inner.generate(prompts, o);
        if (inner.prompts.length === 4) {
          phases.push((await core.call('jobs:get', { id: jobId })).progress.phase);
          void core.call('jobs:cancel', { id: jobId }); // resolves once the job has stopped: not awaited from inside it
        }
        return out;
      },
    };
    const started = await startQuestionGeneration(core.ws, { ...input, projectId, modelId: chatModel }, writerOf(g));
    jobId = started.id;
    const job = await settle(started);
    expect(job.status).toBe('cancelled');
    expect(phases).toEqual(['Writing questions and answers (0 ready for review)']);
    const kept = (await pending()).filter((i) => i.createdAt >= started.createdAt);
    expect(kept.map((i) => i.prompt[0]!.content).sort()).toEqual([
      'What does "Patients park for free" mean, part 1?',
      'What does "The clinic opens at" mean, part 1?',
    ]);
    const [audit] = await core.call('audit:list', { limit: 1, action: 'generate.documents' });
    expect(audit?.details).toMatchObject({ jobId, suggestions: 2, finished: false });
    for (const i of kept) await core.call('inbox:decide', { id: i.id, decision: 'rejected' });
  });
});

describe('variations of existing questions', () => {
  it('varies training examples only, keeps the answer, and keeps a copy of a test example out of training', async () => {
    const members = (await core.call('datasets:examples', { versionId: splitVersionId, offset: 0, limit: 100 })).rows;
    const test = members.filter((m) => m.split === 'test').map((m) => m.messages![0]!.content);
    expect(test.length).toBeGreaterThan(0);
    // the model "rewrites" one training question into a near copy of a test question: exactly the leak to stop
    const leak = `${test[0]} Please.`;
    let planted = false;
    const g = fakeGenerator((t) => {
      if (t.includes('different words') && !planted) {
        planted = true;
        return leak;
      }
      return undefined;
    });
    const job = await settle(
      await startAugmentation(
        core.ws,
        { projectId, modelId: chatModel, versionId: splitVersionId, kinds: ['reword', 'typos'], limit: 50, maxNewTokens: 32 },
        writerOf(g),
      ),
    );
    expect(job.status).toBe('succeeded');
    const train = members.filter((m) => m.split === 'train').length;
    expect(job.result).toMatchObject({ mode: 'augment', inputs: train, suggested: 2 * train, duplicates: 0 });
    for (const q of test) expect(g.prompts.some((p) => p.includes(`Question: ${q}`))).toBe(false);
    const items = (await pending()).filter((i) => i.source === 'augment');
    expect(items).toHaveLength(2 * train);
    const leaked = items.find((i) => i.prompt.at(-1)!.content === leak)!;
    expect(leaked.provenance).toMatchObject({
      kind: 'reword',
      template: 'fieldtune.variations/1',
      passage: null,
      fromExample: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(leaked.answers[0]).toMatchObject({ label: 'The answer in your data', text: expect.stringMatching(/^Yes, visit \d can be booked\.$/) });
    const other = items.find((i) => i.id !== leaked.id)!;
    await core.call('inbox:decide', { id: leaked.id, decision: 'accepted' });
    await core.call('inbox:decide', { id: other.id, decision: 'accepted' });
    const before = (await core.call('datasets:list', { projectId }))[0]!.versions.length;
    const version = await core.call('inbox:commit', { projectId, datasetId });
    expect(version.details).toMatchObject({ added: 1, synthetic: 1, leakedLeftOut: 1 });
    expect((await core.call('datasets:list', { projectId }))[0]!.versions.length).toBe(before + 1);
    // the left-out item is rejected by the leakage check, never marked as added to the new version
    const after = await core.call('inbox:list', { projectId });
    expect(after.find((i) => i.id === leaked.id)).toMatchObject({ status: 'rejected', decidedBy: LEAKAGE_CHECK, committedVersionId: null });
    expect(after.find((i) => i.id === other.id)).toMatchObject({ status: 'committed', committedVersionId: version.id });
    const report = await core.call('datasets:leakage', { versionId: version.id });
    expect(report.leakedEvalItems).toBe(0);
  });

  it('refuses a version with nothing to vary, and a rewritten question on a person’s suggestion', async () => {
    const person = await core.call('inbox:add', {
      projectId,
      source: 'playground',
      prompt: [{ role: 'user', content: 'Hi?' }],
      answers: [{ label: 'A', text: 'Hello.' }],
    });
    await expect(core.call('inbox:decide', { id: person.id, decision: 'accepted', question: 'Hello?' })).rejects.toThrow(/Only a generated suggestion/);
    await expect(
      core.call('inbox:add', {
        projectId,
        source: 'documents' as 'playground',
        prompt: [{ role: 'user', content: 'Hi?' }],
        answers: [{ label: 'A', text: 'x' }],
      }),
    ).rejects.toThrow();
  });
});
