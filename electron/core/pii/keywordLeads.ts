// Narrows anchoredScan.ts's keywordStarts to one keyword regex, so that one keywordStarts call (a walk over every
// letter run, ~7 ms per M chars) can serve several regexes. keywordStarts also lets through every non-ASCII unit
// that opens after no letter and every letter run followed by a non-ASCII unit (a keyword may go on with "é", and
// under the i and u flags 'ſ' and the Kelvin sign match 's' and 'k'): in text with non-Latin script that is thousands
// of positions per M chars, each a sticky regex try. For a given list of keywords nearly all can be ruled out.
import { textMemo } from './alnumRuns.js';
import { keywordStarts } from './anchoredScan.js';
import type { Keywords } from './anchoredScan.js';

export interface KeywordLeads {
  /** The keywords as written, lower-cased when the regex has the i flag. */
  readonly words: readonly string[];
  /** The ASCII letters each keyword opens with, of the keywords whose next character is ASCII (or none). */
  readonly asciiLeads: readonly string[];
  readonly ignoreCase: boolean;
  /** Non-ASCII units a keyword's first letter folds from under the i and u flags: 'ſ' for 's', the Kelvin sign for 'k'. */
  readonly foldedFirsts: ReadonlySet<number>;
}

/** The keywords of a regex (as written, without regex syntax), and whether it has the i flag. */
export function keywordLeads(words: readonly string[], ignoreCase: boolean): KeywordLeads {
  const list = words.map((w) => (ignoreCase ? w.toLowerCase() : w));
  const lead = (w: string): string => /^[a-z]*/i.exec(w)?.[0] ?? '';
  // A keyword whose letters go on past ASCII ("véhicule") is found by the non-ASCII rule below, not by its lead.
  const asciiLeads = list.filter((w) => !(w.charCodeAt(lead(w).length) >= 128)).map(lead);
  const foldedFirsts = new Set<number>();
  if (ignoreCase && list.some((w) => w.startsWith('s'))) foldedFirsts.add(0x17f);
  if (ignoreCase && list.some((w) => w.startsWith('k'))) foldedFirsts.add(0x212a);
  return { words: list, asciiLeads, ignoreCase, foldedFirsts };
}

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * keywordStarts(input, kw, refuseDigit) for the text, computed once for all the regexes that share `kw` (a Keywords
 * holding every keyword of theirs, in prefix mode) and kept with the text's runs (alnumRuns.ts).
 */
export function sharedKeywordStarts(input: string, key: string, kw: Keywords, refuseDigit: boolean): number[] {
  return textMemo(input, key, () => keywordStarts(input, kw, refuseDigit));
}

/**
 * The candidates (from keywordStarts in prefix mode over these keywords or more) a match of a regex led by `leads`'
 * keywords can start at: a letter run that begins with a keyword's ASCII letters; a letter run followed by a
 * non-ASCII unit that a keyword begins with (the keyword goes on with that unit) or that begins with a keyword (a
 * value glued to it); a non-ASCII unit a keyword's first letter folds from.
 */
export function narrowKeywordStarts(input: string, starts: readonly number[], leads: KeywordLeads): number[] {
  const out: number[] = [];
  for (const p of starts) {
    const c = input.charCodeAt(p);
    if (c >= 128) {
      if (leads.foldedFirsts.has(c)) out.push(p);
      continue;
    }
    let e = p;
    while (isAsciiLetter(input.charCodeAt(e))) e++;
    const run = leads.ignoreCase ? input.slice(p, e).toLowerCase() : input.slice(p, e);
    if (input.charCodeAt(e) >= 128) {
      if (leads.words.some((w) => w.startsWith(run) || run.startsWith(w))) out.push(p);
    } else if (leads.asciiLeads.some((lead) => run.startsWith(lead))) out.push(p);
  }
  return out;
}
