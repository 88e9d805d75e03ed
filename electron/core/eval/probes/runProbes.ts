// Runs the four probes with opened generators: retention (shipped general-skills items and general text),
// robustness and bias (on the test prompts), and the leak check (on the training records, when there are any).
// Every probe compares the tuned model with the original, so without a tuned model there is nothing to run.
import { readFileSync } from 'node:fs';
import type { Sample } from '../../../contract/domain.js';
import type { ProbeResults } from '../../../contract/evaluation.js';
import { resourcePath } from '../../appPaths.js';
import type { OpenedGenerators } from '../llamaGenerator.js';
import { toTestItem } from '../prompts.js';
import { textPerplexity } from '../textPerplexity.js';
import { biasProbe } from './bias.js';
import { leakCheck } from './leak.js';
import { retentionProbe, type RetentionItem } from './retention.js';
import { robustnessProbe } from './robustness.js';

export interface ProbeOptions {
  samples: readonly Sample[];
  maxNewTokens: number;
  /** Model files, for the general-text perplexity. */
  base?: string;
  adapter?: string;
  threads?: number;
  /** Training records as text and the identifiers found in the original data (the leak check). */
  training?: { records: readonly string[]; identifiers: readonly string[] };
  /** At most this many retention items (all by default). */
  retentionItems?: number;
  signal?: AbortSignal;
  onProgress?: (phase: string) => void;
}

export function loadRetentionItems(): RetentionItem[] {
  return readFileSync(resourcePath('eval', 'retention.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RetentionItem);
}

export function loadGeneralText(): string[] {
  return readFileSync(resourcePath('eval', 'general-text.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function sampleText(s: Sample): string {
  return s.messages
    .filter((m) => m.role !== 'system')
    .map((m) => m.content)
    .join('\n');
}

export async function runProbes(g: OpenedGenerators, o: ProbeOptions): Promise<ProbeResults> {
  if (!g.tuned || !g.tunedText) return { retention: null, robustness: null, bias: null, leak: null };
  const pair = { base: g.base, tuned: g.tuned };
  const gen = { maxNewTokens: o.maxNewTokens, ...(o.signal ? { signal: o.signal } : {}) };
  const short = { ...gen, maxNewTokens: Math.min(o.maxNewTokens, 32) };
  const prompts = o.samples.map((s, i) => toTestItem(s, i).prompt);

  o.onProgress?.('checking general skills (retention)');
  const items = loadRetentionItems().slice(0, o.retentionItems ?? Infinity);
  let perplexity = { base: 0, tuned: 0 };
  if (o.base && o.adapter) {
    const p = await textPerplexity({ base: o.base, adapter: o.adapter, texts: loadGeneralText(), threads: o.threads ?? 2 });
    perplexity = { base: p.base, tuned: p.tuned ?? p.base };
  }
  const retention = await retentionProbe(items, pair, perplexity, short);
  o.onProgress?.('checking robustness to typos and rewording');
  const robustness = await robustnessProbe(prompts, pair, gen);
  o.onProgress?.('checking answers when only a name, pronoun or age changes');
  const bias = await biasProbe(prompts, pair, gen);
  o.onProgress?.('checking for leaked training text');
  const leak = o.training && o.training.records.length > 0 ? await leakCheck(o.training, g.tunedText, gen) : null;
  return { retention, robustness, bias, leak };
}
