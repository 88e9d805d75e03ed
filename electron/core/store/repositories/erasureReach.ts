import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface InboxTextRow {
  id: string;
  prompt: string;
  answers: string;
  correction: string | null;
  review_correction: string | null;
}
export interface EvaluationTextRow {
  id: string;
  result: string;
  report_sha256: string | null;
  report_pdf_sha256: string | null;
}
export interface PiiDecisionRow {
  dataset_id: string;
  type: string;
  text: string;
}

/**
 * The places besides dataset versions where an erased example's text can still be kept (issue 16 item 8): the inbox's
 * suggestions, stored evaluations (their result quotes test examples; their report files are blobs) and the reviewer's
 * personal-data decisions. Writes run inside the erasure's transaction.
 */
export class ErasureReachRepository {
  constructor(private readonly db: Database) {}

  exampleBodies(hashes: readonly string[]): string[] {
    return (
      this.db.prepare('SELECT body FROM examples WHERE hash IN (SELECT value FROM json_each(?))').all(JSON.stringify(hashes)) as Array<{ body: string }>
    ).map((r) => r.body);
  }

  inboxOf(projectIds: readonly string[]): InboxTextRow[] {
    return this.db
      .prepare('SELECT id, prompt, answers, correction, review_correction FROM inbox_items WHERE project_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(projectIds)) as InboxTextRow[];
  }

  deleteInboxItem(id: string): void {
    this.db.prepare('DELETE FROM inbox_items WHERE id = ?').run(id);
  }

  evaluationsOf(projectIds: readonly string[]): EvaluationTextRow[] {
    return this.db
      .prepare('SELECT id, result, report_sha256, report_pdf_sha256 FROM evaluations WHERE project_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(projectIds)) as EvaluationTextRow[];
  }

  /**
   * The evaluation's result with the text replaced; its report files are dropped (made again from the scrubbed result
   * on request). The erasure's row and its audit row list the evaluations it scrubbed.
   */
  scrubEvaluation(id: string, result: string): void {
    this.db.prepare('UPDATE evaluations SET result = ?, report_sha256 = NULL, report_pdf_sha256 = NULL WHERE id = ?').run(result, id);
  }

  /** Forgets project references to these blobs (the caller then collects orphans and removes their files after commit). */
  unreferenceBlobs(shas: readonly string[]): void {
    this.db.prepare('DELETE FROM project_blobs WHERE sha256 IN (SELECT value FROM json_each(?))').run(JSON.stringify(shas));
  }

  piiDecisionsOf(datasetIds: readonly string[]): PiiDecisionRow[] {
    return this.db
      .prepare('SELECT dataset_id, type, text FROM pii_decisions WHERE dataset_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(datasetIds)) as PiiDecisionRow[];
  }

  deletePiiDecision(d: PiiDecisionRow): void {
    this.db.prepare('DELETE FROM pii_decisions WHERE dataset_id = ? AND type = ? AND text = ?').run(d.dataset_id, d.type, d.text);
  }

  /** Adds what the erasure reached besides versions (counts and ids, never text) to its row. */
  addErasureDetails(id: string, extra: Record<string, unknown>): void {
    const row = this.db.prepare('SELECT details FROM erasures WHERE id = ?').get(id) as { details: string } | undefined;
    if (!row) return;
    this.db.prepare('UPDATE erasures SET details = ? WHERE id = ?').run(JSON.stringify({ ...(JSON.parse(row.details) as object), ...extra }), id);
  }
}
