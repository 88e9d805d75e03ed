// Person names: runs of capitalized words scored by titles ("Dr."), name labels ("Patient:", "Plaintiff"),
// credentials (", MD"), and the first/last-name dictionaries; eponyms, organizations and reported case citations
// are excluded. Found names then propagate to their other mentions in the same text (namePropagation.ts spreads
// them across records and pieces). What a word's text alone says is in nameWords.ts, the look-backs in nameContext.ts.
import { citationWords } from './nameCitations.js';
import {
  ROLE_AFTER,
  afterCommaBlanks,
  credentialMayOpen,
  roleMayOpen,
  labelBefore,
  nameLists,
  possessiveBlankBetween,
  skipBlanksBack,
  titleBefore,
  wordBeforeBlanksStart,
  wordRange,
} from './nameContext.js';
import { eponymFollows, propagationBlocked } from './namePropagation.js';
import { findNameRuns, isParticle, wordsJoin } from './nameRuns.js';
import { AMBIGUOUS, EPONYM, FIRST, LAST, capitalizedWordFacts } from './nameWords.js';
import { FoldedWords } from './foldedWords.js';
import { PARTICLES } from './resources.js';
import type { PiiResources } from './resources.js';
import { makeSpan } from './span.js';
import type { PiiSpan } from './types.js';
import { CAP, UPPER, tokenizeWords, wordKey } from './wordTokens.js';

export { nameKeys, propagateNames } from './namePropagation.js';

