import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/** A detected span as stored (offsets into one field's text; the type is a PiiType). */
export interface StoredSpan {
  start: number;
  end: number;
  type: string;
  text: string;
}
/** One example's spans by field ('m0', 'text', 'meta:Topic'...). */
export type FieldSpans = Record<string, StoredSpan[]>;

export interface DecisionRow {
  type: string;
  text: string;
  decision: 'accept' | 'reject' | 'added';
  createdAt: string;
}

export interface ReportRow {
  versionId: string;
  sourceVersionId: string;
  report: unknown;
  decisions: DecisionRow[];
  createdAt: string;
}

interface RawReport {
  version_id: string;
  source_version_id: string;
  report: string;
  decisions: string;
  created_at: string;
}

/**
 * Scans, review decisions and redaction reports (migration 'redaction'). Every row quotes or describes personal
 * data, so nothing here is ever written to the audit log verbatim: callers log counts only.
 */
export class RedactionRepository {
  private readonly putScan: Statement<[string, string, string]>;
  private readonly dropScan: Statement<[string]>;
  private readonly getScan: Statement<[string], { summary: string }>;
  private readonly putSpans: Statement<[string, number, string]>;
  private readonly allSpans: Statement<[string], { position: number; spans: string }>;
  private readonly pageSpans: Statement<[{ version: string; type: string | null; limit: number; offset: number }], { position: number; spans: string }>;
  private readonly countSpans: Statement<[{ version: string; type: string | null }], { n: number }>;
  private readonly upsertDecision: Statement<[string, string, string, string, string]>;
  private readonly deleteDecision: Statement<[string, string, string]>;
  private readonly listDecisions: Statement<[string], { type: string; text: string; decision: string; created_at: string }>;
  private readonly putReport: Statement<[RawReport]>;
  private readonly getReportStmt: Statement<[string], RawReport>;

  constructor(private readonly db: Database) {
    this.putScan = db.prepare('INSERT INTO pii_scans (version_id, scanned_at, summary) VALUES (?, ?, ?)');
    this.dropScan = db.prepare('DELETE FROM pii_scans WHERE version_id = ?');
    this.getScan = db.prepare('SELECT summary FROM pii_scans WHERE version_id = ?');
    this.putSpans = db.prepare('INSERT INTO pii_scan_spans (version_id, position, spans) VALUES (?, ?, ?)');
    this.allSpans = db.prepare('SELECT position, spans FROM pii_scan_spans WHERE version_id = ? ORDER BY position');
    // Stored spans are JSON written by JSON.stringify, so a kind appears exactly as "type":"NAME" in its row.
    const ofType = `(@type IS NULL OR spans LIKE '%"type":"' || @type || '"%')`;
    this.pageSpans = db.prepare(
      `SELECT position, spans FROM pii_scan_spans WHERE version_id = @version AND ${ofType} ORDER BY position LIMIT @limit OFFSET @offset`,
    );
    this.countSpans = db.prepare(`SELECT count(*) AS n FROM pii_scan_spans WHERE version_id = @version AND ${ofType}`);
    this.upsertDecision = db.prepare(
      'INSERT INTO pii_decisions (dataset_id, type, text, decision, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (dataset_id, type, text) DO UPDATE SET decision = excluded.decision, created_at = excluded.created_at',
    );
    this.deleteDecision = db.prepare('DELETE FROM pii_decisions WHERE dataset_id = ? AND type = ? AND text = ?');
    this.listDecisions = db.prepare('SELECT type, text, decision, created_at FROM pii_decisions WHERE dataset_id = ? ORDER BY created_at, rowid');
    this.putReport = db.prepare(
      'INSERT INTO redaction_reports (version_id, source_version_id, report, decisions, created_at) VALUES (@version_id, @source_version_id, @report, @decisions, @created_at)',
    );
    this.getReportStmt = db.prepare('SELECT * FROM redaction_reports WHERE version_id = ?');
  }

  /** Replaces a version's scan in one transaction (a rescan after new word lists must not mix with the old one). */
  saveScan(versionId: string, scannedAt: string, summary: unknown, spans: ReadonlyMap<number, FieldSpans>): void {
    this.db.transaction(() => {
      this.dropScan.run(versionId);
      this.putScan.run(versionId, scannedAt, JSON.stringify(summary));
      for (const [position, fields] of spans) this.putSpans.run(versionId, position, JSON.stringify(fields));
    })();
  }

  /** saveScan for spans a worker thread already serialized ([position, spans by field as JSON]). */
  saveScanRows(versionId: string, scannedAt: string, summary: unknown, rows: ReadonlyArray<readonly [number, string]>): void {
    this.db.transaction(() => {
      this.dropScan.run(versionId);
      this.putScan.run(versionId, scannedAt, JSON.stringify(summary));
      for (const [position, spans] of rows) this.putSpans.run(versionId, position, spans);
    })();
  }

  scanSummary(versionId: string): unknown {
    const row = this.getScan.get(versionId);
    return row ? (JSON.parse(row.summary) as unknown) : null;
  }

  scanSpans(versionId: string): Map<number, FieldSpans> {
    return new Map(this.allSpans.all(versionId).map((r) => [r.position, JSON.parse(r.spans) as FieldSpans]));
  }

  /** A page of the examples with stored spans (of one kind, when given), in position order, and how many there are. */
  scanSpansPage(versionId: string, offset: number, limit: number, type?: string): { total: number; rows: Array<{ position: number; spans: FieldSpans }> } {
    const t = type ?? null;
    const rows = this.pageSpans
      .all({ version: versionId, type: t, limit, offset })
      .map((r) => ({ position: r.position, spans: JSON.parse(r.spans) as FieldSpans }));
    return { total: this.countSpans.get({ version: versionId, type: t })!.n, rows };
  }

  setDecision(datasetId: string, type: string, text: string, decision: DecisionRow['decision'], at: string): void {
    this.upsertDecision.run(datasetId, type, text, decision, at);
  }

  clearDecision(datasetId: string, type: string, text: string): void {
    this.deleteDecision.run(datasetId, type, text);
  }

  decisions(datasetId: string): DecisionRow[] {
    return this.listDecisions
      .all(datasetId)
      .map((r) => ({ type: r.type, text: r.text, decision: r.decision as DecisionRow['decision'], createdAt: r.created_at }));
  }

  saveReport(r: ReportRow): void {
    this.putReport.run({
      version_id: r.versionId,
      source_version_id: r.sourceVersionId,
      report: JSON.stringify(r.report),
      decisions: JSON.stringify(r.decisions),
      created_at: r.createdAt,
    });
  }

  report(versionId: string): ReportRow | null {
    const r = this.getReportStmt.get(versionId);
    return r
      ? {
          versionId: r.version_id,
          sourceVersionId: r.source_version_id,
          report: JSON.parse(r.report) as unknown,
          decisions: JSON.parse(r.decisions) as DecisionRow[],
          createdAt: r.created_at,
        }
      : null;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

const cache = new WeakMap<Database, RedactionRepository>();

/** One repository per open database (the workspace object does not list it), built on first use. */
export function redactionOf(ws: { db: Database }): RedactionRepository {
  let repo = cache.get(ws.db);
  if (!repo) {
    repo = new RedactionRepository(ws.db);
    cache.set(ws.db, repo);
  }
  return repo;
}
