// The anchored scans of the date, age and record-label detectors (dates.ts, worldDates.ts, labelled.ts): a regex run
// sticky only where a rare part of its matches points back to (anchoredScan.ts's matchesAnchored runs them). They
// live in their own list, checked by dateScans.test.ts against the whole-text regex on the labelled documents and
// edge strings of their own, not in anchoredScan.ts's list (whose test wants an edge form of each in its own file).
import type { AnchoredScan } from './anchoredScan.js';

/** Every scan made by dateScan, for dateScans.test.ts. */
export const DATE_SCANS: AnchoredScan[] = [];

/** `re` (global) tried only at the positions `starts` gives: it must give the start of every match of `re`. */
export function dateScan(re: RegExp, starts: (input: string) => number[]): AnchoredScan {
  if (!re.global) throw new Error('dateScan needs a global regex');
  const scan: AnchoredScan = { re, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y'), starts };
  DATE_SCANS.push(scan);
  return scan;
}

/**
 * matchesAnchored's matches as an array: the same candidates and skips, without a generator step per match, and the
 * candidates sorted as an Int32Array (a numeric sort, no comparator call per comparison). The record labels have
 * ~18k candidates per M characters; the generator and the comparator sort were a tenth of the label detector's time.
 */
export function anchoredMatches(scan: AnchoredScan, input: string): RegExpExecArray[] {
  const starts = Int32Array.from(scan.starts(input)).sort();
  const { sticky } = scan;
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (let i = 0; i < starts.length; i++) {
    const p = starts[i] as number;
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(input);
    if (m === null) continue;
    out.push(m);
    next = p + Math.max(1, m[0].length);
  }
  return out;
}
