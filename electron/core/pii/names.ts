// Person names: runs of capitalized words scored by titles ("Dr."), name labels ("Patient:", "Plaintiff"),
// credentials (", MD"), and the first/last-name dictionaries; eponyms, organizations and reported case citations
// are excluded. Found names then propagate to their other mentions in the same text.
import { PARTICLES, foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { escapeRe, isLetterUnit, makeSpan } from './span.js';
import type { PiiSpan } from './types.js';
import { CAP, UPPER, tokenizeWords, wordKey } from './wordTokens.js';

interface Compiled {
  titles: Set<string>;
  labels: Set<string>;
  credential: RegExp;
}

// A party role, or a birth date / record number / age right after the words ("Aigerim Sultanova, DOB ...").
const ROLE_AFTER =
  /^,?[ \t]*(?:an individual|individually|Plaintiffs?|Defendants?|Petitioner|Respondent|Appellant|Appellee|Debtor|Claimant|et al\.?|Esq\.?|\(?(?:DOB|D\.O\.B\.|date of birth|born|MRN|aged?[ \t]+\d))(?![\p{L}])/iu;
/** A first name with an age in parentheses is a person ("Luka (7) and Mila (4)"). */
const AGE_AFTER = /^[ \t]+\((?:age[ \t]+)?\d{1,2}\)/;
/** Titles that only ever precede a person; after others ("JUDGE PRESIDING") capitals may be a heading. */
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
/** Labels that name a person's role outright; the weaker ones ("to", "and", "by") also need a dictionary hit. */
const STRONG_LABELS =
  /(?:patient|client|plaintiffs?|defendants?|petitioner|respondent|appellant|appellee|claimant|debtor|witness|deponent|decedent|testator|guardian|tenant|landlord|employee|name|mother|father|wife|husband|son|daughter|spouse|sister|brother|attending|sincerely|regards|submitted|signed|signature|dear|judge|honorable|hon|insured|beneficiary|applicant|student|parent|next of kin|emergency contact)$/i;
const CITATION = /[\p{Lu}][\p{L}\p{M}.'’& -]{0,80}?\s+v\.\s+[\p{Lu}][\p{L}\p{M}.'’&, -]{0,80}?,\s+\d{1,4}\s+[A-Z][A-Za-z0-9. ]{0,20}?\s+\d{1,5}/gu;

/** Legal-form suffixes of companies in the set's countries, as a word of their own. */
const COMPANY_SUFFIX =
  /(?:^|[ \t])(?:S\.L|S\.A|S\.A\.S|B\.V|N\.V|S\.r\.l|Srl|S\.p\.A|SpA|GmbH|AG|KG|SARL|SAS|Ltd|Pty|OÜ|UAB|d\.o\.o|Oy|ApS|A\/S|LLC|Inc|PLC|plc)\.?(?![\p{L}])/u;

/** "I'm", "You're", "We'll", "I'd": a pronoun's contraction, never part of a name (unlike "O'Brien"). */
const CONTRACTION = /^\p{L}+['’](?:m|re|ve|ll|d|t)$/iu;

/** Pronouns and greetings that are also names somewhere ("He" is a surname): never the first word of a longer run. */
const LEADING_NOT_NAME = new Set([
  'i',
  'me',
  'my',
  'you',
  'your',
  'we',
  'our',
  'us',
  'he',
  'him',
  'his',
  'she',
  'her',
  'they',
  'them',
  'their',
  'it',
  'hi',
  'hello',
  'hey',
  'hiya',
  'thanks',
  'cheers',
  'morning',
  'evening',
  'welcome',
  'yes',
  'okay',
  'please',
  'sorry',
  'bye',
  'goodbye',
  'howdy',
]);

const cache = new WeakMap<PiiResources, Compiled>();

function compile(res: PiiResources): Compiled {
  const hit = cache.get(res);
  if (hit) return hit;
  const alt = (xs: Iterable<string>) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map((x) => escapeRe(x).replace(/\s+/g, '[ \\t]+'))
      .join('|');
  const out = {
    titles: new Set(res.titles.map(foldKey)),
    labels: new Set(res.nameLabels.map((l) => foldKey(l).replace(/\s+/g, ' '))),
    // Case-sensitive: "MD", "Esq." are credentials, "do" and "Rd" are not.
    credential: new RegExp(`^,?[ \\t]*(?:${alt(res.credentialForms)})(?![\\p{L}])`, 'u'),
  };
  cache.set(res, out);
  return out;
}

/** The word right before a run, if it is a title ("Dr.", "MR.", "Judge"). Set lookups: regex alternations over
 * every label were the detector's hot spot. */
function titleBefore(input: string, start: number, c: Compiled): boolean {
  let i = start;
  while (i > 0 && (input[i - 1] === ' ' || input[i - 1] === '\t')) i--;
  if (i === start) return false;
  if (input[i - 1] === '.') i--;
  let j = i;
  while (j > 0 && j > i - 16 && isLetterUnit(input, j - 1)) j--;
  return j < i && c.titles.has(foldKey(input.slice(j, i)));
}

/** The name label before a run ("Patient:", "Attorney for", "Sincerely,\n"), up to 4 words, and its punctuation. */
function labelBefore(input: string, start: number, c: Compiled): { label: string; punct: boolean } | undefined {
  // A backward scan: blanks and up to two line breaks, an optional ':' or ',', blanks, then up to 4 words.
  let i = start;
  let breaks = 0;
  while (i > 0) {
    const ch = input[i - 1];
    if (ch === ' ' || ch === '\t' || ch === '\r') i--;
    else if (ch === '\n' && breaks < 2) {
      i--;
      breaks++;
    } else break;
  }
  const punct = input[i - 1] === ':' || input[i - 1] === ',';
  if (punct) i--;
  while (i > 0 && (input[i - 1] === ' ' || input[i - 1] === '\t')) i--;
  let j = i;
  for (let w = 0; w < 4 && j > 0; w++) {
    let k = j;
    while (k > 0 && (isLetterUnit(input, k - 1) || input.charCodeAt(k - 1) === 39 || input.charCodeAt(k - 1) === 0x2019)) k--;
    if (k === j) break;
    j = k;
    if (input[j - 1] !== ' ' || !isLetterUnit(input, j - 2)) break;
    if (w < 3) j--;
  }
  if (j >= i) return undefined;
  const words = foldKey(input.slice(j, i).trim()).split(/[ \t]+/);
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const label = words.slice(words.length - k).join(' ');
    if (c.labels.has(label)) return { label, punct };
  }
  return undefined;
}

/**
 * The letters of the word that ends `text` before its trailing blanks and an optional dot ("Judge. " -> "Judge"), or
 * '' when there is none: what /(\p{L}+)\.?[ \t]+$/u finds, by one backward scan (the regex retried every start
 * position of the 60-character window for each name run, 4% of a CLI run's CPU).
 */
function wordBeforeBlanks(text: string): string {
  let i = text.length;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === text.length) return '';
  if (text[i - 1] === '.') i--;
  let j = i;
  while (j > 0 && LETTER.test(text[j - 1] ?? '')) j--;
  // A letter outside the BMP is two code units; step over a surrogate pair as one letter.
  while (j > 1 && /[\uDC00-\uDFFF]/.test(text[j - 1] ?? '') && LETTER.test(text.slice(j - 2, j))) {
    j -= 2;
    while (j > 0 && LETTER.test(text[j - 1] ?? '')) j--;
  }
  return text.slice(j, i);
}
const LETTER = /^\p{L}$/u;

/** Dictionary bits of a word: a known first name, a known family name. */
const FIRST = 1;
const LAST = 2;

/** The word is input.slice(start, end); sliced only for a hyphenated or apostrophed word (most are neither). */
function inDict(res: PiiResources, key: string, input: string, start: number, end: number): number {
  if (!key.includes('-') && !key.includes("'")) return (res.firstNames.has(key) ? FIRST : 0) | (res.lastNames.has(key) ? LAST : 0);
  const raw = input.slice(start, end);
  // Parts of a hyphenated word count only when each is a capitalized word: "Jean-Pierre", "Al-Hassan"; not "X-Ray".
  const capitalizedParts = raw.split('-').every((p) => (/^\p{Lu}/u.test(p) && p.length > 1) || PARTICLES.has(foldKey(p)));
  const parts = key.includes('-') && capitalizedParts ? [key, ...key.split('-')] : [key];
  const plain = parts.map((p) => p.replace(/'/g, ''));
  const all = [...parts, ...plain];
  return (all.some((p) => res.firstNames.has(p)) ? FIRST : 0) | (all.some((p) => res.lastNames.has(p)) ? LAST : 0);
}

/** Folded name words of NAME spans: seed for detectNames in the other records of the same dataset. */
export function nameKeys(spans: Iterable<Pick<PiiSpan, 'type' | 'text'>>, res: PiiResources): Set<string> {
  const out = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'NAME') continue;
    const t = tokenizeWords(s.text);
    for (let i = 0; i < t.count; i++) {
      if (!((t.flags[i] ?? 0) & CAP)) continue;
      const key = wordKey(t, i);
      if (key.length > 1 && !PARTICLES.has(key) && !res.ambiguous.has(key)) out.add(key);
    }
  }
  return out;
}

/** A capital letter at input[at] (one code unit, what /\p{Lu}/u finds there when the text is cut after it). */
function capitalAt(input: string, at: number): boolean {
  const code = input.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(input[at] ?? '');
}
const CAPITAL = /^\p{Lu}$/u;

/** Blanks (space, tab) back from `at`: the index after the last non-blank before it, not below `floor`. */
function skipBlanksBack(input: string, at: number, floor: number): number {
  while (at > floor && (input.charCodeAt(at - 1) === 32 || input.charCodeAt(at - 1) === 9)) at--;
  return at;
}

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
  const c = compile(res);
  const t = tokenizeWords(input);
  const { count: n, start, end, flags } = t;
  const key = (i: number): string => wordKey(t, i);
  const cap = (i: number): boolean => ((flags[i] ?? 0) & CAP) !== 0;
  const upper = (i: number): boolean => ((flags[i] ?? 0) & UPPER) !== 0;
  const startOf = (i: number): number => start[i] ?? 0;
  const endOf = (i: number): number => end[i] ?? 0;

  const excluded: [number, number][] = [];
  // Reported citations: the regex runs only on a window around each " v. ", not over the whole text.
  for (let at = input.indexOf(' v.'); at >= 0; at = input.indexOf(' v.', at + 3)) {
    const from = Math.max(0, at - 90);
    const window = input.slice(from, at + 200);
    for (const m of window.matchAll(CITATION)) {
      const s = from + (m.index ?? 0);
      if (s <= at && s + m[0].length > at) excluded.push([s, s + m[0].length]);
    }
  }
  // One merge walk over words and citations, both in text order (a test per word against every citation was
  // quadratic in a long legal file).
  excluded.sort((a, b) => a[0] - b[0]);
  const excludedTok = new Uint8Array(n);
  let ci = 0;
  let reach = -1;
  for (let i = 0; i < n; i++) {
    while (ci < excluded.length && (excluded[ci]?.[0] ?? 0) <= startOf(i)) reach = Math.max(reach, excluded[ci++]?.[1] ?? 0);
    excludedTok[i] = endOf(i) <= reach ? 1 : 0;
  }

  // FIRST/LAST bits of every capitalized word; lower-case words are never looked up.
  const dict = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (cap(i)) dict[i] = inDict(res, key(i), input, startOf(i), endOf(i));
  // nameLike is asked up to three times per word (as a run's start, its next word, after particles): memoized,
  // 1 = yes, 2 = no.
  const nameLikeMemo = new Uint8Array(n);
  const nameLikeOf = (i: number): boolean => {
    if (!cap(i) || excludedTok[i]) return false;
    const s = startOf(i);
    const e = endOf(i);
    // An initial before a name ("K. Andersen") even when the letter is also a lab symbol (K, Na).
    // "Q." and "A." opening a line are a transcript's question and answer marks.
    const lineStart = s === 0 || input.charCodeAt(s - 1) === 10;
    if (e - s === 1 && input.charCodeAt(e) === 46 && input.charCodeAt(e + 1) === 32 && capitalAt(input, e + 2)) {
      const code = input.charCodeAt(s);
      if (!(lineStart && (code === 81 || code === 65))) return true;
    }
    const k = key(i);
    // A word has no dot in it, so the credential key (dots removed) is the key itself.
    if (res.credentials.has(k) || c.titles.has(k)) return false;
    if ((k.includes("'") || k.includes('’')) && CONTRACTION.test(k)) return false;
    const d = dict[i] ?? 0;
    if (upper(i) && d === 0 && k.length <= 3) return false;
    if (d === 0 && (res.commonCapitalized.has(k) || res.orgWords.has(k))) return false;
    return true;
  };
  const nameLike = (i: number): boolean => {
    if (i >= n) return false;
    let m = nameLikeMemo[i] ?? 0;
    if (m === 0) {
      m = nameLikeOf(i) ? 1 : 2;
      nameLikeMemo[i] = m;
    }
    return m === 1;
  };
  // Character tests, not a slice of the gap and a regex: this runs for every pair of neighbouring capitals.
  const joins = (a: number, b: number): boolean => {
    const ae = endOf(a);
    const gap = startOf(b) - ae;
    // One space only: names never span table columns ("Mendoza    Insured ID").
    if (gap === 1 && input.charCodeAt(ae) === 32) return true;
    // An initial: "J. Smith", "J.Smith".
    return ae - startOf(a) === 1 && input.charCodeAt(ae) === 46 && (gap === 1 || (gap === 2 && input.charCodeAt(ae + 1) === 32));
  };

  // Runs of name-like words, with particles allowed between two of them ("Ana de la Cruz").
  const runs: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (!nameLike(i)) continue;
    if (i + 1 < n && LEADING_NOT_NAME.has(key(i)) && joins(i, i + 1) && nameLike(i + 1)) continue;
    const run = [i];
    let j = i + 1;
    while (j < n && run.length < 6) {
      if (!joins(run[run.length - 1] ?? i, j)) break;
      if (nameLike(j)) {
        run.push(j++);
        continue;
      }
      let k = j;
      while (k < n && !cap(k) && k - j < 3 && PARTICLES.has(key(k))) k++;
      if (k > j && k < n && joins(k - 1, k) && nameLike(k)) {
        for (let p = j; p <= k; p++) run.push(p);
        j = k + 1;
        continue;
      }
      break;
    }
    runs.push(run);
    i = j - 1;
  }

  const accepted: PiiSpan[] = [];
  const coveredTok = new Uint8Array(n);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] ?? [];
    // Lower-case particles right before the run belong to it when a title precedes them ("Dr. van der Berg").
    const head = run[0] ?? 0;
    let k = head;
    while (k > 0 && !cap(k - 1) && startOf(k) - endOf(k - 1) === 1 && input.charCodeAt(endOf(k - 1)) === 32 && PARTICLES.has(key(k - 1))) k--;
    if (k < head && titleBefore(input, startOf(k), c)) run.unshift(...Array.from({ length: head - k }, (_, p) => k + p));
    const f = run[0] ?? 0;
    const l = run[run.length - 1] ?? 0;
    const firstStart = startOf(f);
    const lastEnd = endOf(l);
    const before = input.slice(Math.max(0, firstStart - 60), firstStart);
    const afterText = input.slice(lastEnd, lastEnd + 40);
    const titled = titleBefore(input, firstStart, c);
    const floor = Math.max(0, firstStart - 60);
    const beforeBlanks = skipBlanksBack(input, firstStart, floor);
    const labelM = labelBefore(input, firstStart, c);
    // ", PA 18503" is a state and a ZIP, not a physician assistant.
    const credentialed = c.credential.test(afterText) && !/^,[ \t]*[A-Z]{2}[ \t]+\d{5}/.test(afterText);
    // An all-caps caption party with words between it and its role: "MERRICK B. GARLAND, Attorney General, Respondent".
    const captionRole = upper(f) && /^,[^\n\r]{0,40}?\b(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?)\b/i.test(afterText);
    const endsVersus = beforeBlanks > floor && input.charCodeAt(beforeBlanks - 1) === 46 && input.charCodeAt(beforeBlanks - 2) === 118;
    const role =
      captionRole ||
      ROLE_AFTER.test(afterText) ||
      (run.length === 1 && AGE_AFTER.test(afterText) && !upper(f) && (((dict[f] ?? 0) & FIRST) !== 0 || /child|son|daughter|kids|grand/i.test(before))) ||
      (endsVersus && VERSUS_BEFORE.test(before)) ||
      /^[ \t]+v\.[ \t]/.test(afterText);

    let capWords = 0;
    let known = 0;
    let firstHit = false;
    let lastHit = false;
    let allUpper = true;
    for (const i of run) {
      if (cap(i)) capWords++;
      if (!upper(i)) allUpper = false;
      const d = dict[i] ?? 0;
      if (d === 0) continue;
      known++;
      if (res.ambiguous.has(key(i))) continue;
      if (d & FIRST) firstHit = true;
      if (d & LAST) lastHit = true;
    }
    const strongLabel = !!labelM && (labelM.punct || STRONG_LABELS.test(labelM.label));
    let confidence = 0;
    // "JUDGE PRESIDING": a title before upper-case words that no dictionary knows is a heading, not a name.
    const shouting = allUpper && known === 0 && !PERSON_TITLES.has(foldKey(wordBeforeBlanks(before)));
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
    if (/^[ \t]*&/.test(afterText)) continue;
    // A trade name after "d/b/a" is a business ("Kowalczyk Roofing"), whatever words it holds. The regex runs only
    // when the last letter before the blanks can end one of its phrases.
    const endsAs = beforeBlanks < firstStart && beforeBlanks > floor && /[aAsS]/.test(input[beforeBlanks - 1] ?? '');
    if (endsAs && DBA_BEFORE.test(before)) continue;
    // Eponyms: "Parkinson's disease", "Crohn's", "Bell palsy", "Miranda warnings".
    const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(lastEnd, lastEnd + 30));
    const possessive = /^['’]s?(?![\p{L}])/u.test(input.slice(lastEnd, lastEnd + 3));
    if (!titled && follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) continue;
    if (!titled && !labelM && possessive && res.eponyms.has(key(l))) continue;
    if (!titled && !labelM && run.length === 1 && res.eponyms.has(key(f))) continue;
    // A known multi-word city is a place, even when one word is also a name ("São Paulo", "San Jose").
    if (!titled && capWords >= 2 && res.cities.has(foldKey(input.slice(firstStart, lastEnd)))) continue;
    // "Núñez, José" / "OKONKWO, CHIDI" after a label: family name, comma, given name(s) form one span.
    let spanEnd = lastEnd;
    const next = runs[r + 1];
    const nf = next?.[0];
    if (
      next &&
      nf !== undefined &&
      run.length === 1 &&
      (strongLabel || upper(f)) &&
      startOf(nf) - lastEnd === 2 &&
      input.charCodeAt(lastEnd) === 44 &&
      input.charCodeAt(lastEnd + 1) === 32 &&
      ((dict[nf] ?? 0) & FIRST) !== 0
    ) {
      spanEnd = endOf(next[next.length - 1] ?? 0);
      for (const i of next) coveredTok[i] = 1;
      r++;
    }
    // A lone dictionary word ("Sheffield" before a postcode) is found but does not spread to other mentions.
    for (const i of run) coveredTok[i] = confidence > 0.5 ? 1 : 2;
    accepted.push(makeSpan(input, firstStart, spanEnd, 'NAME', confidence, titled || labelM || credentialed || role ? 'context' : 'dictionary'));
  }

  // Other mentions of a found name part ("Mr. Núñez" found, then "Núñez declined").
  const own = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (coveredTok[i] !== 1) continue;
    const k = key(i);
    if (k.length > 1 && !PARTICLES.has(k) && !res.ambiguous.has(k)) own.add(k);
  }
  if (unclaimed) for (let i = 0; i < n; i++) if (cap(i) && !coveredTok[i] && !excludedTok[i] && !own.has(key(i))) unclaimed.add(key(i));
  const parts = seedNames?.size ? new Set<string>([...seedNames, ...own]) : own;
  const extra: PiiSpan[] = [];
  if (parts.size === 0) return accepted;
  for (let i = 0; i < n; i++) {
    if (!cap(i) || coveredTok[i] || excludedTok[i] || !parts.has(key(i))) continue;
    if (propagationBlocked(input, startOf(i), endOf(i), res)) continue;
    extra.push(makeSpan(input, startOf(i), endOf(i), 'NAME', 0.5, 'propagation'));
  }
  return [...accepted, ...extra];
}

