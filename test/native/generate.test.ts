// Issue 17 items 2 and 3 on the real path: the random-weight demo model through node-llama-cpp writes questions and
// answers from a PDF and variations of a dataset's questions. Random weights write nonsense, so this asserts the
// machinery (every passage is read, every reply is stored as a pending suggestion citing its passage, with the model's
// fingerprint), not quality; also that a passage too long for the real context is refused by name, and that a
// cancelled run writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseModel } from '../../electron/contract/domain.js';
import type { ImportResult, Job } from '../../electron/contract/jobs.js';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';
import { openBundle } from '../../electron/core/export/bundle.js';
import { writePdf } from '../unit/pdfFixture.js';

let dir: string;
let core: Core;
let base: BaseModel;
let projectId: string;
let pdf: string;

const settle = async (job: Job): Promise<Job> => {
  let j = job;
  while (j.status === 'running' || j.status === 'queued') {
    await new Promise((r) => setTimeout(r, 25));
    j = await core.call('jobs:get', { id: j.id });
  }
  return j;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-generate-native-'));
  core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'cli' });
  const model = await writeDemoModel({ out: join(dir, 'base.gguf'), layers: 1, embd: 64, ff: 64, ctx: 512 });
  base = await registerBase(core.ws, model.path);
  projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  pdf = join(dir, 'clinic.pdf');
  await writePdf(pdf, [
    { heading: 'Opening hours', text: 'The clinic opens at eight in the morning and closes at six in the evening on weekdays.' },
    { heading: 'Parking', text: 'Patients park for free in the visitor car park. Staff park behind the building.' },
  ]);
}, 60_000);

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('generation on the demo model (node-llama-cpp)', () => {
  it('writes a question and an answer per passage, stored as suggestions citing their passages', async () => {
    const job = await settle(
      await core.call('generate:questions', { projectId, modelId: base.id, paths: [pdf], questionsPerPassage: 1, passageChars: 1500, maxNewTokens: 8 }),
    );
    expect(job.status, job.error?.message).toBe('succeeded');
    if (job.kind !== 'data.generate' || !job.result) throw new Error('no result');
    expect(job.result.inputs).toBe(2);
    // random weights: a reply may be empty or repeat another; every one is accounted for
    expect(job.result.suggested + job.result.duplicates + job.result.empty).toBeGreaterThanOrEqual(2);
    const items = await core.call('inbox:list', { projectId });
    expect(items).toHaveLength(job.result.suggested);
    for (const item of items) {
      expect(item.source).toBe('documents');
      expect(item.provenance).toMatchObject({ synthetic: true, kind: 'question', model: base.sha256, template: 'fieldtune.questions/1' });
      expect(['The clinic opens at eight', 'Patients park for free'].some((s) => item.provenance!.passage!.startsWith(s))).toBe(true);
    }
  }, 120_000);

  it('refuses a passage longer than the real context, and a cancelled run writes nothing', async () => {
    const before = (await core.call('inbox:list', { projectId })).length;
    const long = join(dir, 'long.md');
    writeFileSync(long, `# Everything\n${'The waiting room is on the left of the reception desk, past the lifts. '.repeat(60)}`);
    const refused = await settle(
      await core.call('generate:questions', { projectId, modelId: base.id, paths: [long], questionsPerPassage: 1, passageChars: 50_000, maxNewTokens: 8 }),
    );
    expect(refused.status).toBe('failed');
    expect(refused.error?.message).toMatch(/1 passage is too long for .* to read with room for its reply \(the first: "Everything" in long\.md\)/);

    const started = await core.call('generate:questions', {
      projectId,
      modelId: base.id,
      paths: [pdf],
      questionsPerPassage: 5,
      passageChars: 1500,
      maxNewTokens: 200,
    });
    await new Promise((r) => setTimeout(r, 300));
    await core.call('jobs:cancel', { id: started.id });
    expect((await settle(started)).status).toBe('cancelled');
    expect(await core.call('inbox:list', { projectId })).toHaveLength(before);
  }, 120_000);

  it('writes variations of a dataset’s questions', async () => {
    const data = join(dir, 'desk.jsonl');
    const qa = (q: string, a: string) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: q },
          { role: 'assistant', content: a },
        ],
      });
    writeFileSync(data, [qa('Where do I park?', 'In the visitor car park.'), qa('When do you open?', 'At eight.')].join('\n'));
    const imported = (await settle(await core.call('datasets:import', { projectId, path: data }))).result as ImportResult;
    const job = await settle(
      await core.call('generate:augment', {
        projectId,
        modelId: base.id,
        versionId: imported.version.id,
        kinds: ['reword', 'typos'],
        limit: 2,
        maxNewTokens: 8,
      }),
    );
    expect(job.status, job.error?.message).toBe('succeeded');
    if (job.kind !== 'data.generate' || !job.result) throw new Error('no result');
    expect(job.result.inputs).toBe(2);
    expect(job.result.suggested + job.result.duplicates + job.result.empty).toBe(4);
    const items = (await core.call('inbox:list', { projectId })).filter((i) => i.source === 'augment');
    expect(items).toHaveLength(job.result.suggested);
    for (const i of items) expect(['In the visitor car park.', 'At eight.']).toContain(i.answer);
  }, 120_000);

  it('accepted ones join a version; a run trained on it shares a bundle whose model card counts them', async () => {
    const items = (await core.call('inbox:list', { projectId })).filter((i) => i.status === 'pending');
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const i of items.slice(0, 2)) await core.call('inbox:decide', { id: i.id, decision: 'accepted', correction: `Checked answer ${i.id}` });
    const datasetId = (await core.call('datasets:list', { projectId }))[0]!.id;
    const version = await core.call('inbox:commit', { projectId, datasetId });
    expect(version.details).toMatchObject({ added: 2, synthetic: 2 });
    const runId = await seedRun(core.ws, base, 'Clinic', 1, [{ versionId: version.id, weight: 1 }]);
    const out = join(dir, 'clinic.ftadapter');
    const job = await settle(await core.call('adapters:export', { runId, format: 'bundle', out }));
    expect(job.status, job.error?.message).toBe('succeeded');
    const { card } = await openBundle(out);
    expect(card).toMatch(/## Generated examples\n\n2 of the examples trained on were written by a local model and accepted by a person \(synthetic: /);
    expect(card).toContain(`(sha256 ${base.sha256})`);
  }, 120_000);
});
