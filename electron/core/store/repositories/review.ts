import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ReviewRatings, ReviewResult } from '../../../contract/reviewRequests.js';

export type Side = 'A' | 'B';

export interface ReviewSessionRecord {
  id: string;
  projectId: string;
  runA: string | null;
  runB: string | null;
  labelA: string;
  labelB: string;
  seed: number;
  createdAt: string;
  reviewer: string | null;
  signedOffAt: string | null;
  result: ReviewResult | null;
  inboxSentAt: string | null;
}

/** One pair in terms of the real sides; the service turns it into what the reviewer may see. */
export interface ReviewItemRecord {
  position: number;
  prompt: string;
  answerA: string;
  answerB: string;
  category: string | null;
  aFirst: boolean;
  verdict: Side | 'tie' | null;
  ratings: { A: ReviewRatings; B: ReviewRatings };
  comment: string | null;
  judgedAt: string | null;
}

interface SessionRow {
  id: string;
  project_id: string;
  run_a: string | null;
  run_b: string | null;
  label_a: string;
  label_b: string;
  seed: number;
  created_at: string;
  reviewer: string | null;
  signed_off_at: string | null;
  result: string | null;
  inbox_sent_at: string | null;
}
interface ItemRow {
  session_id: string;
  position: number;
  prompt: string;
  answer_a: string;
  answer_b: string;
  category: string | null;
  a_first: number;
  verdict: string | null;
  ratings: string | null;
  comment: string | null;
  judged_at: string | null;
}

const toSession = (r: SessionRow): ReviewSessionRecord => ({
  id: r.id,
  projectId: r.project_id,
  runA: r.run_a,
  runB: r.run_b,
  labelA: r.label_a,
  labelB: r.label_b,
  seed: r.seed,
  createdAt: r.created_at,
  reviewer: r.reviewer,
  signedOffAt: r.signed_off_at,
  result: r.result ? (JSON.parse(r.result) as ReviewResult) : null,
  inboxSentAt: r.inbox_sent_at,
});
const toItem = (r: ItemRow): ReviewItemRecord => ({
  position: r.position,
  prompt: r.prompt,
  answerA: r.answer_a,
  answerB: r.answer_b,
  category: r.category,
  aFirst: r.a_first === 1,
  verdict: r.verdict as Side | 'tie' | null,
  ratings: r.ratings ? (JSON.parse(r.ratings) as { A: ReviewRatings; B: ReviewRatings }) : { A: {}, B: {} },
  comment: r.comment,
  judgedAt: r.judged_at,
});

/** Blinded review sessions and their pairs (migration 009). */
export class ReviewRepository {
  private readonly insertSession: Statement<[Omit<SessionRow, 'reviewer' | 'signed_off_at' | 'result' | 'inbox_sent_at'>]>;
  private readonly insertItem: Statement<[Omit<ItemRow, 'verdict' | 'ratings' | 'comment' | 'judged_at'>]>;
  private readonly getStmt: Statement<[string], SessionRow>;
  private readonly listStmt: Statement<[string], SessionRow>;
  private readonly itemsStmt: Statement<[string], ItemRow>;
  private readonly itemStmt: Statement<[string, number], ItemRow>;
  private readonly countsStmt: Statement<[string], { total: number; judged: number }>;
  private readonly judgeStmt: Statement<
    [{ session_id: string; position: number; verdict: string; ratings: string; comment: string | null; judged_at: string }]
  >;
  private readonly signStmt: Statement<[{ id: string; reviewer: string; signed_off_at: string; result: string }]>;
  private readonly inboxSentStmt: Statement<[{ id: string; at: string }]>;

  constructor(private readonly db: Database) {
    this.insertSession = db.prepare(
      'INSERT INTO review_sessions (id, project_id, run_a, run_b, label_a, label_b, seed, created_at) VALUES (@id, @project_id, @run_a, @run_b, @label_a, @label_b, @seed, @created_at)',
    );
    this.insertItem = db.prepare(
      'INSERT INTO review_items (session_id, position, prompt, answer_a, answer_b, category, a_first) VALUES (@session_id, @position, @prompt, @answer_a, @answer_b, @category, @a_first)',
    );
    this.getStmt = db.prepare('SELECT * FROM review_sessions WHERE id = ?');
    this.listStmt = db.prepare('SELECT * FROM review_sessions WHERE project_id = ? ORDER BY created_at DESC, rowid DESC');
    this.itemsStmt = db.prepare('SELECT * FROM review_items WHERE session_id = ? ORDER BY position');
    this.itemStmt = db.prepare('SELECT * FROM review_items WHERE session_id = ? AND position = ?');
    this.countsStmt = db.prepare('SELECT COUNT(*) AS total, COUNT(verdict) AS judged FROM review_items WHERE session_id = ?');
    this.judgeStmt = db.prepare(
      'UPDATE review_items SET verdict = @verdict, ratings = @ratings, comment = @comment, judged_at = @judged_at WHERE session_id = @session_id AND position = @position',
    );
    this.signStmt = db.prepare(
      'UPDATE review_sessions SET reviewer = @reviewer, signed_off_at = @signed_off_at, result = @result WHERE id = @id AND signed_off_at IS NULL',
    );
    this.inboxSentStmt = db.prepare('UPDATE review_sessions SET inbox_sent_at = @at WHERE id = @id AND inbox_sent_at IS NULL');
  }

  /** The session and all its pairs in one transaction. */
  create(
    session: Pick<ReviewSessionRecord, 'id' | 'projectId' | 'runA' | 'runB' | 'labelA' | 'labelB' | 'seed' | 'createdAt'>,
    items: ReviewItemRecord[],
  ): void {
    this.db.transaction(() => {
      this.insertSession.run({
        id: session.id,
        project_id: session.projectId,
        run_a: session.runA,
        run_b: session.runB,
        label_a: session.labelA,
        label_b: session.labelB,
        seed: session.seed,
        created_at: session.createdAt,
      });
      for (const it of items) {
        this.insertItem.run({
          session_id: session.id,
          position: it.position,
          prompt: it.prompt,
          answer_a: it.answerA,
          answer_b: it.answerB,
          category: it.category,
          a_first: it.aFirst ? 1 : 0,
        });
      }
    })();
  }

  get(id: string): ReviewSessionRecord | undefined {
    const row = this.getStmt.get(id);
    return row ? toSession(row) : undefined;
  }

  list(projectId: string): ReviewSessionRecord[] {
    return this.listStmt.all(projectId).map(toSession);
  }

  items(id: string): ReviewItemRecord[] {
    return this.itemsStmt.all(id).map(toItem);
  }

  item(id: string, position: number): ReviewItemRecord | undefined {
    const row = this.itemStmt.get(id, position);
    return row ? toItem(row) : undefined;
  }

  counts(id: string): { total: number; judged: number } {
    return this.countsStmt.get(id) ?? { total: 0, judged: 0 };
  }

  judge(id: string, position: number, verdict: Side | 'tie', ratings: { A: ReviewRatings; B: ReviewRatings }, comment: string | null, at: string): void {
    this.judgeStmt.run({ session_id: id, position, verdict, ratings: JSON.stringify(ratings), comment, judged_at: at });
  }

  signOff(id: string, reviewer: string, at: string, result: ReviewResult): boolean {
    return this.signStmt.run({ id, reviewer, signed_off_at: at, result: JSON.stringify(result) }).changes === 1;
  }

  markInboxSent(id: string, at: string): boolean {
    return this.inboxSentStmt.run({ id, at }).changes === 1;
  }
}
