// Scoring for the PII bench: span matching by overlap (typed and untyped) and exact boundaries.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PiiSpan, PiiType } from '../electron/core/pii/types.js';
import { PII_TYPES } from '../electron/core/pii/types.js';

export interface GoldSpan {
  start: number;
  end: number;
  type: PiiType;
  text: string;
  /** Finer kind in the issue-17 set ("national", "tax", "health" under ID). */
  kind?: string;
}
export interface GoldDoc {
  id: string;
  kind: string;
  text: string;
  spans: GoldSpan[];
}

export function loadSplit(dir: string): GoldDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const meta = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<GoldDoc, 'text'>;
      return { ...meta, text: readFileSync(join(dir, f.replace(/\.json$/, '.txt')), 'utf8') };
    });
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Score {
  byType: Record<PiiType, Counts>;
  /** Typed overlap over all spans. */
  all: Counts;
  /** Recall over structured identifiers (every type but NAME), typed. */
  structured: Counts;
  names: Counts;
  /** Untyped: a gold span counts as found if any predicted span overlaps it (it gets redacted either way). */
  anyType: Counts;
  structuredAnyType: Counts;
  namesAnyType: Counts;
  exact: Counts;
  /** Recall by type and, where the gold span has one, finer kind ("ID/tax"); false positives are not split by kind. */
  byKind: Map<string, Counts>;
  misses: { doc: string; gold: GoldSpan }[];
  falsePositives: { doc: string; span: PiiSpan }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function score(docs: GoldDoc[], predict: (text: string) => PiiSpan[]): Score {
  const byType = Object.fromEntries(PII_TYPES.map((t) => [t, zero()])) as Record<PiiType, Counts>;
  const s: Score = {
    byType,
    all: zero(),
    structured: zero(),
    names: zero(),
    anyType: zero(),
    structuredAnyType: zero(),
    namesAnyType: zero(),
    exact: zero(),
    byKind: new Map(),
    misses: [],
    falsePositives: [],
  };
  for (const doc of docs) {
    const pred = predict(doc.text);
    for (const g of doc.spans) {
      const hit = pred.some((p) => p.type === g.type && overlaps(p, g));
      const bucket = g.type === 'NAME' ? s.names : s.structured;
      const count = (c: Counts, ok: boolean) => {
        if (ok) c.tp++;
        else c.fn++;
      };
      const kindKey = g.kind ? `${g.type}/${g.kind}` : g.type;
      if (!s.byKind.has(kindKey)) s.byKind.set(kindKey, zero());
      for (const c of [byType[g.type], s.all, bucket, s.byKind.get(kindKey) ?? zero()]) count(c, hit);
      const anyHit = pred.some((p) => overlaps(p, g));
      count(s.anyType, anyHit);
      count(g.type === 'NAME' ? s.namesAnyType : s.structuredAnyType, anyHit);
      count(
        s.exact,
        pred.some((p) => p.type === g.type && p.start === g.start && p.end === g.end),
      );
      if (!hit) s.misses.push({ doc: doc.id, gold: g });
    }
    for (const p of pred) {
      const hit = doc.spans.some((g) => g.type === p.type && overlaps(p, g));
      if (!hit) {
        byType[p.type].fp++;
        s.all.fp++;
        (p.type === 'NAME' ? s.names : s.structured).fp++;
        s.falsePositives.push({ doc: doc.id, span: p });
      }
      if (!doc.spans.some((g) => overlaps(p, g))) {
        s.anyType.fp++;
        (p.type === 'NAME' ? s.namesAnyType : s.structuredAnyType).fp++;
      }
      if (!doc.spans.some((g) => g.type === p.type && p.start === g.start && p.end === g.end)) s.exact.fp++;
    }
  }
  return s;
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? NaN : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? NaN : c.tp / (c.tp + c.fn));
