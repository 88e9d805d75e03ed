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
  title: RegExp;
  label: RegExp;
  credential: RegExp;
}

const ROLE_AFTER = /^,?[ \t]*(?:an individual|individually|Plaintiffs?|Defendants?|Petitioner|Respondent|Appellant|Appellee|Debtor|Claimant|et al\.?|Esq\.?)(?![\p{L}])/iu;
/** Labels that name a person's role outright; the weaker ones ("to", "and", "by") also need a dictionary hit. */
const STRONG_LABELS = /(?:patient|client|plaintiffs?|defendants?|petitioner|respondent|appellant|appellee|claimant|debtor|witness|deponent|decedent|testator|guardian|tenant|landlord|employee|name|mother|father|wife|husband|son|daughter|spouse|sister|brother|attending|sincerely|regards|submitted|signed|signature|dear|judge|honorable|hon|insured|beneficiary|applicant|student|parent|next of kin|emergency contact)$/i;
const CITATION = /[\p{Lu}][\p{L}\p{M}.'’& -]{0,80}? v\. [\p{Lu}][\p{L}\p{M}.'’&, -]{0,80}?,[ \t]+\d{1,4}[ \t]+[A-Z][A-Za-z0-9. ]{0,20}?[ \t]+\d{1,5}/gu;

const cache = new WeakMap<PiiResources, Compiled>();

function compile(res: PiiResources): Compiled {
  const hit = cache.get(res);
  if (hit) return hit;
  const alt = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map((x) => escapeRe(x).replace(/\s+/g, '[ \\t]+')).join('|');
  const out = {
    titles: new Set(res.titles.map(foldKey)),
    title: new RegExp(`(?:^|[^\\p{L}])(?:${alt(res.titles)})\\.?[ \\t]+$`, 'u'),
    label: new RegExp(`(?:^|[^\\p{L}])(${alt(res.nameLabels)})[ \\t]*[:,]?[ \\t]*(?:\\r?\\n[ \\t]*){0,2}$`, 'iu'),
    credential: new RegExp(`^,?[ \\t]*(?:${alt(res.credentials)})(?![\\p{L}])`, 'iu'),
  };
  cache.set(res, out);
  return out;
}

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  for (const m of input.matchAll(TOKEN)) {
    let raw = m[0];
    const poss = /['’]s?$/.exec(raw);
    if (poss) raw = raw.slice(0, poss.index);
    raw = raw.replace(/-+$/, '');
    if (!raw) continue;
    const start = m.index ?? 0;
    const first = raw[0] ?? '';
    const cap = first !== first.toLowerCase() && first === first.toUpperCase();
    const letters = raw.replace(/[^\p{L}]/gu, '');
    out.push({ start, end: start + raw.length, key: foldKey(raw), cap, upper: cap && letters.length > 1 && letters === letters.toUpperCase() });
  }
  return out;
}

