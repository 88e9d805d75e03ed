import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { BaseModel } from '../../../contract/domain.js';

interface ModelRow {
  id: string;
  path: string;
  size_bytes: number;
  sha256: string;
  label: string;
  is_demo: number;
  metadata: string;
  added_at: string;
}

function toModel(row: ModelRow): BaseModel {
  return {
    id: row.id,
    path: row.path,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    label: row.label,
    isDemo: row.is_demo === 1,
    metadata: JSON.parse(row.metadata) as BaseModel['metadata'],
    addedAt: row.added_at,
  };
}

/** Base models stay where the user keeps them; only path, size and fingerprint are recorded. */
export class ModelsRepository {
  private readonly listStmt: Statement<[], ModelRow>;
  private readonly getStmt: Statement<[string], ModelRow>;
  private readonly byPathStmt: Statement<[string], ModelRow>;
  private readonly upsertStmt: Statement<[ModelRow]>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(db: Database) {
    this.listStmt = db.prepare('SELECT * FROM base_models ORDER BY added_at, rowid');
    this.getStmt = db.prepare('SELECT * FROM base_models WHERE id = ?');
    this.byPathStmt = db.prepare('SELECT * FROM base_models WHERE path = ?');
    // Re-registering a path refreshes its fingerprint (the file may have been replaced) but keeps its id.
    this.upsertStmt = db.prepare(`
      INSERT INTO base_models (id, path, size_bytes, sha256, label, is_demo, metadata, added_at)
      VALUES (@id, @path, @size_bytes, @sha256, @label, @is_demo, @metadata, @added_at)
      ON CONFLICT(path) DO UPDATE SET size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
        label = excluded.label, metadata = excluded.metadata`);
    this.deleteStmt = db.prepare('DELETE FROM base_models WHERE id = ?');
  }

  list(): BaseModel[] {
    return this.listStmt.all().map(toModel);
  }

  get(id: string): BaseModel | undefined {
    const row = this.getStmt.get(id);
    return row ? toModel(row) : undefined;
  }

  byPath(path: string): BaseModel | undefined {
    const row = this.byPathStmt.get(path);
    return row ? toModel(row) : undefined;
  }

  upsert(model: BaseModel): BaseModel {
    this.upsertStmt.run({
      id: model.id,
      path: model.path,
      size_bytes: model.sizeBytes,
      sha256: model.sha256,
      label: model.label,
      is_demo: model.isDemo ? 1 : 0,
      metadata: JSON.stringify(model.metadata),
      added_at: model.addedAt,
    });
    const stored = this.byPath(model.path);
    if (!stored) throw new Error(`Model row for ${model.path} vanished after insert`);
    return stored;
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
