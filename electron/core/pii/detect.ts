// The detector: runs every rule on the raw decoded text (no normalization, so offsets stay exact), then resolves
// overlapping candidates deterministically.
import { releaseAlnumRuns } from './alnumRuns.js';
import { releaseTextWalks } from './anchoredScan.js';
import { detectAges, detectDates } from './dates.js';
import { detectLabelled } from './labelled.js';
import { detectLegalNumbers } from './legal.js';
import { detectNames } from './names.js';
import { detectNationalIds } from './nationalIds.js';
import { compiledByDefault, nativeDetectors } from './nativeDetectors.js';
import type { SharedPlace } from './nativeDetectors.js';
import { releaseNonLatinLines } from './nonLatinLines.js';
import { detectPatterns } from './patterns.js';
import { detectPlates } from './plates.js';
import { releasePlaceWalks } from './placeWalks.js';
import { detectPlaces } from './places.js';
import { loadPiiResources } from './resources.js';
import { detectWorldDates } from './worldDates.js';
import { detectWorldNames } from './worldNames.js';
import { detectWorldPlaces } from './worldPlaces.js';
import type { PiiResources } from './resources.js';
import { spanTableOf } from './spanTable.js';
import type { SpanTable } from './spanTable.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan, PiiType, RedactionPolicy } from './types.js';

export interface DetectOptions {
  resources?: PiiResources;
  /** Only spans of these types are returned; all types by default. */
  policy?: RedactionPolicy;
  /** Candidates below this confidence are dropped (default 0.3). */
  minConfidence?: number;
  /**
   * Name words found in other records of the same dataset (nameKeys() of their spans): "Núñez declined" in record 2
   * is flagged because "Mr. Núñez" was found in record 1, so one person is redacted everywhere.
   */
  seedNames?: ReadonlySet<string>;
  /**
   * Filled, when given, with the keys of the capitalized words no name of this text covers or claims: a text none
   * of whose unclaimed keys is among a dataset's seedNames gets the same spans with them as without (dataset.ts
   * skips its second pass for such a record).
   */
  unclaimedNames?: Set<string>;
  /**
   * Whether the detectors compiled ahead of time (native/pii) stand in for the TypeScript ones: by default wherever
   * the add-on loads, unless FIELDTUNE_PII_NATIVE=0 (compiledByDefault). The tests set it to compare the two.
   */
  compiled?: boolean;
}

const SOURCE_RANK: Record<PiiSpan['source'], number> = { reviewer: 5, checksum: 4, context: 3, pattern: 2, dictionary: 1, propagation: 0 };

/** Total order over candidates: most trusted first, then longest, then leftmost, then by type name. */
export function compareCandidates(a: PiiSpan, b: PiiSpan): number {
  return (
    b.confidence - a.confidence ||
    SOURCE_RANK[b.source] - SOURCE_RANK[a.source] ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    PII_TYPES.indexOf(a.type) - PII_TYPES.indexOf(b.type)
  );
}

/**
 * Greedy overlap resolution: take candidates in compareCandidates order and keep those that do not overlap a kept
 * one. The order is total, so the same input always yields the same spans. Output sorted by start.
 *
 * Linear in the characters the candidates cover: an occupancy array over the covered range answers "does this
 * candidate touch a kept span" by looking at its own characters only. The first version compared every candidate
 * with every kept span (kept.some), which a CPU profile of `data redact` on a 1 MB file showed as the top frame and
 * which made the command quadratic in the file's length (a 7.9 MB file took 57 CPU seconds).
 *
 * Run group by group: candidates chained by overlap (in start order) form a group, and whether one is kept depends
 * only on the kept ones it overlaps, all in its group, so the greedy pass over each group in compareCandidates order
 * keeps what one pass over all candidates in that order keeps. A candidate that overlaps none is kept as it is: no
 * sort by the five-key comparator over every candidate (which was a twentieth of detectPii).
 */
