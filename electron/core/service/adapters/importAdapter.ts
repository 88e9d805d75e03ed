// `adapters:import`: a share bundle (.ftadapter) or a PEFT folder becomes a run of a project (a training_runs row with
// status 'succeeded', its adapter blob, and an adapter_origins row saying where it came from), so it is evaluated,
// played with, exported and shared like a run trained here. Everything is checked before anything is written.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ImportedAdapter } from '../../../contract/adapters.js';
import { DomainTemplate, type BaseModel } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { ParsedInput } from '../../../contract/requests.js';
import { resolveUserPath } from '../../data/userPath.js';
import { writeFileAtomic } from '../../disk/atomicWrite.js';
import { makeScratchDir } from '../../disk/scratch.js';
import { readBaseFacts } from '../../export/baseFacts.js';
import { openBundle } from '../../export/bundle.js';
import { writeLoraGguf } from '../../export/loraGguf.js';
import { readPeftFolder } from '../../export/peftFiles.js';
import { showFingerprint } from '../../export/seal.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../../export/zipSafe.js';
import type { Workspace } from '../../workspace.js';
import { createProject } from '../projects/projects.js';
import { runDirOf } from '../train/runs.js';
import { adaptersRepo } from './repo.js';

type ImportInput = ParsedInput<'adapters:import'>;

/** Tests lower these to build small zip bombs; the app uses the defaults. */
export const importLimits: { zip: ZipLimits } = { zip: DEFAULT_ZIP_LIMITS };

function findBase(ws: Workspace, ref: string): BaseModel {
  const byId = ws.models.get(ref);
  if (byId) return byId;
  const byPath = ws.models.byPath(resolveUserPath(ref).path);
  if (byPath) return byPath;
  throw new FieldtuneError('NOT_FOUND', `No registered base model has the id or path ${ref}. Register the model first.`, { details: { base: ref } });
}

function findProject(ws: Workspace, ref: string) {
  const projects = ws.projects.list();
  const key = ref.trim().toLocaleLowerCase();
  return projects.find((p) => p.id === ref) ?? projects.find((p) => p.name === ref) ?? projects.find((p) => p.name.trim().toLocaleLowerCase() === key);
}

export async function importAdapter(ws: Workspace, input: ImportInput): Promise<ImportedAdapter> {
  const path = resolveUserPath(input.path).path;
  const info = (() => {
    try {
      return statSync(path);
    } catch {
      throw new FieldtuneError('INVALID_INPUT', `Nothing to import at ${path}.`);
    }
  })();
  return info.isDirectory() ? importPeftFolder(ws, path, input) : importBundle(ws, path, input);
}

async function importBundle(ws: Workspace, path: string, input: ImportInput): Promise<ImportedAdapter> {
  const opened = await openBundle(path, input.passphrase, importLimits.zip);
  const { manifest } = opened;
  const repo = adaptersRepo(ws);
  // the workspace's own key is looked up, never created here: a refused import writes nothing
  const ownFingerprint = repo.keys().find((k) => k.status === 'own')?.fingerprint;
  const known = repo.key(opened.signerFingerprint);
  if (known?.status === 'revoked') {
    throw new FieldtuneError(
      'INVALID_INPUT',
      `The bundle is signed by a revoked key (${showFingerprint(opened.signerFingerprint)}); it was refused and nothing was written.`,
      {
        details: { fingerprint: opened.signerFingerprint },
      },
    );
  }
  const candidates = ws.models.list().filter((m) => m.sha256 === manifest.base.sha256);
  let base: BaseModel | undefined = candidates[0];
  if (input.base !== undefined) {
    const named = findBase(ws, input.base);
    if (named.sha256 !== manifest.base.sha256) {
      throw new FieldtuneError(
        'INVALID_INPUT',
        `This adapter was made for ${manifest.base.name ?? 'another model'} (${manifest.base.architecture}, sha256 ${manifest.base.sha256.slice(0, 12)}…), but the base you named, ${named.label}, has sha256 ${named.sha256.slice(0, 12)}…. An adapter only works on the exact model it was trained on; nothing was written.`,
        { details: { expected: manifest.base.sha256, got: named.sha256 } },
      );
    }
    base = named;
  }
  if (!base) {
    throw new FieldtuneError(
      'INVALID_INPUT',
      `This adapter needs the base model ${manifest.base.name ?? ''} (${manifest.base.architecture}, sha256 ${manifest.base.sha256.slice(0, 12)}…), and no registered model has that fingerprint. Register that exact model first; nothing was written.`,
      { details: { expected: manifest.base.sha256 } },
    );
  }
  const status = opened.signerFingerprint === ownFingerprint ? 'own' : known?.status === 'trusted' ? 'trusted' : 'unknown';
  const notes =
    status === 'unknown'
      ? [
          `Signed by a key this workspace does not know yet: ${showFingerprint(opened.signerFingerprint)}. Trust it once you have checked the fingerprint with the sender.`,
        ]
      : [];
  return record(ws, {
    kind: 'bundle',
    source: path,
    base,
    adapter: opened.adapter,
    projectRef: input.project ?? manifest.project.name,
    domain: manifest.project.domain,
    settings: manifest.hyperparameters,
    datasets: manifest.datasets,
    provenance: manifest.run.provenance,
    manifest: JSON.stringify(manifest),
    card: opened.card,
    evaluation: manifest.evaluation,
    signer: { fingerprint: opened.signerFingerprint, shown: showFingerprint(opened.signerFingerprint), status, publicKey: opened.signerPublicKey },
    notes,
  });
}

