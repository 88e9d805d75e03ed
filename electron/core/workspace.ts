import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Job } from '../contract/jobs.js';
import type { EventEnvelope } from '../contract/wire.js';
import { FieldtuneError } from '../contract/errors.js';
import { JobManager } from './jobs/jobManager.js';
import { BlobStore } from './store/blobStore.js';
import { openDatabase } from './store/database.js';
import { AuditRepository } from './store/repositories/audit.js';
import { DatasetsRepository } from './store/repositories/datasets.js';
import { InboxRepository } from './store/repositories/inbox.js';
import { ReviewRepository } from './store/repositories/review.js';
import { JobsRepository } from './store/repositories/jobs.js';
import { ModelsRepository } from './store/repositories/models.js';
import { ModelFingerprintsRepository } from './store/repositories/modelFingerprints.js';
import { ProjectsRepository } from './store/repositories/projects.js';
import { TrainingRunsRepository } from './store/repositories/trainingRuns.js';
import { sweepStaleTemps, writeFileAtomic } from './disk/atomicWrite.js';
import { decryptBytes, isEncryptedBytes, unregisterEncryptedRoot } from './disk/encryption.js';
import { markOpen } from './disk/openMarks.js';
import { makeScratchDir, removeScratch, sweepScratch } from './disk/scratch.js';
import { rescueCheckpoint } from './train/rescueCheckpoint.js';
import { sweepStaleStaging } from './data/stageImport.js';
import { unlockWorkspace } from './store/workspaceEncryption.js';
import { auditChainMarker, KEY_DIR, loadOrCreateWorkspaceKey, type WorkspaceKey } from './store/workspaceKey.js';

export const DATABASE_FILE = 'fieldtune.db';

/** The OS's per-user data folder, where a workspace lives unless --workspace or FIELDTUNE_WORKSPACE says otherwise. */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env['FIELDTUNE_WORKSPACE']) return resolve(env['FIELDTUNE_WORKSPACE']);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Fieldtune', 'workspace');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Fieldtune', 'workspace');
  return join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'fieldtune', 'workspace');
}

export interface Workspace {
  readonly dir: string;
  readonly db: Database;
  readonly projects: ProjectsRepository;
  readonly models: ModelsRepository;
  readonly modelFingerprints: ModelFingerprintsRepository;
  readonly audit: AuditRepository;
  readonly datasets: DatasetsRepository;
  readonly blobs: BlobStore;
  readonly jobs: JobManager;
  readonly trainingRuns: TrainingRunsRepository;
  /** The candidate inbox and blinded reviews (issue 14). */
  readonly inbox: InboxRepository;
  readonly reviews: ReviewRepository;
  /** Where generated files the workspace owns (the demo model, adapters) are written. */
  readonly filesDir: string;
  /** The data key when the workspace is encrypted (disk/encryption.ts): worker threads get it to open the database. */
  readonly encryptionKey: Buffer | undefined;
  /**
   * A path a program that cannot decrypt (node-llama-cpp loading an adapter, the GGUF reader) can open: the file itself
   * when it is plain, else a decrypted copy in the workspace's scratch folder (disk/scratch.ts), which is deleted when
   * the workspace closes (and swept at the next open after a crash).
   */
  plainCopy(path: string): string;
  /** Pushes an event to every connected host (the core forwards it; tests may listen directly). */
  publish(event: EventEnvelope): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The passphrase of an encrypted workspace (ignored for a plain one). */
  passphrase?: string | undefined;
}

export function openWorkspace(
  dir: string,
  publishJob: (job: Job) => void = () => {},
  publishEvent: (event: EventEnvelope) => void = () => {},
  options: OpenOptions = {},
): Workspace {
  const root = resolve(dir);
  // first of all: a wrong passphrase is refused before any file of the workspace is created, swept or opened
  const encryptionKey = unlockWorkspace(root, options.passphrase);
  try {
    mkdirSync(join(root, 'blobs'), { recursive: true });
    mkdirSync(join(root, 'files'), { recursive: true });
  } catch (error) {
    throw new FieldtuneError('INVALID_INPUT', `Cannot create the workspace folder ${root}: ${(error as Error).message}`);
  }
  // unfinished writes of processes that died (a crash, a kill) are removed; a live writer's are left alone
  for (const folder of ['blobs', 'files', KEY_DIR, 'private']) sweepStaleTemps(join(root, folder));
  // the workspace folder itself: a database copy or encryption.json an encryption killed midway was writing
  sweepStaleTemps(root, { recursive: false });
  // decrypted copies a dead process left behind (training files, adapters being loaded)
  sweepScratch(root, rescueCheckpoint);
  // rows a dead importer staged in the OS temp folder (a plain workspace stages there)
  sweepStaleStaging();
  let db: Database;
  try {
    db = openDatabase(join(root, DATABASE_FILE), encryptionKey);
  } catch (error) {
    unregisterEncryptedRoot(root);
    throw error;
  }
  // seen by `workspace encrypt`, which must not rewrite the files under an open workspace
  const unmarkOpen = markOpen(root);
  const jobs = new JobManager(new JobsRepository(db), publishJob);
  const trainingRuns = new TrainingRunsRepository(db);
  // like the jobs they ran under: a run still 'running' belonged to a process that is gone
  trainingRuns.markInterrupted();
  let scratch: string | undefined;
  const copies = new Map<string, string>();
  const plainCopy = (path: string): string => {
    if (!encryptionKey) return path;
    const known = copies.get(path);
    if (known && existsSync(known)) return known;
    const bytes = readFileSync(path);
    if (!isEncryptedBytes(bytes)) return path;
    scratch ??= makeScratchDir(root);
    const copy = join(scratch, `${copies.size}-${basename(path)}${extname(path) ? '' : '.gguf'}`);
    writeFileAtomic(copy, decryptBytes(encryptionKey, bytes), { plain: true, mode: 0o600 });
    copies.set(path, copy);
    return copy;
  };
  let key: WorkspaceKey | undefined;
  const audit = new AuditRepository(db, () => (key ??= loadOrCreateWorkspaceKey(root)), auditChainMarker(root));
  audit.ensureSignedHead();
  return {
    dir: root,
    db,
    projects: new ProjectsRepository(db),
    models: new ModelsRepository(db),
    modelFingerprints: new ModelFingerprintsRepository(db),
    audit,
    datasets: new DatasetsRepository(db),
    blobs: new BlobStore(db, join(root, 'blobs')),
    jobs,
    trainingRuns,
    inbox: new InboxRepository(db),
    reviews: new ReviewRepository(db),
    filesDir: join(root, 'files'),
    encryptionKey,
    plainCopy,
    publish: publishEvent,
    async close() {
      await jobs.shutdown();
      db.close();
      if (scratch) removeScratch(scratch);
      unmarkOpen();
      unregisterEncryptedRoot(root);
    },
  };
}

/** What a worker thread needs to open the workspace's database itself (workers/tasks.ts): the file, and the key when encrypted. */
export function databaseSource(ws: Workspace): { databaseFile: string; databaseKey?: string } {
  const databaseFile = join(ws.dir, DATABASE_FILE);
  return ws.encryptionKey ? { databaseFile, databaseKey: ws.encryptionKey.toString('hex') } : { databaseFile };
}
