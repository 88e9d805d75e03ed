import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { InboxAnswer, InboxSource, InboxStatus } from '../../../contract/inboxRequests.js';
import type { Message } from '../../../contract/domain.js';
import type { Provenance } from '../../../contract/generate.js';

/** An inbox item as stored (the service adds the answer it would contribute). */
export interface InboxRecord {
  id: string;
  projectId: string;
  source: InboxSource;
  runId: string | null;
  prompt: Message[];
  answers: InboxAnswer[];
  choice: number | null;
  correction: string | null;
  rating: 'up' | 'down' | null;
  author: string;
  status: InboxStatus;
  reviewCorrection: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  committedVersionId: string | null;
  createdAt: string;
  provenance: Provenance | null;
  reviewQuestion: string | null;
}

interface InboxRow {
  id: string;
  project_id: string;
  source: string;
  run_id: string | null;
  prompt: string;
  answers: string;
  choice: number | null;
  correction: string | null;
  rating: string | null;
  author: string;
  status: string;
  review_correction: string | null;
  decided_by: string | null;
  decided_at: string | null;
  committed_version_id: string | null;
  created_at: string;
  provenance: string | null;
  review_question: string | null;
}

const toRecord = (r: InboxRow): InboxRecord => ({
  id: r.id,
  projectId: r.project_id,
  source: r.source as InboxSource,
  runId: r.run_id,
  prompt: JSON.parse(r.prompt) as Message[],
  answers: JSON.parse(r.answers) as InboxAnswer[],
  choice: r.choice,
  correction: r.correction,
  rating: r.rating as 'up' | 'down' | null,
  author: r.author,
  status: r.status as InboxStatus,
  reviewCorrection: r.review_correction,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  committedVersionId: r.committed_version_id,
  createdAt: r.created_at,
  provenance: r.provenance === null ? null : (JSON.parse(r.provenance) as Provenance),
  reviewQuestion: r.review_question,
});

/** The candidate inbox of each project (migration 009). */
export class InboxRepository {
  private readonly insertStmt: Statement<[InboxRow]>;
  private readonly getStmt: Statement<[string], InboxRow>;
  private readonly listStmt: Statement<[string], InboxRow>;
  private readonly listByStatusStmt: Statement<[string, string], InboxRow>;
  private readonly decideStmt: Statement<
    [{ id: string; status: string; review_correction: string | null; review_question: string | null; decided_by: string; decided_at: string }]
  >;
  private readonly commitStmt: Statement<[{ id: string; version_id: string }]>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO inbox_items (id, project_id, source, run_id, prompt, answers, choice, correction, rating, author, status, review_correction,
        decided_by, decided_at, committed_version_id, created_at, provenance, review_question)
       VALUES (@id, @project_id, @source, @run_id, @prompt, @answers, @choice, @correction, @rating, @author, @status, @review_correction,
        @decided_by, @decided_at, @committed_version_id, @created_at, @provenance, @review_question)`,
    );
    this.getStmt = db.prepare('SELECT * FROM inbox_items WHERE id = ?');
    this.listStmt = db.prepare('SELECT * FROM inbox_items WHERE project_id = ? ORDER BY created_at DESC, rowid DESC');
    this.listByStatusStmt = db.prepare('SELECT * FROM inbox_items WHERE project_id = ? AND status = ? ORDER BY created_at DESC, rowid DESC');
    // Only an item not yet in a dataset can change its decision.
    this.decideStmt = db.prepare(
      "UPDATE inbox_items SET status = @status, review_correction = @review_correction, review_question = @review_question, decided_by = @decided_by, decided_at = @decided_at WHERE id = @id AND status != 'committed'",
    );
    this.commitStmt = db.prepare("UPDATE inbox_items SET status = 'committed', committed_version_id = @version_id WHERE id = @id AND status = 'accepted'");
  }

  insert(r: InboxRecord): void {
    this.insertStmt.run({
      id: r.id,
      project_id: r.projectId,
      source: r.source,
      run_id: r.runId,
      prompt: JSON.stringify(r.prompt),
      answers: JSON.stringify(r.answers),
      choice: r.choice,
      correction: r.correction,
      rating: r.rating,
      author: r.author,
      status: r.status,
      review_correction: r.reviewCorrection,
      decided_by: r.decidedBy,
      decided_at: r.decidedAt,
      committed_version_id: r.committedVersionId,
      created_at: r.createdAt,
      provenance: r.provenance === null ? null : JSON.stringify(r.provenance),
      review_question: r.reviewQuestion,
    });
  }

  get(id: string): InboxRecord | undefined {
    const row = this.getStmt.get(id);
    return row ? toRecord(row) : undefined;
  }

  list(projectId: string, status?: InboxStatus): InboxRecord[] {
    return (status ? this.listByStatusStmt.all(projectId, status) : this.listStmt.all(projectId)).map(toRecord);
  }

  decide(id: string, status: 'accepted' | 'rejected', reviewCorrection: string | null, by: string, at: string, reviewQuestion: string | null = null): boolean {
    return (
      this.decideStmt.run({ id, status, review_correction: reviewCorrection, review_question: reviewQuestion, decided_by: by, decided_at: at }).changes === 1
    );
  }

  markCommitted(id: string, versionId: string): void {
    this.commitStmt.run({ id, version_id: versionId });
  }
}
