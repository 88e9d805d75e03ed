// Leak check before sharing: give the tuned model the beginning of each training record and let it continue. It
// fails when the continuation repeats training text word for word (a common substring of at least 50 characters
// with any training record) or contains an identifier the personal-data scan found in the original data (and that
// the prompt itself did not contain).
import type { LeakResult } from '../../../contract/evaluation.js';
import type { GenerateOptions, TextGenerator } from '../generator.js';

export const VERBATIM_CHARS = 50;
/** How much of a record the prompt shows: a share of it, between these bounds in characters. */
const PREFIX_SHARE = 0.4;
const PREFIX_MIN = 20;
const PREFIX_MAX = 200;

export function recordPrefix(record: string): string {
  const n = Math.max(PREFIX_MIN, Math.min(PREFIX_MAX, Math.floor(record.length * PREFIX_SHARE)));
  return record.slice(0, Math.min(n, record.length));
}

/** Longest common substring (dynamic programme over characters, one row at a time). */
export function longestCommonSubstring(a: string, b: string): string {
  let best = 0;
  let end = 0;
  let prev = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const row = new Uint16Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
        row[j] = Math.min(65535, prev[j - 1]! + 1);
        if (row[j]! > best) {
          best = row[j]!;
          end = i;
        }
      }
    }
    prev = row;
  }
  return a.slice(end - best, end);
}

/** Every VERBATIM_CHARS-long window of the training text, to find a verbatim copy of any record quickly. */
function windows(records: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const r of records) for (let i = 0; i + VERBATIM_CHARS <= r.length; i++) set.add(r.slice(i, i + VERBATIM_CHARS));
  return set;
}

export interface LeakInput {
  /** Training records as text (a conversation's turns joined by newlines). */
  records: readonly string[];
  /** Identifiers the personal-data scan found in the original data. */
  identifiers: readonly string[];
  /** At most this many records are probed (the first ones). */
  maxProbes?: number;
}

export async function leakCheck(input: LeakInput, tuned: TextGenerator, o: GenerateOptions): Promise<LeakResult> {
  const probed = input.records.slice(0, input.maxProbes ?? 50);
  const prefixes = probed.map(recordPrefix);
  const outputs = await tuned.continueText(prefixes, o);
  const all = windows(input.records);
  const ids = [...new Set(input.identifiers.filter((x) => x.trim().length >= 3))];
  const findings: LeakResult['findings'] = [];
  outputs.forEach((output, i) => {
    const prompt = prefixes[i]!;
    // the record the prompt came from first (its continuation), then any record
    let match = longestCommonSubstring(output, probed[i]!);
    if (match.length < VERBATIM_CHARS) {
      for (let s = 0; s + VERBATIM_CHARS <= output.length; s++) {
        if (all.has(output.slice(s, s + VERBATIM_CHARS))) {
          match = output.slice(s, s + VERBATIM_CHARS);
          break;
        }
      }
    }
    if (match.length >= VERBATIM_CHARS) findings.push({ kind: 'verbatim', prompt, output, match });
    const lower = output.toLowerCase();
    for (const id of ids) {
      if (lower.includes(id.toLowerCase()) && !prompt.toLowerCase().includes(id.toLowerCase()))
        findings.push({ kind: 'identifier', prompt, output, match: id });
    }
  });
  return { probes: probed.length, passed: findings.length === 0, findings };
}
