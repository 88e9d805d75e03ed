// The adapters domain through the door, apart from bundles (bundle.test.ts): PEFT export and import as a run,
// refusal of modules the base lacks, promote and rollback, the model card with and without evaluation, the Ollama
// Modelfile, and the training job package checked against Axolotl's documented keys.
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBase, seedRun } from '../../../../test/unit/adapterRun.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import type { BaseModel } from '../../../contract/domain.js';
import { Core } from '../../core.js';
import { writeDemoModel } from '../../demoModel/index.js';
import { readLoraGguf } from '../../export/loraGguf.js';
import { parseModelfile } from '../../export/modelfile.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';

const tmp = tempDir('fieldtune-adapters-');
let core: Core;
let base: BaseModel;
let runId: string;

async function exportRun(format: 'gguf' | 'peft' | 'ollama' | 'job', out: string, extra: Record<string, unknown> = {}, id = runId) {
  const job = await core.call('adapters:export', { runId: id, format, out, ...extra });
  const done = await core.ws.jobs.wait(job.id);
  if (done.status !== 'succeeded' || done.kind !== 'adapter.export') throw new Error(JSON.stringify(done.error));
  return done.result!;
}

beforeAll(async () => {
  const model = await writeDemoModel({ out: join(tmp.dir, 'base.gguf'), layers: 2, embd: 64, heads: 4, headsKv: 2, ff: 64, ctx: 128 });
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  base = await registerBase(core.ws, model.path);
  // a dataset version with a split, so the job package has data to carry
  const project = await core.call('projects:create', { name: 'Legal answers', domain: 'legal' });
  const imported = await core.call('datasets:import', { projectId: project.id, path: join(import.meta.dirname, '../../../../test/fixtures/data/qa.csv') });
  await core.ws.jobs.wait(imported.id);
  const version = (await core.call('datasets:list', { projectId: project.id }))[0]!.versions[0]!;
  const split = await core.call('datasets:split', { versionId: version.id, shares: { train: 0.5, validation: 0.5, test: 0 } });
  runId = await seedRun(core.ws, base, 'Legal answers', 1, [{ versionId: split.version.id, weight: 1 }]);
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('PEFT through the door', () => {
  it('exports a run as PEFT and imports it back as a new run of a project, with the same tensors', async () => {
    const result = await exportRun('peft', join(tmp.dir, 'peft'));
    expect(result.files.map((f) => f.split('/').pop())).toEqual(['adapter_model.safetensors', 'adapter_config.json', 'README.md']);
    const imported = await core.call('adapters:import', { path: join(tmp.dir, 'peft'), base: base.id, project: 'Legal answers' });
    expect(imported).toMatchObject({ kind: 'peft', projectName: 'Legal answers', projectCreated: false, signer: null });
    const original = await readLoraGguf((await core.call('train:run', { id: runId })).run.adapterPath!);
    const back = await readLoraGguf((await core.call('train:run', { id: imported.runId })).run.adapterPath!);
    expect(back.pairs.map((p) => p.target)).toEqual(original.pairs.map((p) => p.target));
    for (const [i, p] of back.pairs.entries()) expect(Math.max(...p.b.map((x, j) => Math.abs(x - original.pairs[i]!.b[j]!)))).toBeLessThan(1e-6);
    expect(core.ws.audit.recent(5).map((a) => a.action)).toContain('adapters.import.peft');
    // a project name that cannot be created is refused before anything is written
    const runs = core.ws.trainingRuns.list().length;
    await expect(core.call('adapters:import', { path: join(tmp.dir, 'peft'), base: base.id, project: 'x'.repeat(200) })).rejects.toThrow(/1 to 120 characters/);
    expect(core.ws.trainingRuns.list().length).toBe(runs);
  });

  it('refuses a PEFT config naming modules the base lacks, writing nothing', async () => {
    const dir = join(tmp.dir, 'peft');
    const config = JSON.parse(await readFile(join(dir, 'adapter_config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'adapter_config.json'), JSON.stringify({ ...config, target_modules: ['q_proj', 'qkv_proj'] }));
    const runs = core.ws.trainingRuns.list().length;
    const blobs = readdirSync(join(core.ws.dir, 'blobs')).length;
    await expect(core.call('adapters:import', { path: dir, base: base.id, project: 'Legal answers' })).rejects.toThrow(
      /targets qkv_proj, but the base model \(llama\) has no fused qkv_proj/,
    );
    expect([core.ws.trainingRuns.list().length, readdirSync(join(core.ws.dir, 'blobs')).length]).toEqual([runs, blobs]);
  });
});

describe('adapter versions', () => {
  it('promotes, promotes a newer one, rolls back, each in the audit log', async () => {
    const projectId = core.ws.projects.list().find((p) => p.name === 'Legal answers')!.id;
    const newer = await seedRun(core.ws, base, 'Legal answers', 2);
    expect((await core.call('adapters:list', { projectId })).currentRunId).toBeNull();
    await core.call('adapters:promote', { runId, note: 'signed off by the partner' });
    let list = await core.call('adapters:promote', { runId: newer });
    expect(list.currentRunId).toBe(newer);
    expect(list.versions.map((v) => [v.version, v.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    list = await core.call('adapters:rollback', { projectId });
    expect(list.currentRunId).toBe(runId);
    await expect(core.call('adapters:rollback', { projectId })).rejects.toThrow(/no earlier adapter/);
    await expect(core.call('adapters:promote', { runId })).rejects.toThrow(/already the current one/);
    expect(list.history.map((h) => h.action)).toEqual(['promote', 'promote', 'rollback']);
    expect(core.ws.audit.recent(10).map((a) => a.action)).toEqual(expect.arrayContaining(['adapters.promote', 'adapters.rollback']));
  });
});

describe('model card', () => {
  it("says 'not evaluated' without an evaluation, and carries the summary and leak check with one", async () => {
    const without = (await core.call('adapters:card', { runId })).markdown;
    expect(without).toMatch(/\*\*Not evaluated\.\*\*/);
    expect(without).toContain(base.sha256);
    expect(without).toMatch(/Seed: 7/);
    const withEval = (
      await core.call('adapters:card', {
        runId,
        evaluation: { summary: 'The tuned model answered 18 of 20 better.', metrics: { winRate: 0.9 }, leakCheck: 'no training answers repeated' },
      })
    ).markdown;
    expect(withEval).not.toMatch(/Not evaluated/);
    expect(withEval).toMatch(/18 of 20 better[\s\S]*winRate: 0.9[\s\S]*Leak check: no training answers repeated/);
  });

  it("takes the run's latest stored evaluation, and says plainly when its leak check failed", async () => {
    const run = (await core.call('train:run', { id: runId })).run;
    evaluationsOf(core.ws).add({
      id: 'eval-for-card',
      projectId: run.projectId,
      runId,
      versionId: run.datasets[0]!.versionId,
      jobId: null,
      createdAt: new Date().toISOString(),
      systems: { base: { tokenF1: 0.21, perplexity: 30 }, tuned: { tokenF1: 0.48, perplexity: 12 } },
      verdict: 'The tuned model scores higher on word overlap than the original (+0.27).',
      leakPassed: false,
      result: {},
    });
    const card = (await core.call('adapters:card', { runId })).markdown;
    expect(card).not.toMatch(/Not evaluated/);
    expect(card).toMatch(/higher on word overlap[\s\S]*tuned\.tokenF1: 0\.48[\s\S]*Leak check: FAILED/);
  });

  it('writes an edited card instead of the generated one', async () => {
    const out = join(tmp.dir, 'edited.gguf');
    await exportRun('gguf', out, { card: '# My own card\n' });
    expect(await readFile(join(tmp.dir, 'edited.MODEL_CARD.md'), 'utf8')).toBe('# My own card\n');
    expect((await readLoraGguf(out)).pairs.length).toBeGreaterThan(0);
    // what is there is not replaced without being asked
    await expect(core.call('adapters:export', { runId, format: 'gguf', out })).rejects.toMatchObject({ code: 'CONFLICT', fix: { setting: 'overwrite' } });
    await exportRun('gguf', out, { overwrite: true });
  });
});

describe('Ollama Modelfile', () => {
  it('names the base and the adapter, converts the chat template to Go syntax and carries the system prompt', async () => {
    const out = join(tmp.dir, 'ollama');
    await exportRun('ollama', out, { systemPrompt: 'Answer as a careful paralegal. Say """ when quoting.' });
    const parsed = parseModelfile(await readFile(join(out, 'Modelfile'), 'utf8'));
    const get = (i: string) => parsed.filter((p) => p.instruction === i).map((p) => p.value);
    expect(get('FROM')).toEqual([base.path]);
    expect(get('ADAPTER')).toEqual(['./adapter.gguf']);
    expect(existsSync(join(out, 'adapter.gguf'))).toBe(true);
    // the demo model's template is Phi-3's: written as Ollama's Go template with its stop token
    expect(get('TEMPLATE')[0]).toContain('<|{{ .Role }}|>');
    expect(get('PARAMETER')).toContain('stop "<|end|>"');
    expect(get('SYSTEM')[0]).toMatch(/^Answer as a careful paralegal\. Say "\u200b"" when quoting\.$/);
    // without one in the request, the project's own system prompt is carried
    const projectId = core.ws.projects.list().find((p) => p.name === 'Legal answers')!.id;
    await core.call('projects:update', { id: projectId, systemPrompt: 'You draft lease summaries.' });
    await exportRun('ollama', join(tmp.dir, 'ollama-project'));
    const again = parseModelfile(await readFile(join(tmp.dir, 'ollama-project', 'Modelfile'), 'utf8'));
    expect(again.find((p) => p.instruction === 'SYSTEM')?.value).toBe('You draft lease summaries.');
    expect(await readFile(join(tmp.dir, 'ollama-project', 'MODEL_CARD.md'), 'utf8')).toContain('You draft lease summaries.');
  });
});

describe('training job package', () => {
  it('needs confirmation, then writes data, an Axolotl config with only documented keys of the documented types, and an audit row', async () => {
    const out = join(tmp.dir, 'job');
    await expect(core.call('adapters:export', { runId, format: 'job', out })).rejects.toThrow(/takes the dataset .* off this machine/);
    expect(existsSync(out)).toBe(false);
    const result = await exportRun('job', out, { confirm: true });
    expect(result.notes.join(' ')).toMatch(/Leaves this machine: .*train examples of version/);
    const fixture = JSON.parse(await readFile(join(import.meta.dirname, '../../../../test/fixtures/axolotl/config-keys.json'), 'utf8')) as {
      keys: Record<string, string[]>;
    };
    const config = Object.fromEntries(
      (await readFile(join(out, 'axolotl.yaml'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), JSON.parse(line.slice(line.indexOf(':') + 1)) as unknown]),
    );
    const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
    for (const [key, value] of Object.entries(config)) {
      const documented = fixture.keys[key];
      expect(documented, `axolotl.yaml key ${key} is not in Axolotl's documented keys`).toBeDefined();
      const t = typeOf(value);
      expect(documented!.includes(t) || (t === 'integer' && documented!.includes('number')), `${key} is ${t}, documented ${documented!.join('|')}`).toBe(true);
    }
    expect(config).toMatchObject({
      adapter: 'lora',
      lora_r: 4,
      lora_alpha: 8,
      num_epochs: 2,
      learning_rate: 0.001,
      train_on_inputs: false,
      seed: 7,
      chat_template: 'jinja',
    });
    expect(config['lora_target_modules']).toEqual(['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj']);
    const datasets = config['datasets'] as { path: string }[];
    expect((await readFile(join(out, datasets[0]!.path), 'utf8')).trim().split('\n').length).toBeGreaterThan(0);
    expect(core.ws.audit.recent(5).map((a) => a.action)).toContain('adapters.job-package');
  });
});
