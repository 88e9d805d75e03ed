// Recognising Fieldtune's own pseudonyms. A version made from a pseudonymized one (its split, a cleaned copy) holds
// surrogates, not people: checking it again must not present "Ruth Okafor" or a shifted date as new findings. A
// span is ours when its text is a surrogate the dataset's pseudonym map wrote (names word by word, so "Mrs Okafor"
// counts too), or a date the map records as shifted. Anything else is flagged as usual.
import type { PseudonymMap } from './redact.js';
import { foldKey } from './resources.js';
import { idKey, nameWords } from './surrogates.js';
import type { PiiSpan } from './types.js';

export interface SurrogateIndex {
  values: Set<string>;
  nameWords: Set<string>;
  dates: Set<string>;
}

export function surrogateIndex(map: PseudonymMap): SurrogateIndex {
  const values = new Set<string>();
  const words = new Set<string>();
  for (const [type, table] of Object.entries(map.entries)) {
    for (const surrogate of Object.values(table ?? {})) {
      values.add(idKey(surrogate));
      if (type === 'NAME') for (const w of nameWords(surrogate)) words.add(w);
    }
  }
  return { values, nameWords: words, dates: new Set(Object.keys(map.shiftedDates ?? {})) };
}

/** True when the span's text is one Fieldtune wrote as a pseudonym for this dataset. */
export function isOwnSurrogate(span: Pick<PiiSpan, 'type' | 'text'>, index: SurrogateIndex): boolean {
  if (span.type === 'DATE') return index.dates.has(span.text);
  if (index.values.has(idKey(span.text))) return true;
  if (span.type !== 'NAME') return false;
  const words = nameWords(span.text);
  return words.length > 0 && words.every((w) => index.nameWords.has(foldKey(w)));
}
