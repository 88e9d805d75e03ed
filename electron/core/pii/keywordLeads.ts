// Narrows anchoredScan.ts's keywordStarts for one keyword regex. keywordStarts always lets through every non-ASCII
// unit that opens after no letter and every letter run followed by a non-ASCII unit (a keyword may go on with "é",
// and under the i and u flags 'ſ' and the Kelvin sign match 's' and 'k'). In text with non-Latin script that is
// thousands of positions per M chars, each a sticky regex try; for a given list of keywords nearly all can be ruled
// out: a non-ASCII unit can open a match only if it is one a keyword's first letter folds from, and a letter run
// followed by one only if it and a keyword agree as far as the shorter goes (the keyword goes on with the non-ASCII
// unit, or the run holds the keyword and a value glued to it).

export interface KeywordLeads {
  /** The keywords as written, lower-cased when the regex has the i flag. */
  readonly words: readonly string[];
  readonly ignoreCase: boolean;
  /** Non-ASCII units a keyword's first letter folds from under the i and u flags: 'ſ' for 's', the Kelvin sign for 'k'. */
  readonly foldedFirsts: ReadonlySet<number>;
}

export function keywordLeads(words: readonly string[], ignoreCase: boolean): KeywordLeads {
  const list = words.map((w) => (ignoreCase ? w.toLowerCase() : w));
  const foldedFirsts = new Set<number>();
  if (ignoreCase && list.some((w) => w.startsWith('s'))) foldedFirsts.add(0x17f);
  if (ignoreCase && list.some((w) => w.startsWith('k'))) foldedFirsts.add(0x212a);
  return { words: list, ignoreCase, foldedFirsts };
}

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** The candidates of keywordStarts that a match of a regex led by `leads`' keywords can start at. */
export function narrowKeywordStarts(input: string, starts: number[], leads: KeywordLeads): number[] {
  const out: number[] = [];
  for (const p of starts) {
    const c = input.charCodeAt(p);
    if (c >= 128) {
      if (leads.foldedFirsts.has(c)) out.push(p);
      continue;
    }
    let e = p;
    while (isAsciiLetter(input.charCodeAt(e))) e++;
    // A run followed by ASCII (or the text's end) passed keywordStarts' own test of its letters.
    if (!(input.charCodeAt(e) >= 128)) {
      out.push(p);
      continue;
    }
    const run = leads.ignoreCase ? input.slice(p, e).toLowerCase() : input.slice(p, e);
    if (leads.words.some((w) => w.startsWith(run) || run.startsWith(w))) out.push(p);
  }
  return out;
}