/** A first name with an age in parentheses is a person ("Luka (7) and Mila (4)"). */
const AGE_AFTER = /^[ \t]+\((?:age[ \t]+)?\d{1,2}\)/;
/** Titles that only ever precede a person; after others ("JUDGE PRESIDING") capitals may be a heading. */
const PERSON_TITLES = new FoldedWords(new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']));
/** The word before the run's blanks (and an optional dot) is a person's title. */
function personTitleBefore(input: string, at: number, floor: number): boolean {
  // No blanks before the run: the word is '', never a title.
  return wordBeforeBlanksStart(input, at, floor) >= 0 && PERSON_TITLES.has(input, wordRange[0] ?? 0, wordRange[1] ?? 0);
}
/** Labels that name a person's role outright; the weaker ones ("to", "and", "by") also need a dictionary hit. */
const STRONG_LABELS =
  /(?:patient|client|plaintiffs?|defendants?|petitioner|respondent|appellant|appellee|claimant|debtor|witness|deponent|decedent|testator|guardian|tenant|landlord|employee|name|mother|father|wife|husband|son|daughter|spouse|sister|brother|attending|sincerely|regards|submitted|signed|signature|dear|judge|honorable|hon|insured|beneficiary|applicant|student|parent|next of kin|emergency contact)$/i;

/** Legal-form suffixes of companies in the set's countries, as a word of their own. */
const COMPANY_SUFFIX =
  /(?:^|[ \t])(?:S\.L|S\.A|S\.A\.S|B\.V|N\.V|S\.r\.l|Srl|S\.p\.A|SpA|GmbH|AG|KG|SARL|SAS|Ltd|Pty|OÜ|UAB|d\.o\.o|Oy|ApS|A\/S|LLC|Inc|PLC|plc)\.?(?![\p{L}])/u;

/** "d/b/a", "dba" or "doing business as" and blanks end the 60 characters before a name (a trade name follows). */
const DBA_BEFORE = /\b(?:d\/b\/a|dba|doing business as)[ \t]+$/i;
/** A ".. v. " caption before the name (a party). */
const VERSUS_BEFORE = /[ \t]v\.[ \t]*$/;

/**
 * seedNames: name words already found elsewhere in the dataset, flagged here too (see nameKeys). unclaimed, when
 * given, is filled with the keys of the capitalized words that no name here covers or claims: the only words seeds
 * could add, so a text none of whose unclaimed keys is a seed gets the same spans with seeds as without.
 */
export function detectNames(input: string, res: PiiResources, seedNames?: ReadonlySet<string>, unclaimed?: Set<string>): PiiSpan[] {
  const c = nameLists(res);
  const t = tokenizeWords(input);
  const { count: n, start, end, flags } = t;
  const key = (i: number): string => wordKey(t, i);
  const cap = (i: number): boolean => ((flags[i] ?? 0) & CAP) !== 0;
  const upper = (i: number): boolean => ((flags[i] ?? 0) & UPPER) !== 0;
  const startOf = (i: number): number => start[i] ?? 0;
  const endOf = (i: number): number => end[i] ?? 0;

  // Reported citations: the words inside one are no names (nameCitations.ts).
  const excludedTok = citationWords(t);
  // What each capitalized word's text says (nameWords.ts): FIRST/LAST dictionary bits and list verdicts; its key is
  // in t.keys too. Lower-case words are never looked up there.
  const facts = capitalizedWordFacts(t, res);
  // Runs of name-like words (nameRuns.ts), each a range of consecutive words.
  const { first: runFirst, last: runLast } = findNameRuns(t, facts, excludedTok);
  const joins = (a: number, b: number): boolean => wordsJoin(t, a, b);
  const particle = (i: number): boolean => isParticle(t, i);

  // The 60 characters before a run and the 40 after it, sliced only for the tests that read them, and the slice
  // after kept for the next test of the same run (no closures made per run).
  const before = (from: number, to: number): string => input.slice(from, to);
  let afterAt = -1;
  let afterSlice = '';
  const afterText = (at: number): string => {
    if (at !== afterAt) {
      afterAt = at;
      afterSlice = input.slice(at, at + 40);
    }
    return afterSlice;
  };
  const accepted: PiiSpan[] = [];
  const coveredTok = new Uint8Array(n);
  // The word ranges of the accepted names (the only words coveredTok marks), for the walk over their words below.
  const coveredRanges: number[] = [];
  for (let r = 0; r < runFirst.length; r++) {
    const head = runFirst[r] ?? 0;
    const l = runLast[r] ?? 0;
    // Lower-case particles right before the run belong to it when a title precedes them ("Dr. van der Berg").
    let k = head;
    while (k > 0 && !cap(k - 1) && startOf(k) - endOf(k - 1) === 1 && input.charCodeAt(endOf(k - 1)) === 32 && particle(k - 1)) k--;
    const f = k < head && titleBefore(input, startOf(k), c) ? k : head;
    const size = l - f + 1;
    const firstStart = startOf(f);
    const lastEnd = endOf(l);
    const floor = Math.max(0, firstStart - 60);
    const titled = titleBefore(input, firstStart, c);
    const beforeBlanks = skipBlanksBack(input, firstStart, floor);
    const labelM = labelBefore(input, firstStart, c);
    // Where a credential or a role opens after the run's optional comma and blanks: most runs are followed by a
    // character none of them opens with, and skip their regexes.
    const opener = afterCommaBlanks(input, lastEnd, lastEnd + 40);
    const credentialMay = credentialMayOpen(opener, c);
    // ", PA 18503" is a state and a ZIP, not a physician assistant.
    const credentialed = credentialMay && c.credential.test(afterText(lastEnd)) && !/^,[ \t]*[A-Z]{2}[ \t]+\d{5}/.test(afterText(lastEnd));
    // An all-caps caption party with words between it and its role: "MERRICK B. GARLAND, Attorney General, Respondent".
    const captionRole =
      upper(f) &&
      input.charCodeAt(lastEnd) === 44 &&
      /^,[^\n\r]{0,40}?\b(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?)\b/i.test(afterText(lastEnd));
    const endsVersus = beforeBlanks > floor && input.charCodeAt(beforeBlanks - 1) === 46 && input.charCodeAt(beforeBlanks - 2) === 118;
    // AGE_AFTER and " v. " open with a blank.
    const blankAfter = input.charCodeAt(lastEnd) === 32 || input.charCodeAt(lastEnd) === 9;
    const role =
      captionRole ||
      (roleMayOpen(opener) && ROLE_AFTER.test(afterText(lastEnd))) ||
      (size === 1 &&
        blankAfter &&
        AGE_AFTER.test(afterText(lastEnd)) &&
        !upper(f) &&
        (((facts[f] ?? 0) & FIRST) !== 0 || /child|son|daughter|kids|grand/i.test(before(floor, firstStart)))) ||
      (endsVersus && VERSUS_BEFORE.test(before(floor, firstStart))) ||
      (blankAfter && /^[ \t]+v\.[ \t]/.test(afterText(lastEnd)));

    let capWords = 0;
    let known = 0;
    let firstHit = false;
    let lastHit = false;
    let allUpper = true;
    for (let i = f; i <= l; i++) {
      if (cap(i)) capWords++;
      if (!upper(i)) allUpper = false;
      const fi = facts[i] ?? 0;
      if ((fi & (FIRST | LAST)) === 0) continue;
      known++;
      if (fi & AMBIGUOUS) continue;
      if (fi & FIRST) firstHit = true;
      if (fi & LAST) lastHit = true;
    }
    const strongLabel = !!labelM && (labelM.punct || STRONG_LABELS.test(labelM.label));
    let confidence = 0;
    // "JUDGE PRESIDING": a title before upper-case words that no dictionary knows is a heading, not a name.
    const shouting = allUpper && known === 0 && !personTitleBefore(input, firstStart, floor);
    if ((titled || credentialed) && !shouting) confidence = 0.9;
    else if (shouting && !role) confidence = 0;
    else if (strongLabel || role) confidence = known > 0 || capWords >= 2 ? 0.85 : 0.6;
    else if (labelM && known > 0) confidence = 0.75;
    else if (capWords >= 2 && (firstHit || lastHit) && known >= 1) confidence = known >= 2 ? 0.8 : 0.65;
    else if (capWords === 1 && (firstHit || lastHit) && !upper(f)) confidence = 0.5;
    // Most runs (a capitalized word no list knows, with nothing around it) stop here: the exclusions below only
    // drop a run, so they are tested only for one that would be kept.
    if (confidence === 0) continue;

    const nx = l + 1;
    // "Johns Hopkins Hospital", "Baker McKenzie LLP", "St. Vincent's University Hospital": an organization.
    if (nx < n && (joins(l, nx) || possessiveBlankBetween(input, lastEnd, startOf(nx))) && res.orgWords.has(key(nx))) continue;
    // "Talleres Ruiz S.L.", "Bakker Installatietechniek B.V.", "Société Martin Rénovation": a company name.
    if (COMPANY_SUFFIX.test(input.slice(firstStart, lastEnd + 12))) continue;
    const pv = f - 1;
    if (pv >= 0 && joins(pv, f) && res.orgWords.has(key(pv)) && !titled) continue;
    if (/^[ \t]*&/.test(afterText(lastEnd))) continue;
    // A trade name after "d/b/a" is a business ("Kowalczyk Roofing"), whatever words it holds. The regex runs only
    // when the last letter before the blanks can end one of its phrases.
    const endsAs = beforeBlanks < firstStart && beforeBlanks > floor && /[aAsS]/.test(input[beforeBlanks - 1] ?? '');
    if (endsAs && DBA_BEFORE.test(before(floor, firstStart))) continue;
    // Eponyms: "Parkinson's disease", "Crohn's", "Bell palsy", "Miranda warnings".
    if (!titled && eponymFollows(input, lastEnd, res)) continue;
    if (!titled && !labelM && (facts[l] ?? 0) & EPONYM && /^['’]s?(?![\p{L}])/u.test(input.slice(lastEnd, lastEnd + 3))) continue;
    if (!titled && !labelM && size === 1 && (facts[f] ?? 0) & EPONYM) continue;
    // A known multi-word city is a place, even when one word is also a name ("São Paulo", "San Jose").
    if (!titled && capWords >= 2 && c.citiesIn.has(input, firstStart, lastEnd)) continue;
    // "Núñez, José" / "OKONKWO, CHIDI" after a label: family name, comma, given name(s) form one span.
    let spanEnd = lastEnd;
    const nf = runFirst[r + 1];
    if (
      nf !== undefined &&
      size === 1 &&
      (strongLabel || upper(f)) &&
      startOf(nf) - lastEnd === 2 &&
      input.charCodeAt(lastEnd) === 44 &&
      input.charCodeAt(lastEnd + 1) === 32 &&
      ((facts[nf] ?? 0) & FIRST) !== 0
    ) {
      const nl = runLast[r + 1] ?? nf;
      spanEnd = endOf(nl);
      for (let i = nf; i <= nl; i++) coveredTok[i] = 1;
      coveredRanges.push(nf, nl);
      r++;
    }
    // A lone dictionary word ("Sheffield" before a postcode) is found but does not spread to other mentions.
    for (let i = f; i <= l; i++) coveredTok[i] = confidence > 0.5 ? 1 : 2;
    coveredRanges.push(f, l);
    accepted.push(makeSpan(input, firstStart, spanEnd, 'NAME', confidence, titled || labelM || credentialed || role ? 'context' : 'dictionary'));
  }

  // Other mentions of a found name part ("Mr. Núñez" found, then "Núñez declined").
  const own = new Set<string>();
  for (let r = 0; r < coveredRanges.length; r += 2)
    for (let i = coveredRanges[r] ?? 0; i <= (coveredRanges[r + 1] ?? -1); i++) {
      if (coveredTok[i] !== 1) continue;
      const k = key(i);
      if (k.length > 1 && !PARTICLES.has(k) && !res.ambiguous.has(k)) own.add(k);
    }
  if (unclaimed) for (let i = 0; i < n; i++) if (cap(i) && !coveredTok[i] && !excludedTok[i] && !own.has(key(i))) unclaimed.add(key(i));
  const parts = seedNames?.size ? new Set<string>([...seedNames, ...own]) : own;
  const extra: PiiSpan[] = [];
  if (parts.size === 0) return accepted;
  // Every capitalized word has its key already (capitalizedWordFacts put it in t.keys).
  const keys = t.keys;
  for (let i = 0; i < n; i++) {
    if (!((flags[i] ?? 0) & CAP) || coveredTok[i] || excludedTok[i] || !parts.has(keys[i] ?? key(i))) continue;
    if (propagationBlocked(input, startOf(i), endOf(i), res)) continue;
    extra.push(makeSpan(input, startOf(i), endOf(i), 'NAME', 0.5, 'propagation'));
  }
  return [...accepted, ...extra];
}
