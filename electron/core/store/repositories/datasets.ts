import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

export type DatasetKind = 'chat' | 'text';
export type SplitLabel = 'train' | 'validation' | 'test';

export interface DatasetRecord {
  id: string;
  projectId: string;
  name: string;
  kind: DatasetKind;
  createdAt: string;
}

export interface DatasetVersionRecord {
  id: string;
  datasetId: string;
  parentId: string | null;
  hash: string;
  examples: number;
  /** What made this version: import, clean, split, edit, redact... */
  operation: string;
  /** Operation facts (format, encoding, mapping, filters, seed...), as JSON. */
  details: Record<string, unknown>;
  createdAt: string;
}

export interface MemberRow {
  position: number;
  hash: string;
  kind: DatasetKind;
  body: string;
  split: SplitLabel | null;
}

interface DatasetRow {
  id: string;
  project_id: string;
  name: string;
  kind: string;
  created_at: string;
}
interface VersionRow {
  id: string;
  dataset_id: string;
  parent_id: string | null;
  hash: string;
  examples: number;
  operation: string;
  details: string;
  created_at: string;
}

const toDataset = (r: DatasetRow): DatasetRecord => ({ id: r.id, projectId: r.project_id, name: r.name, kind: r.kind as DatasetKind, createdAt: r.created_at });
const toVersion = (r: VersionRow): DatasetVersionRecord => ({
  id: r.id,
  datasetId: r.dataset_id,
  parentId: r.parent_id,
  hash: r.hash,
  examples: r.examples,
  operation: r.operation,
  details: JSON.parse(r.details) as Record<string, unknown>,
  createdAt: r.created_at,
});

/**
 * Datasets, their immutable versions and the content-addressed examples they list. Writes are meant to run inside
 * the caller's transaction (one per import or operation), so a failure leaves nothing behind.
 */
export class DatasetsRepository {
  private readonly insertDataset: Statement<[DatasetRow]>;
  private readonly getDatasetStmt: Statement<[string], DatasetRow>;
  private readonly listDatasetsStmt: Statement<[string], DatasetRow>;
  private readonly insertExample: Statement<[{ hash: string; kind: string; body: string; created_at: string }]>;
  private readonly exampleIdStmt: Statement<[string], { id: number }>;
  private readonly insertVersion: Statement<[VersionRow & { complete: number }]>;
  private readonly completeStmt: Statement<[string]>;
  private readonly dropIncompleteStmt: Statement<[string]>;
  private readonly staleIncompleteStmt: Statement<[string], { id: string }>;
  private readonly dropEmptyDatasetsStmt: Statement<[]>;
  private readonly getVersionStmt: Statement<[string], VersionRow>;
  private readonly listVersionsStmt: Statement<[string], VersionRow>;
  private readonly insertMember: Statement<[{ version_id: string; position: number; example_id: number; split: string | null }]>;
  private readonly membersStmt: Statement<[string], MemberRow>;
  private readonly pageStmt: Statement<[string, number, number], MemberRow>;
  private readonly orphanExamples: Statement<[]>;

  constructor(private readonly db: Database) {
    this.insertDataset = db.prepare('INSERT INTO datasets (id, project_id, name, kind, created_at) VALUES (@id, @project_id, @name, @kind, @created_at)');
    // A dataset whose only version is an import still being written does not exist yet for readers.
    const visible = 'EXISTS (SELECT 1 FROM dataset_versions v WHERE v.dataset_id = datasets.id AND v.complete = 1)';
    this.getDatasetStmt = db.prepare(`SELECT * FROM datasets WHERE id = ? AND ${visible}`);
    this.listDatasetsStmt = db.prepare(`SELECT * FROM datasets WHERE project_id = ? AND ${visible} ORDER BY created_at, rowid`);
    this.insertExample = db.prepare('INSERT OR IGNORE INTO examples (hash, kind, body, created_at) VALUES (@hash, @kind, @body, @created_at)');
    this.exampleIdStmt = db.prepare('SELECT id FROM examples WHERE hash = ?');
    this.insertVersion = db.prepare(
      'INSERT INTO dataset_versions (id, dataset_id, parent_id, hash, examples, operation, details, created_at, complete) VALUES (@id, @dataset_id, @parent_id, @hash, @examples, @operation, @details, @created_at, @complete)',
    );
    this.getVersionStmt = db.prepare('SELECT * FROM dataset_versions WHERE id = ? AND complete = 1');
    this.listVersionsStmt = db.prepare('SELECT * FROM dataset_versions WHERE dataset_id = ? AND complete = 1 ORDER BY created_at, rowid');
    this.completeStmt = db.prepare('UPDATE dataset_versions SET complete = 1 WHERE id = ? AND complete = 0');
    this.dropIncompleteStmt = db.prepare('DELETE FROM dataset_versions WHERE id = ? AND complete = 0');
    this.staleIncompleteStmt = db.prepare('SELECT id FROM dataset_versions WHERE complete = 0 AND created_at < ?');
    this.dropEmptyDatasetsStmt = db.prepare('DELETE FROM datasets WHERE NOT EXISTS (SELECT 1 FROM dataset_versions v WHERE v.dataset_id = datasets.id)');
    this.insertMember = db.prepare(
      'INSERT INTO dataset_members (version_id, position, example_id, split) VALUES (@version_id, @position, @example_id, @split)',
    );
    this.membersStmt = db.prepare(
      'SELECT m.position AS position, e.hash AS hash, e.kind AS kind, e.body AS body, m.split AS split FROM dataset_members m JOIN examples e ON e.id = m.example_id WHERE m.version_id = ? ORDER BY m.position',
    );
    this.pageStmt = db.prepare(
      'SELECT m.position AS position, e.hash AS hash, e.kind AS kind, e.body AS body, m.split AS split FROM dataset_members m JOIN examples e ON e.id = m.example_id WHERE m.version_id = ? AND m.position >= ? ORDER BY m.position LIMIT ?',
    );
    this.orphanExamples = db.prepare('DELETE FROM examples WHERE NOT EXISTS (SELECT 1 FROM dataset_members m WHERE m.example_id = examples.id)');
  }

