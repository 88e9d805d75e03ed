// The privacy section's read side and review: status of a version, the scan job, spans after decisions (the review
// screen), and decisions remembered per dataset for identical strings. Spans quote personal data: they are returned
// to the renderer that asked and never written to the audit log (which records counts only).
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DecisionChange, PiiRecord, PiiScanSummary, ReviewedSpan, PiiStatus, PiiType, ReviewDecision, TypeCounts } from '../../../contract/pii.js';
import { requireVersion } from '../datasets/versions.js';
import { countByType } from '../../pii/report.js';
import { applyDecisions, type ReviewDecision as EngineDecision } from '../../pii/review.js';
import type { PiiSpan } from '../../pii/types.js';
import type { DatasetVersionRecord } from '../../store/repositories/datasets.js';
import { redactionOf, type DecisionRow, type FieldSpans } from '../../store/repositories/redaction.js';
import { runInWorker } from '../../workers/runInWorker.js';
import { databaseSource, type Workspace } from '../../workspace.js';
import { fieldsOf, versionFields, type ExampleFields } from './fields.js';
import type { Example } from '../../data/example.js';
import { loadMap, mapEntries } from './maps.js';

export function projectOfVersion(ws: Workspace, v: DatasetVersionRecord): string {
  const d = ws.datasets.getDataset(v.datasetId);
  if (!d) throw new FieldtuneError('NOT_FOUND', `No dataset with id ${v.datasetId}`);
  return d.projectId;
}

