// The anchored scans of the date, age and record-label detectors (dates.ts, worldDates.ts, labelled.ts): a regex run
// sticky only where a rare part of its matches points back to (anchoredScan.ts's matchesAnchored runs them). They
// live in their own list, checked by dateScans.test.ts against the whole-text regex on the labelled documents and
// edge strings of their own, not in anchoredScan.ts's list (whose test wants an edge form of each in its own file).
import type { AnchoredScan } from './anchoredScan.js';
import { anchoredScan } from './anchoredScan.js';

/** Every scan made by dateScan, for dateScans.test.ts. */
export const DATE_SCANS: AnchoredScan[] = [];

/** An anchored scan (anchoredScan.ts) in this list. */
export function dateScan(re: RegExp, starts: (input: string) => number[]): AnchoredScan {
  return anchoredScan(re, starts, DATE_SCANS);
}
