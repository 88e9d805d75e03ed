// Redaction of a whole dataset's records, the shape a redaction Job needs: detect in two passes (so a name found
// in one record is flagged in all), apply the reviewer's remembered decisions, redact, and build the report.
// Pure apart from the clock: no storage; the caller stores the new version, the map and the report apart.
import { detectPii } from './detect.js';
import { nameKeys } from './names.js';
import { createPseudonymMap, redactText } from './redact.js';
import type { PseudonymMap } from './redact.js';
import { buildRedactionReport } from './report.js';
import type { RedactionReport } from './report.js';
import type { PiiResources } from './resources.js';
import { applyDecisions } from './review.js';
import type { ReviewDecision } from './review.js';
import { RealIdentifiers, type Secret } from './surrogates.js';
import type { PiiSpan, RedactionMode, RedactionPolicy } from './types.js';

export interface DatasetRecord {
  id: string;
  text: string;
}

export interface RedactDatasetOptions {
  mode: RedactionMode;
  policy: RedactionPolicy;
  secret: Secret;
  resources: PiiResources;
  decisions?: readonly ReviewDecision[];
  /** An existing map to extend (a later version of the same dataset keeps its surrogates). */
  map?: PseudonymMap;
  signal?: AbortSignal;
  onProgress?: (phase: 'detect' | 'redact', done: number, total: number) => void;
  now?: Date;
}

export interface RedactedRecord {
  id: string;
  text: string;
  /** Spans in the ORIGINAL text that were replaced (personal data: keep with the map, not the data). */
  spans: PiiSpan[];
}

export interface RedactDatasetResult {
  records: RedactedRecord[];
  map: PseudonymMap;
  report: RedactionReport;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

/** Detection only, both passes: what a review screen shows before anything is written. */
export function detectDataset(records: readonly DatasetRecord[], o: Pick<RedactDatasetOptions, 'resources' | 'signal' | 'onProgress'>): PiiSpan[][] {
  const unclaimed: Set<string>[] = [];
  const first = records.map((r, i) => {
    checkAborted(o.signal);
    o.onProgress?.('detect', i / 2, records.length);
    const own = new Set<string>();
    unclaimed.push(own);
    return detectPii(r.text, { resources: o.resources, unclaimedNames: own });
  });
  const seeds = nameKeys(first.flat(), o.resources);
  if (seeds.size === 0) return first;
  return records.map((r, i) => {
    checkAborted(o.signal);
    o.onProgress?.('detect', (records.length + i) / 2, records.length);
    // Seeds only add other mentions of capitalized words no name of the record claims: a record with no such word
    // among the seeds keeps its first-pass spans (most records, in a dataset where each names its own people).
    if (!seedsReach(unclaimed[i], seeds)) return first[i] ?? [];
    return detectPii(r.text, { resources: o.resources, seedNames: seeds });
  });
}

/** Whether any of a record's unclaimed name keys is a seed (the smaller set is walked). */
export function seedsReach(unclaimed: ReadonlySet<string> | undefined, seeds: ReadonlySet<string>): boolean {
  if (!unclaimed) return true;
  const [small, big] = unclaimed.size <= seeds.size ? [unclaimed, seeds] : [seeds, unclaimed];
  for (const k of small) if (big.has(k)) return true;
  return false;
}

export function redactDataset(records: readonly DatasetRecord[], o: RedactDatasetOptions): RedactDatasetResult {
  const detected = detectDataset(records, o);
  const map = o.map ?? createPseudonymMap();
  // Every identifier of the dataset, found or added by the reviewer: no surrogate may equal one of them.
  const avoid = new RealIdentifiers().addAll(detected.flat()).addAll(o.decisions ?? []);
  const allowed = new Set(o.policy.types);
  const out: RedactedRecord[] = [];
  const forReport: { text: string; detected: PiiSpan[]; reviewed: PiiSpan[]; redacted: PiiSpan[] }[] = [];
  records.forEach((r, i) => {
    checkAborted(o.signal);
    o.onProgress?.('redact', i, records.length);
    const found = detected[i] ?? [];
    const reviewed = applyDecisions(r.text, found, o.decisions ?? []);
    const spans = reviewed.filter((s) => allowed.has(s.type));
    const result = redactText(r.text, spans, o.mode, { secret: o.secret, recordId: r.id, resources: o.resources, map, policy: o.policy, avoid });
    out.push({ id: r.id, text: result.text, spans });
    forReport.push({ text: r.text, detected: found, reviewed, redacted: spans });
  });
  o.onProgress?.('redact', records.length, records.length);
  const report = buildRedactionReport({ mode: o.mode, policy: o.policy, records: forReport, decisions: o.decisions ?? [], ...(o.now ? { now: o.now } : {}) });
  return { records: out, map, report };
}
