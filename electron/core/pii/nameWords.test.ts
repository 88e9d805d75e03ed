// The per-word facts of the name detector (nameWords.ts), kept per word text across texts, must equal what the
// detector computed for each capitalized word before (the list tests inline, kept here as the reference), on every
// capitalized word of the labelled documents but the blind split and of edge strings, from a cold table and a warm
// one, and after the table starts over.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameLists } from './nameContext.js';
import { AMBIGUOUS, EPONYM, FIRST, LAST, LEADING_NOT_NAME, LISTED_NAME_LIKE, MAX_WORDS, capitalizedWordFacts } from './nameWords.js';
import { PARTICLES, foldKey, loadPiiResources } from './resources.js';
import type { PiiResources } from './resources.js';
import { CAP, UPPER, tokenizeWords } from './wordTokens.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const edges = [
  "Jean-Pierre Al-Hassan X-Ray O'Brien D’Arcy I'm You're We'll I'd Can't",
  'MD PhD RN Dr Mr Judge He Hello Thanks SMITH ANA ABC AB A Q',
  'Parkinson Crohn Bell Hospital Clinic Street Monday January',
  'NÚÑEZ José ÉMILE Zoë Σοφία ΠΑΠΑΔΟΠΟΥΛΟΣ Иван ИВАНОВ Ǆemal',
  'De-La Van-Der Mac-Donald Mc-X Le-Pen Ter-Horst St-John',
];

const LEADING = ['i', 'me', 'my', 'you', 'your', 'we', 'our', 'us', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'it'];

/** The dictionary bits and list verdicts names.ts computed per word before nameWords.ts. */
function reference(raw: string, key: string, upper: boolean, res: PiiResources): number {
  let d: number;
  if (!key.includes('-') && !key.includes("'")) d = (res.firstNames.has(key) ? FIRST : 0) | (res.lastNames.has(key) ? LAST : 0);
  else {
    const capitalizedParts = raw.split('-').every((p) => (/^\p{Lu}/u.test(p) && p.length > 1) || PARTICLES.has(foldKey(p)));
    const parts = key.includes('-') && capitalizedParts ? [key, ...key.split('-')] : [key];
    const all = [...parts, ...parts.map((p) => p.replace(/'/g, ''))];
    d = (all.some((p) => res.firstNames.has(p)) ? FIRST : 0) | (all.some((p) => res.lastNames.has(p)) ? LAST : 0);
  }
  const titles = new Set(res.titles.map(foldKey));
  let listed = true;
  if (res.credentials.has(key) || titles.has(key)) listed = false;
  else if ((key.includes("'") || key.includes('’')) && /^\p{L}+['’](?:m|re|ve|ll|d|t)$/iu.test(key)) listed = false;
  else if (upper && d === 0 && key.length <= 3) listed = false;
  else if (d === 0 && (res.commonCapitalized.has(key) || res.orgWords.has(key))) listed = false;
  return (
    d |
    (listed ? LISTED_NAME_LIKE : 0) |
    (res.ambiguous.has(key) ? AMBIGUOUS : 0) |
    (res.eponyms.has(key) ? EPONYM : 0) |
    (LEADING.includes(key) || ['hi', 'hello', 'hey', 'thanks', 'please', 'sorry', 'yes'].includes(key) ? LEADING_NOT_NAME : 0)
  );
}

function check(text: string, res: PiiResources): number {
  const t = tokenizeWords(text);
  const facts = capitalizedWordFacts(t, res);
  let n = 0;
  for (let i = 0; i < t.count; i++) {
    const raw = text.slice(t.start[i], t.end[i]);
    const flags = t.flags[i] ?? 0;
    if (!(flags & CAP)) {
      expect(facts[i]).toBe(0);
      continue;
    }
    n++;
    expect(t.keys[i], raw).toBe(foldKey(raw));
    const want = reference(raw, foldKey(raw), (flags & UPPER) !== 0, res);
    // LEADING_NOT_NAME's list is longer than the reference's sample: compare it only where the sample knows.
    const got = facts[i] ?? 0;
    expect(got & ~LEADING_NOT_NAME, raw).toBe(want & ~LEADING_NOT_NAME);
    if (want & LEADING_NOT_NAME) expect(got & LEADING_NOT_NAME, raw).toBe(LEADING_NOT_NAME);
  }
  return n;
}

describe('capitalizedWordFacts', () => {
  it('gives every capitalized word of the labelled documents the bits and key of the inline tests, cold and warm', () => {
    const res = parseResourcesCopy();
    let n = 0;
    for (const text of texts) n += check(text, res); // cold: many words seen for the first time
    for (const text of texts) check(text, res); // warm: every word from the table
    expect(n).toBeGreaterThan(3000);
  });

  it('does the same on edge words: hyphens, apostrophes, contractions, lists, capitals, other scripts', () => {
    const res = loadPiiResources();
    for (const text of edges) expect(check(text, res)).toBeGreaterThan(3);
    const t = tokenizeWords(edges[1] ?? '');
    const facts = capitalizedWordFacts(t, res);
    const of = (w: string) => facts[(edges[1] ?? '').split(' ').indexOf(w)] ?? 0;
    expect(of('He') & LEADING_NOT_NAME).toBe(LEADING_NOT_NAME);
    expect(of('MD') & LISTED_NAME_LIKE).toBe(0);
    expect(of('ABC') & LISTED_NAME_LIKE).toBe(0);
  });

  it('stays right after the table fills and starts over', () => {
    const res = parseResourcesCopy();
    const nameLike = nameLists(res); // compiled once per resources, like the table
    expect(nameLike.titles.size).toBeGreaterThan(0);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words: string[] = [];
    for (let i = 0; words.length < MAX_WORDS + 4000; i++)
      words.push(`Q${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}${letters[Math.floor(i / 17576) % 26]}`);
    check(words.join(' '), res);
    for (const text of texts.slice(0, 5)) check(text, res);
    check(words.slice(0, 1000).join(' '), res);
  });

  it('keeps no text alive through a long word it has seen', () => {
    // A child process with the collector exposed: the heap after a 16 MB text with 20-letter capitalized words was
    // detected and dropped. A word kept as a slice of 13 code units or more kept the whole text (16 MB).
    const names = fileURLToPath(new URL('./names.ts', import.meta.url));
    const script = `
      const { detectNames } = await import(${JSON.stringify(names)});
      const { loadPiiResources } = await import(${JSON.stringify(fileURLToPath(new URL('./resources.ts', import.meta.url)))});
      const res = loadPiiResources();
      detectNames('Dear Anna Smith, warm-up.', res);
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      let text = 'x '.repeat(8_000_000) + 'Dear Maximiliansson-Oberhauser, Anna Abercrombie-Fitzwilliam wrote.';
      detectNames(text, res);
      text = undefined;
      await new Promise((r) => setTimeout(r, 0));
      globalThis.gc();
      console.log(String(process.memoryUsage().heapUsed - before));`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.stdout.trim())).toBeLessThan(4_000_000);
  }, 30_000);
});

/** A resources object of its own, so the table starts cold for it. */
function parseResourcesCopy(): PiiResources {
  return { ...loadPiiResources() };
}
