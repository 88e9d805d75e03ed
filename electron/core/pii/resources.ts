// Loads the name dictionaries and context-word lists from resources/pii. Parsing is separate from file reading so
// hosts that bundle the files differently (a packaged app, a test) can hand in the text themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcePath } from '../appPaths.js';
import type { PiiType } from './types.js';

export interface PiiResources {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Display forms (as written in the lists), the pool surrogate names are drawn from. */
  firstNameForms: string[];
  lastNameForms: string[];
  cityForms: string[];
  /** Country code -> its towns as written (city-countries.txt): surrogate towns stay in the original's country. */
  countryCities: Record<string, string[]>;
  /** Folded town -> the countries whose lists hold it, in file order. */
  cityCountries: Map<string, string[]>;
  /** Names that are also ordinary words: never flagged alone. */
  ambiguous: Set<string>;
  /** Lower-cased multi-word city names. */
  cities: Set<string>;
  labels: Partial<Record<PiiType, string[]>>;
  nameLabels: string[];
  titles: string[];
  credentials: Set<string>;
  /** Credentials as written ("MD", "Esq") and upper-cased, for case-sensitive matching. */
  credentialForms: string[];
  orgWords: Set<string>;
  eponyms: Set<string>;
  eponymFollowers: Set<string>;
  commonCapitalized: Set<string>;
}

/** Lower case, NFC, diacritics folded: the key used for every dictionary lookup. */
export function foldKey(word: string): string {
  // Fast path: plain ASCII needs no Unicode normalization (most tokens; this is the detector's inner loop).
  if (/^[ -~]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase().replace(/[’]/g, "'");
}

/** Name particles inside multi-word surnames ("van den Berg"); never names on their own. */
export const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'da',
  'das',
  'dos',
  'di',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'ter',
  'ten',
  'st',
  'mac',
  'y',
]);

/** Words from a word list: '#' comments, whitespace- or '|'-separated (cities use '|' since they contain spaces). */
export function parseWordList(text: string, separator: RegExp = /\s+/): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    for (const word of line.split(separator)) {
      const w = word.trim();
      const key = foldKey(w);
      // Lower-case particles come from multi-word surnames ("de Jong"); "Van" as a given name stays.
      if (key && !(PARTICLES.has(key) && w[0] === w[0]?.toLowerCase())) out.add(key);
    }
  }
  return out;
}

/** Words as written, in file order, without duplicates; lower-case particles ("de", "van") are skipped. */
export function parseDisplayList(text: string, separator: RegExp = /\s+/): string[] {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    for (const word of line.split(separator)) {
      const w = word.trim();
      if (w && w[0] !== w[0]?.toLowerCase()) out.add(w);
    }
  }
  return [...out];
}

/** "GB: London|Manchester" lines: country code, colon, '|'-separated towns; '#' comments. */
export function parseCountryTowns(text: string): { countryCities: Record<string, string[]>; cityCountries: Map<string, string[]> } {
  const countryCities: Record<string, string[]> = {};
  const cityCountries = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const m = /^([A-Z]{2}):(.*)$/.exec(line.trim());
    if (!m) throw new Error(`city-countries.txt line ${i + 1}: expected "CC: Town|Town", got "${line.slice(0, 40)}"`);
    const code = m[1]!;
    const towns = (countryCities[code] ??= []);
    for (const raw of m[2]!.split('|')) {
      const town = raw.trim();
      if (!town || towns.includes(town)) continue;
      towns.push(town);
      const lists = cityCountries.get(foldKey(town)) ?? [];
      if (!lists.includes(code)) cityCountries.set(foldKey(town), [...lists, code]);
    }
  });
  return { countryCities, cityCountries };
}

interface ContextFile {
  labels: Partial<Record<PiiType, string[]>>;
  nameLabels: string[];
  titles: string[];
  credentials: string[];
  orgWords: string[];
  eponyms: string[];
  eponymFollowers: string[];
  commonCapitalized: string[];
}

export interface ResourceTexts {
  firstNames: string;
  lastNames: string;
  ambiguous: string;
  cities: string;
  context: string;
  /** Towns by country; without it surrogate towns come from the whole city list. */
  cityCountries?: string;
}

export function parseResources(texts: ResourceTexts): PiiResources {
  const ctx = JSON.parse(texts.context) as ContextFile;
  const fold = (xs: string[]) => new Set(xs.map(foldKey));
  return {
    firstNames: parseWordList(texts.firstNames),
    lastNames: parseWordList(texts.lastNames),
    firstNameForms: parseDisplayList(texts.firstNames),
    lastNameForms: parseDisplayList(texts.lastNames),
    // The surrogate pool keeps Latin-script towns: a non-Latin form ("上海") is in the list to be found, and a
    // surrogate in another script than the text around it would stand out.
    cityForms: parseDisplayList(texts.cities, /\|/).filter((c) => /^[\p{Script=Latin}\s.'’-]+$/u.test(c)),
    ...parseCountryTowns(texts.cityCountries ?? ''),
    ambiguous: parseWordList(texts.ambiguous),
    cities: parseWordList(texts.cities, /\|/),
    labels: ctx.labels,
    nameLabels: ctx.nameLabels,
    titles: ctx.titles,
    credentials: new Set(ctx.credentials.map((c) => c.toLowerCase().replace(/\./g, ''))),
    credentialForms: [...new Set(ctx.credentials.flatMap((c) => [c, c.toUpperCase(), c.replace(/-/g, '')]))],
    orgWords: fold(ctx.orgWords),
    eponyms: fold(ctx.eponyms),
    eponymFollowers: fold(ctx.eponymFollowers),
    commonCapitalized: fold(ctx.commonCapitalized),
  };
}

/** resources/pii under the app root (found by walking up, so it works from source and from a bundle alike). */
export function defaultResourceDir(): string {
  return resourcePath('pii');
}

let cached: { dir: string; res: PiiResources } | undefined;

export function loadPiiResources(dir: string = defaultResourceDir()): PiiResources {
  if (cached && cached.dir === dir) return cached.res;
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const res = parseResources({
    firstNames: read('first-names.txt'),
    lastNames: read('last-names.txt'),
    ambiguous: read('ambiguous.txt'),
    cities: read('cities.txt'),
    context: read('context.json'),
    cityCountries: read('city-countries.txt'),
  });
  cached = { dir, res };
  return res;
}
