// The words a number plate follows, for plates.ts (every language) and legal.ts (English court papers): both regexes
// run only where one of their words is, found by one scan of the text for the two word lists together.
import { textMemo } from './alnumRuns.js';

export const PLATE_WORD = String.raw`(?:registration|reg\.?|rego|number plate|plate|Kennzeichen|amtliches Kennzeichen|immatriculation|matrícula|matricula|targa|kenteken|registreringsnummer|rekisteritunnus|tablica|vehicle|véhicule)`;
export const LEGAL_PLATE_WORD = String.raw`(?:licen[cs]e plate|registration plate|plate|tag)`;

/**
 * Both word alternations with the flags of the regexes they open (i and u: 'ſ' and the Kelvin sign match 's' and
 * 'k' in both), so it matches wherever either regex's words do. Literal words without a look-behind in front: V8
 * scans ~3.3 ms per M chars for them, where anchoredScan.ts's keywordStarts walk over every letter run took ~6-7 and
 * let ~11 times more positions through (every letter run next to a non-ASCII unit).
 */
const WORDS = new RegExp(`${PLATE_WORD}|${LEGAL_PLATE_WORD}`, 'giu');

/** Every position where a plate word of either list begins (overlapping ones too: "registration plate" and "plate"). */
export function plateWordStarts(input: string): number[] {
  return textMemo(input, 'plate words', () => {
    const out: number[] = [];
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(input); m !== null; m = WORDS.exec(input)) {
      out.push(m.index);
      WORDS.lastIndex = m.index + 1;
    }
    return out;
  });
}
