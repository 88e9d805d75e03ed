// The words a number plate follows, for plates.ts (every language) and legal.ts (English court papers): both regexes
// run only where a letter run opens with one of them, found by one keywordStarts walk over the text for both.
import { keywords } from './anchoredScan.js';
import { sharedKeywordStarts } from './keywordLeads.js';

export const PLATE_WORD = String.raw`(?:registration|reg\.?|rego|number plate|plate|Kennzeichen|amtliches Kennzeichen|immatriculation|matrícula|matricula|targa|kenteken|registreringsnummer|rekisteritunnus|tablica|vehicle|véhicule)`;
/** PLATE_WORD's words as written, without the regex's optional dot. */
export const PLATE_WORDS = PLATE_WORD.slice(3, -1)
  .split('|')
  .map((w) => w.replace('\\.?', ''));
export const LEGAL_PLATE_WORDS = ['licence plate', 'license plate', 'registration plate', 'plate', 'tag'];

/** Both lists' leading letters; a plate value may follow a word directly ("regAB12"), so a run need only begin with them. */
const ALL = keywords([...PLATE_WORDS, ...LEGAL_PLATE_WORDS], false);

/** Where a plate word can open (after no letter; a digit before is allowed), for both detectors' narrowKeywordStarts. */
export function plateWordStarts(input: string): number[] {
  return sharedKeywordStarts(input, 'plate words', ALL, false);
}