export function resolveOverlaps(candidates: PiiSpan[], work?: { steps: number }): PiiSpan[] {
  const live = byStart(candidates.filter((c) => c.end > c.start));
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < live.length; i++) {
    const c = live[i] as PiiSpan;
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
  }
  const taken = new Uint8Array(Math.max(0, hi - lo));
  const kept: PiiSpan[] = [];
  let steps = 0;
  for (let i = 0; i < live.length;) {
    const head = live[i] as PiiSpan;
    let j = i + 1;
    let reach = head.end;
    for (let c = live[j]; c !== undefined && c.start < reach; c = live[++j]) if (c.end > reach) reach = c.end;
    if (j === i + 1) {
      kept.push(head);
      i = j;
      continue;
    }
    const group = live.slice(i, j).sort(compareCandidates);
    const keptHere: PiiSpan[] = [];
    for (let g = 0; g < group.length; g++) {
      const c = group[g] as PiiSpan;
      let free = true;
      for (let k = c.start - lo; k < c.end - lo; k++) {
        steps++;
        if (taken[k]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      taken.fill(1, c.start - lo, c.end - lo);
      keptHere.push(c);
    }
    kept.push(...keptHere.sort((a, b) => a.start - b.start || a.end - b.end));
    i = j;
  }
  if (work) work.steps += steps;
  return kept;
}

/**
 * The spans ordered by start, ties in their given order (what a stable sort by start gives), by one numeric sort of
 * start * 2^k + index in a Float64Array: a comparator sort over the objects allocated a work copy of the array on the
 * JS heap, the largest single allocation of a detection of a long text. Exact while the key stays below 2^53; past
 * that (a text of more than ~2^33 characters with millions of candidates), the comparator sort.
 */
function byStart(spans: PiiSpan[]): PiiSpan[] {
  // A short text's few candidates (a dataset record): the plain sort is cheaper than building the keys.
  if (spans.length < 1024) return spans.sort((a, b) => a.start - b.start);
  const bits = Math.max(1, Math.ceil(Math.log2(spans.length + 1)));
  let maxStart = 0;
  for (let i = 0; i < spans.length; i++) maxStart = Math.max(maxStart, (spans[i] as PiiSpan).start);
  if (Math.log2(maxStart + 1) + bits > 52) return spans.sort((a, b) => a.start - b.start);
  const scale = 2 ** bits;
  const keys = new Float64Array(spans.length);
  for (let i = 0; i < spans.length; i++) keys[i] = (spans[i] as PiiSpan).start * scale + i;
  keys.sort();
  const out = new Array<PiiSpan>(spans.length);
  for (let i = 0; i < keys.length; i++) out[i] = spans[(keys[i] as number) % scale] as PiiSpan;
  return out;
}

export function detectPii(input: string, options: DetectOptions = {}): PiiSpan[] {
  const res = options.resources ?? loadPiiResources();
  const min = options.minConfidence ?? 0.3;
  // The families compiled ahead of time (native/pii) when asked for and the add-on is there: every candidate found
  // and resolved in the add-on, as below.
  const native = (options.compiled ?? compiledByDefault()) ? nativeDetectors() : null;
  const resolved = native ? native.detect(input, res, min, options) : resolveOverlaps(typeScriptCandidates(input, res, min, options));
  const allowed: ReadonlySet<PiiType> | undefined = options.policy ? new Set(options.policy.types) : undefined;
  return allowed ? resolved.filter((s) => allowed.has(s.type)) : resolved;
}

/**
 * detectPii's spans (every type, no seed names) as a span table (spanTable.ts): made from the add-on's output with no
 * object for any span where it loads, from detectPii's objects where it does not.
 */
export function detectPiiTable(
  input: string,
  options: Pick<DetectOptions, 'resources' | 'minConfidence' | 'compiled'> & { shared?: SharedPlace } = {},
): SpanTable {
  const native = (options.compiled ?? compiledByDefault()) ? nativeDetectors() : null;
  if (!native) return spanTableOf(detectPii(input, { ...options, compiled: false }));
  return native.detectTable(input, options.resources ?? loadPiiResources(), options.minConfidence ?? 0.3, options.shared);
}

/** Every TypeScript detector's candidates at `min` confidence or above, in the order resolveOverlaps breaks ties by. */
function typeScriptCandidates(input: string, res: PiiResources, min: number, options: DetectOptions): PiiSpan[] {
  const candidates: PiiSpan[] = [];
  const keep = (found: PiiSpan[]): void => {
    for (let i = 0; i < found.length; i++) if ((found[i] as PiiSpan).confidence >= min) candidates.push(found[i] as PiiSpan);
  };
  try {
    keep(detectPatterns(input));
    keep(detectNationalIds(input));
    keep(detectLabelled(input, res));
    keep(detectLegalNumbers(input));
    keep(detectDates(input));
    keep(detectWorldDates(input));
    keep(detectPlates(input));
    keep(detectAges(input));
    keep(detectPlaces(input, res));
    keep(detectWorldPlaces(input, res));
    keep(detectNames(input, res, options.seedNames, options.unclaimedNames));
    keep(detectWorldNames(input));
  } finally {
    // The walks the detectors shared for this text (anchoredScan.ts, placeWalks.ts, alnumRuns.ts, nonLatinLines.ts)
    // are not kept past it.
    releaseTextWalks();
    releasePlaceWalks();
    releaseAlnumRuns();
    releaseNonLatinLines();
  }
  return candidates;
}