/** "'s" and one blank exactly between two words ("Vincent's University"): what /^['’]s[ \t]$/ tests on the gap. */
function possessiveBlankBetween(input: string, from: number, to: number): boolean {
  if (to - from !== 3) return false;
  const a = input.charCodeAt(from);
  const b = input.charCodeAt(from + 2);
  return (a === 39 || a === 0x2019) && input.charCodeAt(from + 1) === 115 && (b === 32 || b === 9);
}

/** A found name word is not spread to a mention that is an eponym ("Parkinson disease") or a trade name. */
function propagationBlocked(input: string, start: number, end: number, res: PiiResources): boolean {
  const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(end, end + 30));
  if (follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) return true;
  return /\b(?:d\/b\/a|dba)[ \t]+$/i.test(input.slice(Math.max(0, start - 12), start));
}

/**
 * Other mentions of name words found elsewhere (another piece of the same long text), in a text whose own spans are
 * already known: the words of `seeds` that no span covers, with the same eponym and "d/b/a" guards as detectNames.
 * One walk over the words; spans must be sorted by start.
 */
export function propagateNames(input: string, spans: readonly PiiSpan[], seeds: ReadonlySet<string>, res: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  const t = tokenizeWords(input);
  let si = 0;
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i] ?? 0;
    const end = t.end[i] ?? 0;
    while (si < spans.length && (spans[si]?.end ?? 0) <= start) si++;
    if (!((t.flags[i] ?? 0) & CAP) || !seeds.has(wordKey(t, i))) continue;
    const s = spans[si];
    if (s && s.start < end) continue;
    if (propagationBlocked(input, start, end, res)) continue;
    out.push(makeSpan(input, start, end, 'NAME', 0.5, 'propagation'));
  }
  return out;
}