function inDict(res: PiiResources, key: string): { first: boolean; last: boolean } {
  const parts = key.includes('-') ? [key, ...key.split('-')] : [key];
  const plain = parts.map((p) => p.replace(/'/g, ''));
  const all = [...parts, ...plain];
  return { first: all.some((p) => res.firstNames.has(p)), last: all.some((p) => res.lastNames.has(p)) };
}

export function detectNames(input: string, res: PiiResources): PiiSpan[] {
  const c = compile(res);
  const tokens = tokenize(input);
  const excluded: [number, number][] = [];
  for (const m of input.matchAll(CITATION)) excluded.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const isExcluded = (t: Token) => excluded.some(([s, e]) => t.start >= s && t.end <= e);

  const dict = tokens.map((t) => inDict(res, t.key));
  const nameLike = (i: number): boolean => {
    const t = tokens[i];
    const d = dict[i];
    if (!t || !d || !t.cap || isExcluded(t)) return false;
    if (res.credentials.has(t.key.replace(/\./g, '')) || c.titles.has(t.key)) return false;
    if (t.upper && !d.first && !d.last && t.key.length <= 3) return false;
    if ((res.commonCapitalized.has(t.key) || res.orgWords.has(t.key)) && !d.first && !d.last) return false;
    return true;
  };
  const joins = (a: Token, b: Token): boolean => {
    const gap = input.slice(a.end, b.start);
    if (/^[ \t]+$/.test(gap)) return true;
    return a.end - a.start === 1 && /^\.[ \t]*$/.test(gap); // an initial: "J. Smith"
  };

  // Runs of name-like tokens, with particles allowed between two of them ("Ana de la Cruz").
  const runs: number[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameLike(i)) continue;
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
  for (const run of runs) {
    const first = tokens[run[0] ?? 0];
    const last = tokens[run[run.length - 1] ?? 0];
    if (!first || !last) continue;
    const before = input.slice(Math.max(0, first.start - 60), first.start);
    const afterText = input.slice(last.end, last.end + 40);
    const nextTok = tokens[(run[run.length - 1] ?? 0) + 1];
    // "Johns Hopkins Hospital", "Baker McKenzie LLP": an organization, not a person.
    if (nextTok && joins(last, nextTok) && res.orgWords.has(nextTok.key)) continue;
    if (/^[ \t]*&/.test(afterText)) continue;
    // Eponyms: "Parkinson's disease", "Crohn's", "Bell palsy", "Miranda warnings".
    const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(last.end, last.end + 30));
    const possessive = /^['’]s?(?![\p{L}])/u.test(input.slice(last.end, last.end + 3));
    const titled = c.title.test(before);
    const labelM = c.label.exec(before);
    const credentialed = c.credential.test(afterText);
    const role = ROLE_AFTER.test(afterText) || /[ \t]v\.[ \t]*$/.test(before) || /^[ \t]+v\.[ \t]/.test(afterText);
    if (!titled && follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) continue;
    if (!titled && !labelM && possessive && res.eponyms.has(last.key)) continue;
    if (!titled && !labelM && run.length === 1 && res.eponyms.has(first.key)) continue;

    const hits = run.map((i) => dict[i] ?? { first: false, last: false });
    const words = run.filter((i) => tokens[i]?.cap);
    const known = hits.filter((h) => h.first || h.last).length;
    const firstHit = run.some((i) => dict[i]?.first && !res.ambiguous.has(tokens[i]?.key ?? ''));
    const lastHit = run.some((i) => dict[i]?.last && !res.ambiguous.has(tokens[i]?.key ?? ''));
    const strongLabel = !!labelM && (/:\s*$|,\s*$/.test(before) ? true : STRONG_LABELS.test(labelM[1] ?? ''));
    let confidence = 0;
    if (titled || credentialed) confidence = 0.9;
    else if (strongLabel || role) confidence = known > 0 || words.length >= 2 ? 0.85 : 0.6;
    else if (labelM && known > 0) confidence = 0.75;
    else if (words.length >= 2 && (firstHit || lastHit) && known >= 1) confidence = known >= 2 ? 0.8 : 0.65;
    else if (words.length === 1 && (firstHit || lastHit) && !first.upper) confidence = 0.5;
    if (confidence === 0) continue;
    accepted.push(makeSpan(input, first.start, last.end, 'NAME', confidence, titled || labelM || credentialed || role ? 'context' : 'dictionary'));
  }

  // Other mentions of a found name part ("Mr. Núñez" found, then "Núñez declined").
  const parts = new Set<string>();
  for (const s of accepted) {
    for (const t of tokens) {
      if (t.start >= s.start && t.end <= s.end && t.key.length > 1 && !PARTICLES.has(t.key) && !res.ambiguous.has(t.key)) parts.add(t.key);
    }
  }
  const covered = (t: Token) => accepted.some((s) => t.start < s.end && t.end > s.start);
  const extra: PiiSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !t.cap || !parts.has(t.key) || covered(t) || isExcluded(t)) continue;
    const follower = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(t.end, t.end + 30));
    if (follower?.[1] && res.eponymFollowers.has(foldKey(follower[1]))) continue;
    extra.push(makeSpan(input, t.start, t.end, 'NAME', 0.5, 'propagation'));
  }
  return [...accepted, ...extra];
}