async function importPeftFolder(ws: Workspace, dir: string, input: ImportInput): Promise<ImportedAdapter> {
  let base: BaseModel;
  if (input.base !== undefined) base = findBase(ws, input.base);
  else {
    const models = ws.models.list();
    if (models.length !== 1)
      throw new FieldtuneError('INVALID_INPUT', 'Name the GGUF base model this PEFT adapter belongs to (it cannot be told from the adapter).', {
        details: { registered: models.length },
      });
    base = models[0]!;
  }
  if (!input.project) throw new FieldtuneError('INVALID_INPUT', 'Name the project the imported adapter joins.');
  const { adapter, config } = await readPeftFolder(dir, await readBaseFacts(base.path));
  // the converted adapter is written plain for a moment: in an encrypted workspace, in its private scratch folder
  const tmp = ws.encryptionKey ? join(makeScratchDir(ws.dir), 'import.gguf') : join(ws.filesDir, `import-${randomUUID()}.gguf`);
  try {
    await writeLoraGguf(tmp, adapter);
    const bytes = await import('node:fs/promises').then((fs) => fs.readFile(tmp));
    return await record(ws, {
      kind: 'peft',
      source: dir,
      base,
      adapter: bytes,
      projectRef: input.project,
      domain: null,
      settings: { rank: adapter.pairs[0]?.rank ?? 1, alpha: adapter.alpha },
      datasets: [],
      provenance: null,
      manifest: JSON.stringify({ peftConfig: config }),
      card: null,
      evaluation: null,
      signer: null,
      notes: [],
    });
  } finally {
    await rm(ws.encryptionKey ? dirname(tmp) : tmp, { recursive: true, force: true });
  }
}

interface Recorded {
  kind: 'peft' | 'bundle';
  source: string;
  base: BaseModel;
  adapter: Buffer;
  projectRef: string;
  domain: string | null;
  settings: Record<string, unknown>;
  datasets: { versionId: string; sha256: string }[];
  provenance: unknown;
  manifest: string;
  card: string | null;
  evaluation: ImportedAdapter['evaluation'];
  signer: (NonNullable<ImportedAdapter['signer']> & { publicKey: string }) | null;
  notes: string[];
}

/** The only place an import writes: the blob and run folder first, then every row in one transaction. */
async function record(ws: Workspace, r: Recorded): Promise<ImportedAdapter> {
  const existing = findProject(ws, r.projectRef);
  const name = r.projectRef.trim();
  // checked before anything is written, as createProject would check it inside the transaction
  if (!existing && (name.length === 0 || name.length > 120)) {
    throw new FieldtuneError('INVALID_INPUT', 'The project to add the adapter to needs a name of 1 to 120 characters; nothing was written.');
  }
  const runId = randomUUID();
  const blob = await ws.blobs.put(r.adapter);
  const runDir = runDirOf(ws, runId);
  await mkdir(runDir, { recursive: true });
  writeFileAtomic(join(runDir, 'adapter.gguf'), r.adapter); // encrypted in an encrypted workspace
  const repo = adaptersRepo(ws);
  const domain = DomainTemplate.safeParse(r.domain).data ?? 'general';
  let created = false;
  const write = ws.db.transaction(() => {
    const project = existing ?? ((created = true), createProject(ws, name, domain));
    ws.blobs.reference(project.id, blob.sha256, 'adapter');
    ws.trainingRuns.create({
      id: runId,
      projectId: project.id,
      jobId: null,
      baseSha256: r.base.sha256,
      trainSha256: blob.sha256,
      valSha256: null,
      settings: r.settings,
      inputs: { baseModelId: r.base.id, datasets: [], preset: null, continueFrom: null, replay: null, provenance: r.provenance ?? undefined },
    });
    const done = {
      type: 'done',
      adapterPath: join(runDir, 'adapter.gguf'),
      steps: 0,
      tokensTrained: 0,
      trainLoss: null,
      valLoss: null,
      droppedSamples: 0,
      seconds: 0,
      stoppedEarly: false,
    } as const;
    ws.trainingRuns.record(runId, done);
    ws.trainingRuns.setAdapter(runId, blob.sha256);
    repo.addOrigin({
      run_id: runId,
      kind: r.kind,
      source: r.source,
      signer_fingerprint: r.signer?.fingerprint ?? null,
      manifest: r.manifest,
      model_card: r.card,
      evaluation: r.evaluation ? JSON.stringify(r.evaluation) : null,
      imported_at: new Date().toISOString(),
    });
    if (r.signer && r.signer.status === 'unknown' && !repo.key(r.signer.fingerprint)) repo.putKey(r.signer.fingerprint, r.signer.publicKey, 'seen', null);
    ws.audit.append({
      actor: 'user',
      action: `adapters.import.${r.kind}`,
      subject: runId,
      hashAfter: blob.sha256,
      details: { projectId: project.id, source: r.source, base: r.base.sha256, signer: r.signer?.fingerprint ?? null },
    });
    return project;
  });
  let project;
  try {
    project = write();
  } catch (error) {
    // the transaction rolled back; the run folder goes too (the blob file, if new, is an orphan the next clean-up removes)
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  return {
    runId,
    projectId: project.id,
    projectName: project.name,
    projectCreated: created,
    baseModelId: r.base.id,
    kind: r.kind,
    adapterSha256: blob.sha256,
    signer: r.signer ? { fingerprint: r.signer.fingerprint, shown: r.signer.shown, status: r.signer.status } : null,
    evaluation: r.evaluation,
    notes: r.notes,
  };
}
