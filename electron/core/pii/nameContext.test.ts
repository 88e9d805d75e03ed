// The look-backs and look-aheads of the name detector (nameContext.ts) must answer what the slicing and regex code
// they replaced answered (kept here as the reference, as it was before), at every word start of every labelled
// document but the blind split and of edge strings; the after-run prefilters must never turn away a position where
// their regex matches.
import { describe, expect, it } from 'vitest';
import {
  ROLE_AFTER,
  afterCommaBlanks,
  credentialMayOpen,
  foldSlice,
  labelBefore,
  nameLists,
  roleMayOpen,
  titleBefore,
  wordBeforeBlanksFolded,
} from './nameContext.js';
import type { NameLists } from './nameContext.js';
import { eponymFollows } from './namePropagation.js';
import { foldKey, loadPiiResources } from './resources.js';
import { isLetterUnit } from './span.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const res = loadPiiResources();
const lists = nameLists(res);

const edges = [
  '',
  'Patient: Ana Ruiz',
  'PATIENT NAME:\n\nANA RUIZ',
  'Patient name:\r\n\r\n\r\nAna', // three line breaks: too many
  'Attorney for Plaintiff Jane Doe; attorney  for John',
  'Next of kin: Mila, Emergency contact Luka',
  'Sincerely,\n  Ana Ruiz',
  'Dr. Smith, DR Jones, Dr.Smith, Prof  Lee, Judge. Brown, MR.  X',
  "l’avocat O'Brien, D’Arcy’s Name: Zoë",
  'NÚÑEZ, JOSÉ; Ñandú Pérez; Σοφία ΠΑΠΑΔΟΠΟΥΛΟΣ: ΟΔΟΣ Ανδρέας',
  '𝒜lice 𝐁ob: Carl, x\ud835 Dan, \udc00 Eve', // astral letters and lone surrogates before a run
  'ſtudent: Ana, KELVIN Bob', // letters that fold to ASCII under /iu
  '1234 Main: Ana, 12:30 Bob',
  'Ana, MD; Ana , MD; Ana,\tPhD; Ana, PA 18503; Ana, Esq.; Ana (DOB 1/2/3); Ana, aged 7; Ana, an individual',
  'Ana , Plaintiff; Ana,  Defendants; Ana, et al.; Ana, ĐOB; Ana,ÉSQ',
  `Ana,${' '.repeat(45)}MD and Ana,${' '.repeat(35)}Plaintiff`,
];

/** titleBefore as names.ts had it before nameContext.ts. */
function refTitleBefore(input: string, start: number, c: NameLists): boolean {
  let i = start;
  while (i > 0 && (input[i - 1] === ' ' || input[i - 1] === '\t')) i--;
  if (i === start) return false;
  if (input[i - 1] === '.') i--;
  let j = i;
  while (j > 0 && j > i - 16 && isLetterUnit(input, j - 1)) j--;
  return j < i && c.titles.has(foldKey(input.slice(j, i)));
}

/** labelBefore as names.ts had it before nameContext.ts. */
function refLabelBefore(input: string, start: number, c: NameLists): { label: string; punct: boolean } | undefined {
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

/** foldKey of the letters wordBeforeBlanks found on the 60-character slice before a run, as names.ts had it. */
function refWordBeforeBlanks(text: string): string {
  const LETTER = /^\p{L}$/u;
  let i = text.length;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === text.length) return '';
  if (text[i - 1] === '.') i--;
  let j = i;
  while (j > 0 && LETTER.test(text[j - 1] ?? '')) j--;
  while (j > 1 && /[\uDC00-\uDFFF]/.test(text[j - 1] ?? '') && LETTER.test(text.slice(j - 2, j))) {
    j -= 2;
    while (j > 0 && LETTER.test(text[j - 1] ?? '')) j--;
  }
  return foldKey(text.slice(j, i));
}

/** Every position a run can start at: each letter after a non-letter (and every position of the short edge strings). */
function starts(text: string, all: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (all || (/\p{L}/u.test(text[i] ?? '') && !/\p{L}/u.test(text[i - 1] ?? ''))) out.push(i);
  return out;
}