export const toDecision = (d: DecisionRow): ReviewDecision => ({ decision: d.decision, type: d.type as PiiType, text: d.text, createdAt: d.createdAt });
export const engineDecisions = (rows: readonly DecisionRow[]): EngineDecision[] =>
  rows.map((d) => ({ decision: d.decision, type: d.type as PiiType, text: d.text }));

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** One field's spans with what the reviewer did to each: kept (detected/accepted/added) plus rejected ones, in order. */
export function reviewSpans(text: string, detected: readonly PiiSpan[], decisions: readonly EngineDecision[]): ReviewedSpan[] {
  const kept = applyDecisions(text, detected, decisions);
  const at = new Set(detected.map((s) => `${s.start}:${s.end}`));
  const out: ReviewedSpan[] = kept.map((s) => ({
    start: s.start,
    end: s.end,
    type: s.type,
    text: s.text,
    status: s.source !== 'reviewer' ? 'detected' : at.has(`${s.start}:${s.end}`) ? 'accepted' : 'added',
  }));
  const keptAt = new Set(kept.map((s) => `${s.start}:${s.end}:${s.type}`));
  for (const s of detected)
    if (!keptAt.has(`${s.start}:${s.end}:${s.type}`)) out.push({ start: s.start, end: s.end, type: s.type, text: s.text, status: 'rejected' });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

interface Reviewed {
  position: number;
  fields: PiiRecord['fields'];
}

/** Every example of a scanned version that has at least one span (any status), with decisions applied. */
function reviewedVersion(ws: Workspace, v: DatasetVersionRecord): Reviewed[] | null {
  const repo = redactionOf(ws);
  if (!repo.scanSummary(v.id)) return null;
  const scan = repo.scanSpans(v.id);
  const decisions = engineDecisions(repo.decisions(v.datasetId));
  const adds = decisions.some((d) => d.decision === 'added');
  const out: Reviewed[] = [];
  for (const e of versionFields(ws, v.id)) {
    const stored: FieldSpans = scan.get(e.position) ?? {};
    // Without added strings, examples with no detected span cannot gain one: skip them without looking.
    if (!adds && !scan.has(e.position)) continue;
    const fields = e.fields.map((f) => ({ ...f, spans: reviewSpans(f.text, (stored[f.field] ?? []) as PiiSpan[], decisions) }));
    if (fields.some((f) => f.spans.length > 0)) out.push({ position: e.position, fields });
  }
  return out;
}

/**
 * The version whose redaction `v` carries: itself when a redaction made it, else the nearest ancestor made by one
 * (a split or a clean of a redacted version holds the same redacted texts). Null when no redaction is upstream.
 */
export function redactedAncestor(ws: Workspace, v: DatasetVersionRecord): DatasetVersionRecord | null {
  const repo = redactionOf(ws);
  for (let at: DatasetVersionRecord | undefined = v, hops = 0; at && hops < 10_000; hops++) {
    if (repo.report(at.id)) return at;
    at = at.parentId ? (ws.datasets.getVersion(at.parentId) ?? undefined) : undefined;
  }
  return null;
}

export function versionStatus(ws: Workspace, versionId: string): PiiStatus {
  const v = requireVersion(ws, versionId);
  const repo = redactionOf(ws);
  const scan = repo.scanSummary(versionId) as PiiScanSummary | null;
  const reviewed = scan ? reviewedVersion(ws, v) : null;
  const current = reviewed ? countByType(reviewed.flatMap((r) => r.fields.flatMap((f) => f.spans.filter((s) => s.status !== 'rejected')))) : null;
  const map = loadMap(ws, v.datasetId);
  return {
    datasetId: v.datasetId,
    versionId,
    scan,
    current: current as TypeCounts | null,
    decisions: repo.decisions(v.datasetId).map(toDecision),
    map: { exists: map !== null, identifiers: mapEntries(map) },
    hasReport: repo.report(versionId) !== null,
    redactedIn: redactedAncestor(ws, v)?.id ?? null,
  };
}

const SCAN_CANCELLED = 'The personal-data check was cancelled.';

/**
 * The check as a job: reading, detecting and serializing run in a worker thread (pii.scan); the core stores the
 * prepared rows in one transaction, so a cancelled re-check keeps the earlier scan whole.
 */
export function startScan(ws: Workspace, versionId: string): JobOf<'pii.scan'> {
  const v = requireVersion(ws, versionId);
  return ws.jobs.start({ kind: 'pii.scan', projectId: projectOfVersion(ws, v), params: { versionId } }, async (job) => {
    // Below a redaction, the dataset's pseudonym map names the surrogates Fieldtune wrote: not new findings.
    const own = redactedAncestor(ws, v) ? loadMap(ws, v.datasetId) : null;
    job.onProgress({ phase: 'Looking for personal data', current: 0, total: null });
    const out = await runInWorker(
      'pii.scan',
      { ...databaseSource(ws), versionId, own: own?.map ?? null },
      { signal: job.signal, cancelledMessage: SCAN_CANCELLED, onProgress: (phase, current, total) => job.onProgress({ phase, current, total }) },
    );
    const scannedAt = new Date().toISOString();
    const summary: PiiScanSummary = {
      versionId,
      scannedAt,
      examples: out.examples,
      examplesWithSpans: out.rows.length,
      detected: out.detected,
      ...(own ? { surrogates: out.skipped } : {}),
    };
    ws.db.transaction(() => {
      redactionOf(ws).saveScanRows(versionId, scannedAt, summary, out.rows);
      ws.audit.append({
        actor: 'user',
        action: 'pii.scan',
        subject: versionId,
        details: { examples: summary.examples, examplesWithSpans: summary.examplesWithSpans, spans: out.spans },
      });
    })();
    return summary;
  });
}

export function spansPage(ws: Workspace, versionId: string, offset: number, limit: number, type?: PiiType): { total: number; records: PiiRecord[] } {
  const v = requireVersion(ws, versionId);
  const repo = redactionOf(ws);
  if (!repo.scanSummary(v.id)) throw new FieldtuneError('INVALID_INPUT', 'This version has not been checked for personal data yet; run the check first.');
  const decisions = engineDecisions(repo.decisions(v.datasetId));
  if (!decisions.some((d) => d.decision === 'added')) {
    // Without added strings the examples listed are exactly those with stored spans: one page of them is read (and
    // only their examples), never the whole version; a 100k-row scan pages in milliseconds.
    const page = repo.scanSpansPage(v.id, offset, limit, type);
    const records = page.rows.flatMap(({ position, spans }) => {
      const member = ws.datasets.membersPage(v.id, position, 1)[0];
      if (!member || member.position !== position) return [];
      const fields = fieldsOf(JSON.parse(member.body) as Example).map((f) => ({
        ...f,
        spans: reviewSpans(f.text, (spans[f.field] ?? []) as PiiSpan[], decisions),
      }));
      return [{ position, fields }];
    });
    return { total: page.total, records };
  }
  // An added string can appear in any example: every example is looked at.
  const reviewed = reviewedVersion(ws, v)!;
  const chosen = type ? reviewed.filter((r) => r.fields.some((f) => f.spans.some((s) => s.type === type))) : reviewed;
  return { total: chosen.length, records: chosen.slice(offset, offset + limit) };
}

function checkAdd(examples: readonly ExampleFields[], change: Extract<DecisionChange, { scope: 'add' }>): void {
  const { text, at } = change;
  if (text.trim() !== text) throw new FieldtuneError('INVALID_INPUT', 'Select the identifier without spaces around it.');
  if (at) {
    const field = examples.find((e) => e.position === at.position)?.fields.find((f) => f.field === at.field);
    if (!field || field.text.slice(at.start, at.start + text.length) !== text) {
      throw new FieldtuneError('INVALID_INPUT', `“${text}” is not at that place in example #${at.position + 1}; reload the review and select it again.`);
    }
    if (isWordChar(field.text[at.start - 1]) || isWordChar(field.text[at.start + text.length])) {
      throw new FieldtuneError('INVALID_INPUT', `“${text}” is part of a longer word; select whole words.`);
    }
    return;
  }
  if (!examples.some((e) => e.fields.some((f) => f.text.includes(text)))) {
    throw new FieldtuneError('INVALID_INPUT', `“${text}” does not appear in this version.`);
  }
}

/** Records the reviewer's changes for the version's dataset in one transaction; returns the dataset's decisions. */
export function decide(ws: Workspace, versionId: string, changes: readonly DecisionChange[]): ReviewDecision[] {
  const v = requireVersion(ws, versionId);
  const repo = redactionOf(ws);
  const examples = versionFields(ws, versionId);
  const scan = repo.scanSpans(versionId);
  const now = new Date().toISOString();
  for (const c of changes) if (c.scope === 'add') checkAdd(examples, c);
  const counts = { accept: 0, reject: 0, undo: 0, added: 0 };
  repo.transaction(() => {
    for (const c of changes) {
      if (c.scope === 'add') {
        repo.setDecision(v.datasetId, c.type, c.text, 'added', now);
        counts.added++;
        continue;
      }
      const texts =
        c.scope === 'span'
          ? [c.text]
          : [
              ...new Set(
                [...scan.values()]
                  .flatMap((f) => Object.values(f).flat())
                  .filter((s) => s.type === c.type)
                  .map((s) => s.text),
              ),
            ];
      for (const text of texts) {
        if (c.decision === 'undo') repo.clearDecision(v.datasetId, c.type, text);
        else repo.setDecision(v.datasetId, c.type, text, c.decision, now);
        counts[c.decision]++;
      }
      // Undoing a whole type also forgets that type's decisions on strings this version no longer holds.
      if (c.scope === 'type' && c.decision === 'undo') {
        for (const d of repo.decisions(v.datasetId)) if (d.type === c.type && d.decision !== 'added') repo.clearDecision(v.datasetId, d.type, d.text);
      }
    }
    ws.audit.append({ actor: 'user', action: 'pii.review', subject: v.datasetId, details: { versionId, ...counts } });
  });
  return repo.decisions(v.datasetId).map(toDecision);
}
