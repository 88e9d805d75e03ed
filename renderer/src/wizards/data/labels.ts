import type { ColumnField } from '../../../../electron/contract/datasets.js';

/** Plain-language names for what a spreadsheet column can become. */
export const FIELD_LABELS: Record<ColumnField, string> = {
  user: 'Question (what the user asks)',
  assistant: 'Answer (what the model should reply)',
  system: 'System prompt (standing instructions)',
  metadata: 'Label, kept as information (e.g. category)',
  ignore: 'Ignore this column',
};

/** A share as a percentage a person reads easily (one decimal below 10 %). */
export function percent(share: number): string {
  const p = 100 * share;
  return `${p > 0 && p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}

export const number = (n: number): string => Math.round(n).toLocaleString('en-US');