const cases: [string, number[]][] = [
  ...texts.map((t): [string, number[]] => [t, starts(t, false)]),
  ...edges.map((t): [string, number[]] => [t, starts(t, true)]),
];

describe('name look-backs', () => {
  it('labelBefore finds the label and punctuation the slicing version found', () => {
    let found = 0;
    for (const [text, at] of cases)
      for (const s of at) {
        const want = refLabelBefore(text, s, lists);
        if (want) found++;
        expect(labelBefore(text, s, lists), `${JSON.stringify(text.slice(Math.max(0, s - 30), s + 10))} at ${s}`).toEqual(want);
      }
    expect(found).toBeGreaterThan(500);
  });

  it('titleBefore and the word before an all-capitals run answer what the slicing versions answered', () => {
    let titled = 0;
    for (const [text, at] of cases)
      for (const s of at) {
        const want = refTitleBefore(text, s, lists);
        if (want) titled++;
        expect(titleBefore(text, s, lists)).toBe(want);
        const floor = Math.max(0, s - 60);
        expect(wordBeforeBlanksFolded(text, s, floor)).toBe(refWordBeforeBlanks(text.slice(floor, s)));
      }
    expect(titled).toBeGreaterThan(100);
  });

  it('foldSlice folds as foldKey does', () => {
    for (const w of ['', 'abc', 'ABC', 'Ab’c', 'ÉCOLE', 'Zoë', 'a\tb', 'x~y', 'ſ', 'İstanbul', 'ΟΔΟΣ'])
      expect(foldSlice(`<${w}>`, 1, w.length + 1)).toBe(foldKey(w));
  });
});

describe('after-run prefilters', () => {
  it('never turn away a position where ROLE_AFTER or the credential regex matches the 40 characters after it', () => {
    let roles = 0;
    let credentials = 0;
    for (const text of [...texts, ...edges])
      for (let at = 0; at <= text.length; at++) {
        const after = text.slice(at, at + 40);
        const opener = afterCommaBlanks(text, at, at + 40);
        if (ROLE_AFTER.test(after)) {
          roles++;
          expect(roleMayOpen(opener), JSON.stringify(after)).toBe(true);
        }
        if (lists.credential.test(after)) {
          credentials++;
          expect(credentialMayOpen(opener, lists), JSON.stringify(after)).toBe(true);
        }
      }
    expect(roles).toBeGreaterThan(50);
    expect(credentials).toBeGreaterThan(50);
  });

  it('turn away most positions', () => {
    const text = texts.join('\n');
    let open = 0;
    for (let at = 0; at < text.length; at++) if (roleMayOpen(afterCommaBlanks(text, at, at + 40))) open++;
    expect(open).toBeLessThan(text.length / 2);
  });
});

describe('eponym follower', () => {
  it('finds the word the follower regex found after every position, and its verdict', () => {
    const follower = (input: string, end: number): boolean => {
      const m = /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(input.slice(end, end + 30));
      return !!m?.[1] && res.eponymFollowers.has(foldKey(m[1]));
    };
    const extra = [
      "Parkinson's disease, Parkinson disease, Crohn’s  Disease, Bell\tpalsy, Miranda warnings, X'sdisease",
      `Bell ${'a'.repeat(30)}palsy Bell${' '.repeat(29)}palsy Bell \ud835\udc00disease Bell \ud835 disease Bell's`,
      'Bell DISEASE Bell Ďisease Bell sign',
      `Bell${' '.repeat(22)}disease\ud835\udc00 (an astral letter cut by the 30-character window)`,
    ];
    let yes = 0;
    for (const text of [...texts, ...edges, ...extra])
      for (let at = 0; at <= text.length; at++) {
        const want = follower(text, at);
        if (want) yes++;
        expect(eponymFollows(text, at, res), JSON.stringify(text.slice(at, at + 30))).toBe(want);
      }
    expect(yes).toBeGreaterThan(5);
  });
});
