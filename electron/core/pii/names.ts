// Person names: runs of capitalized words scored by titles ("Dr."), name labels ("Patient:", "Plaintiff"),
// credentials (", MD"), and the first/last-name dictionaries; eponyms, organizations and reported case citations
// are excluded. Found names then propagate to their other mentions in the same text.
import { PARTICLES, foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { escapeRe, makeSpan } from './span.js';
import type { PiiSpan } from './types.js';

interface Token {
  start: number;
  /** End without a possessive 's. */
  end: number;
  key: string;
  cap: boolean;
  upper: boolean;
}

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
  while (j > 0 && j > i - 16 && /\p{L}/u.test(input[j - 1] ?? '')) j--;
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
    while (k > 0 && /[\p{L}'’]/u.test(input[k - 1] ?? '')) k--;
    if (k === j) break;
    j = k;
    if (input[j - 1] !== ' ' || !/[\p{L}]/u.test(input[j - 2] ?? '')) break;
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

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
/** An ASCII digit (what /\d/ tests); NaN (outside the text) is none. */
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  // exec in a loop, not matchAll, and plain character checks: this runs once per word of every record.
  for (let m = TOKEN.exec(input); m !== null; m = TOKEN.exec(input)) {
    const start = m.index;
    let end = start + m[0].length;
    // Letters glued to digits are codes, not words: "D1206", "B12", "4B".
    if (isDigit(input.charCodeAt(end)) || isDigit(input.charCodeAt(start - 1))) continue;
    let last = input[end - 1];
    if ((last === 's' || last === 'S') && (input[end - 2] === "'" || input[end - 2] === '’')) end -= 2;
    else if (last === "'" || last === '’') end -= 1;
    while (end > start && input[end - 1] === '-') end--;
    if (end === start) continue;
    const raw = end === start + m[0].length ? m[0] : input.slice(start, end);
    // ASCII letters by code (most words); any other first letter by its case mappings.
    const code = raw.charCodeAt(0);
    const first = raw[0] ?? '';
    const cap = code < 128 ? code >= 65 && code <= 90 : first !== first.toLowerCase() && first === first.toUpperCase();
    last = raw[raw.length - 1];
    const upper = cap && raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase() && last !== last?.toLowerCase();
    out.push({ start, end, key: foldKey(raw), cap, upper });
  }
  return out;
}

const NO_HIT = { first: false, last: false };

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

/** The word is input.slice(start, end); sliced only for a hyphenated or apostrophed word (most are neither). */
function inDict(res: PiiResources, key: string, input: string, start: number, end: number): { first: boolean; last: boolean } {
  if (!key.includes('-') && !key.includes("'")) return { first: res.firstNames.has(key), last: res.lastNames.has(key) };
  const raw = input.slice(start, end);
  // Parts of a hyphenated word count only when each is a capitalized word: "Jean-Pierre", "Al-Hassan"; not "X-Ray".
  const capitalizedParts = raw.split('-').every((p) => (/^\p{Lu}/u.test(p) && p.length > 1) || PARTICLES.has(foldKey(p)));
  const parts = key.includes('-') && capitalizedParts ? [key, ...key.split('-')] : [key];
  const plain = parts.map((p) => p.replace(/'/g, ''));
  const all = [...parts, ...plain];
  return { first: all.some((p) => res.firstNames.has(p)), last: all.some((p) => res.lastNames.has(p)) };
}

/** Folded name words of NAME spans: seed for detectNames in the other records of the same dataset. */
export function nameKeys(spans: Iterable<Pick<PiiSpan, 'type' | 'text'>>, res: PiiResources): Set<string> {
  const out = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'NAME') continue;
    for (const t of tokenize(s.text)) if (t.cap && t.key.length > 1 && !PARTICLES.has(t.key) && !res.ambiguous.has(t.key)) out.add(t.key);
  }
  return out;
}

/** seedNames: name words already found elsewhere in the dataset, flagged here too (see nameKeys). */
export function detectNames(input: string, res: PiiResources, seedNames?: ReadonlySet<string>): PiiSpan[] {
  const c = compile(res);
  const tokens = tokenize(input);
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
  // One merge walk over tokens and citations, both in text order (a test per token against every citation was
  // quadratic in a long legal file).
  excluded.sort((a, b) => a[0] - b[0]);
  const excludedTok = new Array<boolean>(tokens.length).fill(false);
  let ci = 0;
  let reach = -1;
  tokens.forEach((t, i) => {
    while (ci < excluded.length && (excluded[ci]?.[0] ?? 0) <= t.start) reach = Math.max(reach, excluded[ci++]?.[1] ?? 0);
    excludedTok[i] = t.end <= reach;
  });

  const dict = tokens.map((t) => (t.cap ? inDict(res, t.key, input, t.start, t.end) : NO_HIT));
  const nameLike = (i: number): boolean => {
    const t = tokens[i];
    const d = dict[i];
    if (!t || !d || !t.cap || excludedTok[i]) return false;
    // An initial before a name ("K. Andersen") even when the letter is also a lab symbol (K, Na).
    // "Q." and "A." opening a line are a transcript's question and answer marks.
    const lineStart = t.start === 0 || input[t.start - 1] === '\n';
    if (t.end - t.start === 1 && /^\. \p{Lu}/u.test(input.slice(t.end, t.end + 3)) && !(lineStart && /[QA]/.test(input[t.start] ?? ''))) return true;
    if (res.credentials.has(t.key.replace(/\./g, '')) || c.titles.has(t.key)) return false;
    if ((t.key.includes("'") || t.key.includes('’')) && CONTRACTION.test(t.key)) return false;
    if (t.upper && !d.first && !d.last && t.key.length <= 3) return false;
    if ((res.commonCapitalized.has(t.key) || res.orgWords.has(t.key)) && !d.first && !d.last) return false;
    return true;
  };
  // Character tests, not a slice of the gap and a regex: this runs for every pair of neighbouring capitals.
  const joins = (a: Token, b: Token): boolean => {
    const gap = b.start - a.end;
    // One space only: names never span table columns ("Mendoza    Insured ID").
    if (gap === 1 && input.charCodeAt(a.end) === 32) return true;
    // An initial: "J. Smith", "J.Smith".
    return a.end - a.start === 1 && input.charCodeAt(a.end) === 46 && (gap === 1 || (gap === 2 && input.charCodeAt(a.end + 1) === 32));
  };

  // Runs of name-like tokens, with particles allowed between two of them ("Ana de la Cruz").
  const runs: number[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameLike(i)) continue;
    const t = tokens[i];
    const n = tokens[i + 1];
    if (t && n && LEADING_NOT_NAME.has(t.key) && joins(t, n) && nameLike(i + 1)) continue;
    const run = [i];
    let j = i + 1;
    while (j < tokens.length && run.length < 6) {
      const prev = tokens[run[run.length - 1] ?? i];
      const t = tokens[j];
      if (!prev || !t || !joins(prev, t)) break;
      if (nameLike(j)) {
        run.push(j++);
        continue;
      }
      let k = j;
      while (k < tokens.length && PARTICLES.has(tokens[k]?.key ?? '') && !tokens[k]?.cap && k - j < 3) k++;
      const after = tokens[k];
      const lastParticle = tokens[k - 1];
      if (k > j && after && lastParticle && joins(lastParticle, after) && nameLike(k)) {
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
  const coveredTok = new Uint8Array(tokens.length);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] ?? [];
    // Lower-case particles right before the run belong to it when a title precedes them ("Dr. van der Berg").
    let k = run[0] ?? 0;
    while (k > 0 && PARTICLES.has(tokens[k - 1]?.key ?? '') && !tokens[k - 1]?.cap && input.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0) === ' ') k--;
    if (k < (run[0] ?? 0) && titleBefore(input, tokens[k]?.start ?? 0, c)) run.unshift(...Array.from({ length: (run[0] ?? 0) - k }, (_, n) => k + n));
    const first = tokens[run[0] ?? 0];
    const last = tokens[run[run.length - 1] ?? 0];
    if (!first || !last) continue;
    const before = input.slice(Math.max(0, first.start - 60), first.start);
    const afterText = input.slice(last.end, last.end + 40);
    const nextTok = tokens[(run[run.length - 1] ?? 0) + 1];
    // "Johns Hopkins Hospital", "Baker McKenzie LLP", "St. Vincent's University Hospital": an organization.
    if (nextTok && (joins(last, nextTok) || /^['’]s[ \t]$/.test(input.slice(last.end, nextTok.start))) && res.orgWords.has(nextTok.key)) continue;
    // "Talleres Ruiz S.L.", "Bakker Installatietechniek B.V.", "Société Martin Rénovation": a company name.
    if (COMPANY_SUFFIX.test(input.slice(first.start, last.end + 12))) continue;
    const prevTok = tokens[(run[0] ?? 0) - 1];
    if (prevTok && joins(prevTok, first) && res.orgWords.has(prevTok.key) && !titleBefore(input, first.start, c)) continue;
    if (/^[ \t]*&/.test(afterText)) continue;
    // A trade name after "d/b/a" is a business ("Kowalczyk Roofing"), whatever words it holds.
    if (/\b(?:d\/b\/a|dba|doing business as)[ \t]+$/i.test(before)) continue;
    // Eponyms: "Parkinson's disease", "Crohn's", "Bell palsy", "Miranda warnings".
    const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(last.end, last.end + 30));
    const possessive = /^['’]s?(?![\p{L}])/u.test(input.slice(last.end, last.end + 3));
    const titled = titleBefore(input, first.start, c);
    const labelM = labelBefore(input, first.start, c);
    // ", PA 18503" is a state and a ZIP, not a physician assistant.
    const credentialed = c.credential.test(afterText) && !/^,[ \t]*[A-Z]{2}[ \t]+\d{5}/.test(afterText);
    // An all-caps caption party with words between it and its role: "MERRICK B. GARLAND, Attorney General, Respondent".
    const captionRole = first.upper && /^,[^\n\r]{0,40}?\b(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?)\b/i.test(afterText);
    const role =
      captionRole ||
      ROLE_AFTER.test(afterText) ||
      (run.length === 1 && AGE_AFTER.test(afterText) && !first.upper && (!!dict[run[0] ?? 0]?.first || /child|son|daughter|kids|grand/i.test(before))) ||
      /[ \t]v\.[ \t]*$/.test(before) ||
      /^[ \t]+v\.[ \t]/.test(afterText);
    if (!titled && follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) continue;
    if (!titled && !labelM && possessive && res.eponyms.has(last.key)) continue;
    if (!titled && !labelM && run.length === 1 && res.eponyms.has(first.key)) continue;

    const hits = run.map((i) => dict[i] ?? { first: false, last: false });
    const words = run.filter((i) => tokens[i]?.cap);
    // A known multi-word city is a place, even when one word is also a name ("São Paulo", "San Jose").
    if (!titled && words.length >= 2 && res.cities.has(foldKey(input.slice(first.start, last.end)))) continue;
    const known = hits.filter((h) => h.first || h.last).length;
    const firstHit = run.some((i) => dict[i]?.first && !res.ambiguous.has(tokens[i]?.key ?? ''));
    const lastHit = run.some((i) => dict[i]?.last && !res.ambiguous.has(tokens[i]?.key ?? ''));
    const strongLabel = !!labelM && (labelM.punct || STRONG_LABELS.test(labelM.label));
    let confidence = 0;
    // "JUDGE PRESIDING": a title before upper-case words that no dictionary knows is a heading, not a name.
    const titleWord = wordBeforeBlanks(before);
    const shouting = run.every((i) => tokens[i]?.upper) && known === 0 && !PERSON_TITLES.has(foldKey(titleWord));
    if ((titled || credentialed) && !shouting) confidence = 0.9;
    else if (shouting && !role) confidence = 0;
    else if (strongLabel || role) confidence = known > 0 || words.length >= 2 ? 0.85 : 0.6;
    else if (labelM && known > 0) confidence = 0.75;
    else if (words.length >= 2 && (firstHit || lastHit) && known >= 1) confidence = known >= 2 ? 0.8 : 0.65;
    else if (words.length === 1 && (firstHit || lastHit) && !first.upper) confidence = 0.5;
    if (confidence === 0) continue;
    // "Núñez, José" / "OKONKWO, CHIDI" after a label: family name, comma, given name(s) form one span.
    let end = last.end;
    const next = runs[r + 1];
    const nextFirst = tokens[next?.[0] ?? -1];
    if (next && nextFirst && run.length === 1 && (strongLabel || first.upper) && input.slice(last.end, nextFirst.start) === ', ' && dict[next[0] ?? 0]?.first) {
      end = tokens[next[next.length - 1] ?? 0]?.end ?? end;
      for (const i of next) coveredTok[i] = 1;
      r++;
    }
    // A lone dictionary word ("Sheffield" before a postcode) is found but does not spread to other mentions.
    for (const i of run) coveredTok[i] = confidence > 0.5 ? 1 : 2;
    accepted.push(makeSpan(input, first.start, end, 'NAME', confidence, titled || labelM || credentialed || role ? 'context' : 'dictionary'));
  }

  // Other mentions of a found name part ("Mr. Núñez" found, then "Núñez declined").
  const parts = new Set<string>(seedNames);
  tokens.forEach((t, i) => {
    if (coveredTok[i] === 1 && t.key.length > 1 && !PARTICLES.has(t.key) && !res.ambiguous.has(t.key)) parts.add(t.key);
  });
  const extra: PiiSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !t.cap || !parts.has(t.key) || coveredTok[i] || excludedTok[i]) continue;
    const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(t.end, t.end + 30));
    if (follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) continue;
    if (/\b(?:d\/b\/a|dba)[ \t]+$/i.test(input.slice(Math.max(0, t.start - 12), t.start))) continue;
    extra.push(makeSpan(input, t.start, t.end, 'NAME', 0.5, 'propagation'));
  }
  return [...accepted, ...extra];
}

/**
 * Other mentions of name words found elsewhere (another piece of the same long text), in a text whose own spans are
 * already known: the words of `seeds` that no span covers, with the same eponym and "d/b/a" guards as detectNames.
 * One walk over the words; spans must be sorted by start.
 */
export function propagateNames(input: string, spans: readonly PiiSpan[], seeds: ReadonlySet<string>, res: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  let si = 0;
  for (const t of tokenize(input)) {
    while (si < spans.length && (spans[si]?.end ?? 0) <= t.start) si++;
    if (!t.cap || !seeds.has(t.key)) continue;
    const s = spans[si];
    if (s && s.start < t.end) continue;
    const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(t.end, t.end + 30));
    if (follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) continue;
    if (/\b(?:d\/b\/a|dba)[ \t]+$/i.test(input.slice(Math.max(0, t.start - 12), t.start))) continue;
    out.push(makeSpan(input, t.start, t.end, 'NAME', 0.5, 'propagation'));
  }
  return out;
}
