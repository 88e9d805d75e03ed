// Empty / too-short / too-long filters, measured in tokens because that is what the trainer's context limits.
import type { Example } from './example.js';
import { isSample } from './example.js';
import { countExampleTokens, roughTokenCount, type CountTokens } from './tokens.js';

export type FilterReason = 'empty' | 'too-short' | 'too-long';

export interface LengthFilterOptions {
  /** Examples with fewer tokens are removed (0 keeps everything non-empty). */
  minTokens?: number;
  /** Examples with more tokens are removed (they would be truncated in training). */
  maxTokens?: number;
  countTokens?: CountTokens;
}

export interface FilterResult {
  keep: number[];
  removed: Array<{ index: number; reason: FilterReason; tokens: number }>;
}

/** Empty means nothing to learn: a blank user turn, a blank reply, or a blank document. */
export function isEmptyExample(e: Example): boolean {
  if (!isSample(e)) return !e.text.trim();
  const turns = e.messages.filter((m) => m.role !== 'system');
  return turns.length === 0 || turns.some((m) => !m.content.trim()) || !turns.some((m) => m.role === 'assistant');
}

export function filterByLength(examples: readonly Example[], options: LengthFilterOptions = {}): FilterResult {
  const count = countExampleTokens(options.countTokens ?? roughTokenCount);
  const keep: number[] = [];
  const removed: FilterResult['removed'] = [];
  examples.forEach((e, index) => {
    if (isEmptyExample(e)) {
      removed.push({ index, reason: 'empty', tokens: 0 });
      return;
    }
    const tokens = count(e);
    if (options.minTokens !== undefined && tokens < options.minTokens) removed.push({ index, reason: 'too-short', tokens });
    else if (options.maxTokens !== undefined && tokens > options.maxTokens) removed.push({ index, reason: 'too-long', tokens });
    else keep.push(index);
  });
  return { keep, removed };
}
