// Stored evaluations (tables from migrations/008-evaluations.ts): a summary row per evaluation and its full result.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

export interface EvaluationRow {
  id: string;
  project_id: string | null;
  run_id: string;
  version_id: string;
  job_id: string | null;
  created_at: string;
  systems: string;
  verdict: string | null;
  leak_passed: number | null;
  result: string;
  report_sha256: string | null;
  report_pdf_sha256: string | null;
}

export type EvaluationSummaryRow = Omit<EvaluationRow, 'result'>;

export interface NewEvaluation {
  id: string;
  projectId: string | null;
  runId: string;
  versionId: string;
  jobId: string | null;
  createdAt: string;
  systems: unknown;
  verdict: string | null;
  leakPassed: boolean | null;
  result: unknown;
}

const SUMMARY = 'id, project_id, run_id, version_id, job_id, created_at, systems, verdict, leak_passed, report_sha256, report_pdf_sha256';

export class EvaluationsRepository {
  private readonly insert: Statement;
  private readonly byId: Statement<[string], EvaluationRow>;
  private readonly byRun: Statement<[string], EvaluationSummaryRow>;
  private readonly byProject: Statement<[string], EvaluationSummaryRow>;
  private readonly all: Statement<[], EvaluationSummaryRow>;
  private readonly setReport: Statement;
  private readonly lastLeak: Statement<[string], { leak_passed: number | null }>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO evaluations (id, project_id, run_id, version_id, job_id, created_at, systems, verdict, leak_passed, result)
       VALUES (@id, @project_id, @run_id, @version_id, @job_id, @created_at, @systems, @verdict, @leak_passed, @result)`,
    );
    this.byId = db.prepare('SELECT * FROM evaluations WHERE id = ?');
    this.byRun = db.prepare(`SELECT ${SUMMARY} FROM evaluations WHERE run_id = ? ORDER BY created_at DESC, rowid DESC`);
    this.byProject = db.prepare(`SELECT ${SUMMARY} FROM evaluations WHERE project_id = ? ORDER BY created_at DESC, rowid DESC`);
    this.all = db.prepare(`SELECT ${SUMMARY} FROM evaluations ORDER BY created_at DESC, rowid DESC`);
    this.setReport = db.prepare('UPDATE evaluations SET report_sha256 = ?, report_pdf_sha256 = ? WHERE id = ?');
    this.lastLeak = db.prepare('SELECT leak_passed FROM evaluations WHERE run_id = ? AND leak_passed IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1');
  }

  add(e: NewEvaluation): void {
    this.insert.run({
      id: e.id,
      project_id: e.projectId,
      run_id: e.runId,
      version_id: e.versionId,
      job_id: e.jobId,
      created_at: e.createdAt,
      systems: JSON.stringify(e.systems),
      verdict: e.verdict,
      leak_passed: e.leakPassed === null ? null : e.leakPassed ? 1 : 0,
      result: JSON.stringify(e.result),
    });
  }

  get(id: string): EvaluationRow | undefined {
    return this.byId.get(id);
  }

  list(filter: { projectId?: string; runId?: string }): EvaluationSummaryRow[] {
    if (filter.runId) return this.byRun.all(filter.runId).filter((r) => !filter.projectId || r.project_id === filter.projectId);
    if (filter.projectId) return this.byProject.all(filter.projectId);
    return this.all.all();
  }

  saveReport(id: string, htmlSha256: string, pdfSha256: string): void {
    this.setReport.run(htmlSha256, pdfSha256, id);
  }

  /** The run's latest leak check: true passed, false failed (Export warns), null never run. */
  leakCheckOf(runId: string): boolean | null {
    const r = this.lastLeak.get(runId);
    return r ? r.leak_passed === 1 : null;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

const cache = new WeakMap<Database, EvaluationsRepository>();

/** One repository per open database, built on first use (the workspace object does not list it). */
export function evaluationsOf(ws: { db: Database }): EvaluationsRepository {
  let repo = cache.get(ws.db);
  if (!repo) {
    repo = new EvaluationsRepository(ws.db);
    cache.set(ws.db, repo);
  }
  return repo;
}