  createDataset(d: DatasetRecord): void {
    this.insertDataset.run({ id: d.id, project_id: d.projectId, name: d.name, kind: d.kind, created_at: d.createdAt });
  }

  getDataset(id: string): DatasetRecord | undefined {
    const row = this.getDatasetStmt.get(id);
    return row ? toDataset(row) : undefined;
  }

  listDatasets(projectId: string): DatasetRecord[] {
    return this.listDatasetsStmt.all(projectId).map(toDataset);
  }

  /** Stores an example once (by hash) and returns its row id, whether it was new or already known. */
  putExample(hash: string, kind: DatasetKind, body: string, at: string): number {
    const inserted = this.insertExample.run({ hash, kind, body, created_at: at });
    if (inserted.changes === 1) return Number(inserted.lastInsertRowid);
    return this.exampleIdStmt.get(hash)!.id;
  }

  exampleId(hash: string): number | undefined {
    return this.exampleIdStmt.get(hash)?.id;
  }

  /**
   * The version row must be written before its members (foreign key); its hash is computed by the caller.
   * `complete: false` (a batched import) keeps it hidden until completeVersion() in the batch that ends it.
   */
  createVersion(v: DatasetVersionRecord, complete = true): void {
    this.insertVersion.run({
      id: v.id,
      dataset_id: v.datasetId,
      parent_id: v.parentId,
      hash: v.hash,
      examples: v.examples,
      operation: v.operation,
      details: JSON.stringify(v.details),
      created_at: v.createdAt,
      complete: complete ? 1 : 0,
    });
  }

  completeVersion(id: string): void {
    if (this.completeStmt.run(id).changes !== 1) throw new Error(`Version ${id} is not an incomplete import`);
  }

  /** Removes an import that did not finish (members cascade) and a dataset left with no version. */
  dropIncomplete(id: string): void {
    this.dropIncompleteStmt.run(id);
    this.dropEmptyDatasetsStmt.run();
  }

  /** Imports left incomplete by a crash: only old ones, since another process may be writing a recent one. */
  staleIncomplete(createdBefore: string): string[] {
    return this.staleIncompleteStmt.all(createdBefore).map((r) => r.id);
  }

  addMember(versionId: string, position: number, exampleId: number, split: SplitLabel | null): void {
    this.insertMember.run({ version_id: versionId, position, example_id: exampleId, split });
  }

  /** Bytes of the version's examples as stored (about the size of an export of it). */
  versionBytes(versionId: string): number {
    const row = this.db
      .prepare('SELECT COALESCE(SUM(LENGTH(e.body)), 0) AS n FROM dataset_members m JOIN examples e ON e.id = m.example_id WHERE m.version_id = ?')
      .get(versionId) as { n: number };
    return row.n;
  }

  getVersion(id: string): DatasetVersionRecord | undefined {
    const row = this.getVersionStmt.get(id);
    return row ? toVersion(row) : undefined;
  }

  listVersions(datasetId: string): DatasetVersionRecord[] {
    return this.listVersionsStmt.all(datasetId).map(toVersion);
  }

  /** Members in order, streamed from SQLite so exporting a huge version does not load it whole. */
  iterateMembers(versionId: string): IterableIterator<MemberRow> {
    return this.membersStmt.iterate(versionId);
  }

  /** A page of members from `fromPosition` on: lets async code walk a version without holding a statement open. */
  membersPage(versionId: string, fromPosition: number, limit: number): MemberRow[] {
    return this.pageStmt.all(versionId, fromPosition, limit);
  }

  /** Removes examples no version lists any more (after a project or dataset was deleted). Returns how many. */
  collectOrphanExamples(): number {
    return this.orphanExamples.run().changes;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
