// The computing half of a split, pure: which split each example goes to (stratified, near copies kept together)
// and the leakage check on the result. A worker thread runs it (core/workers); the service writes the new version.
import type { SplitLabel } from '../../contract/datasets.js';
import { FieldtuneError } from '../../contract/errors.js';
import { exampleText, isSample, type Example } from './example.js';
import { assignSplits, checkLeakage, DEFAULT_RATIOS, nearDuplicateGroups, type LeakageReport, type SplitRatios } from './split.js';

export interface PlanMember {
  hash: string;
  example: Example;
  split: SplitLabel | null;
}

export interface SplitPlanOptions {
  ratios?: SplitRatios | undefined;
  seed?: number | undefined;
  stratifyBy?: string | undefined;
  keepNearDuplicatesTogether?: boolean | undefined;
}

export interface SplitPlan {
  splits: SplitLabel[];
  leakage: LeakageReport;
  ratios: SplitRatios;
  seed: number;
  keptTogether: boolean;
}

export function planSplit(members: readonly PlanMember[], options: SplitPlanOptions = {}): SplitPlan {
  const texts = members.map((m) => ({ hash: m.hash, text: exampleText(m.example) }));
  const groups = options.keepNearDuplicatesTogether === false ? null : nearDuplicateGroups(texts);
  const stratum = (m: PlanMember): string | null => {
    if (!options.stratifyBy || !isSample(m.example)) return null;
    const v = m.example.metadata?.[options.stratifyBy];
    return v === undefined || v === null ? null : String(v);
  };
  if (options.stratifyBy && !members.some((m) => stratum(m) !== null)) {
    throw new FieldtuneError('INVALID_INPUT', `No example has a "${options.stratifyBy}" value to stratify by.`);
  }
  const ratios = options.ratios ?? DEFAULT_RATIOS;
  const seed = options.seed ?? 42;
  const splits = assignSplits(
    members.map((m, i) => ({ hash: m.hash, stratum: stratum(m), ...(groups ? { group: groups[i]! } : {}) })),
    { ratios, seed },
  );
  const leakage = checkLeakage(members.map((m, i) => ({ hash: m.hash, split: splits[i]!, text: texts[i]!.text })));
  return { splits, leakage, ratios, seed, keptTogether: groups !== null };
}

/** Leakage of a version already split. */
export function planLeakage(members: readonly PlanMember[]): LeakageReport {
  if (members.some((m) => m.split === null)) throw new FieldtuneError('INVALID_INPUT', 'This version is not split yet; split it first.');
  return checkLeakage(members.map((m) => ({ hash: m.hash, split: m.split!, text: exampleText(m.example) })));
}
