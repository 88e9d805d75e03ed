// Numbers as the Evaluate step shows them: shares as percentages, 0-100 scores with one decimal, perplexity plainly.
import { METRIC_INFO, type SystemName } from '../../../../electron/contract/evaluation.js';

export const SYSTEM_LABEL: Record<SystemName, string> = { base: 'Original model', tuned: 'Tuned model', baseline: 'Prompting baseline' };
export const SYSTEM_COLOR: Record<SystemName, string> = { base: '#8a8f98', tuned: '#2563eb', baseline: '#d97706' };

export function formatMetric(metric: keyof typeof METRIC_INFO, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const scale = METRIC_INFO[metric].scale;
  return scale === 'fraction' ? `${(100 * v).toFixed(1)}%` : scale === 'points' ? v.toFixed(1) : v.toPrecision(4);
}

export function lastUserText(prompt: readonly { role: string; content: string }[]): string {
  return [...prompt].reverse().find((m) => m.role === 'user')?.content ?? '';
}
