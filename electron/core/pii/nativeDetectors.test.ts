// The compiled detectors against their TypeScript twins: the same candidates, in the same order, on the labelled
// documents and on random text built from the pieces identifiers are made of; and the add-on's regex matcher
// against V8's RegExp, position by position.
import { describe, expect, it } from 'vitest';
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import {
  COURT_PIECES,
  DATE_PIECES,
  LABEL_PIECES,
  NAME_PIECES,
  PIECES,
  PLACE_PIECES,
  PLATE_PIECES,
  WORLD_DATE_PIECES,
  WORLD_NAME_PIECES,
  WORLD_PIECES,
  WORLD_PLACE_PIECES,
} from '../../../test/unit/piiPieces.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';
import { COMPILED_FAMILIES, compiledByDefault, loadNativeDetectors, nativeDetectors, nativeDetectorsStatus } from './nativeDetectors.js';
import type { CompiledFamily } from './nativeDetectors.js';
import { detectAges, detectDates } from './dates.js';
import { detectPii } from './detect.js';
import type { DetectOptions } from './detect.js';
import { detectLabelled } from './labelled.js';
import { detectLegalNumbers } from './legal.js';
import { detectNames, nameKeys } from './names.js';
import { nameKeysInText } from './namePropagation.js';
import { detectNationalIds } from './nationalIds.js';
import { SECTION_BEFORE, detectPatterns } from './patterns.js';
import { detectPlaces } from './places.js';
import { detectPlates } from './plates.js';
import { detectWorldDates } from './worldDates.js';
import { detectWorldPlaces } from './worldPlaces.js';
import { detectWorldNames } from './worldNames.js';
import { NATIONAL_PHONE } from './phones.js';
import { loadPiiResources } from './resources.js';
import type { PiiResources } from './resources.js';
import { spanTableOf, spansOf } from './spanTable.js';
import type { PiiSpan } from './types.js';

const native = nativeDetectors();
const res = loadPiiResources();
// Built by `npm ci` (native/pii/build.mjs); only an install that skipped every native build may lack it.
const skipped = native === null && process.env['FIELDTUNE_SKIP_NATIVE'] === '1';
if (skipped) console.log(`[nativeDetectors.test] skipped: the add-on is ${nativeDetectorsStatus()} and FIELDTUNE_SKIP_NATIVE=1`);

describe('finding the compiled detectors', () => {
  it('says why they do not run when turned off or missing, and the TypeScript detectors run instead', () => {
    expect(loadNativeDetectors({ FIELDTUNE_PII_NATIVE: '0' })).toEqual({ detectors: null, why: 'turned off (FIELDTUNE_PII_NATIVE=0)' });
    const missing = loadNativeDetectors({ FIELDTUNE_PII_ADDON: '/nowhere/fieldtune_pii.node' });
    expect(missing.detectors).toBeNull();
    expect(missing.why).toBe('not built (/nowhere/fieldtune_pii.node is missing: run node native/pii/build.mjs)');
  });
});

describe.skipIf(skipped)('compiled personal-data detectors', () => {
  it('are built and load', () => {
    expect(nativeDetectorsStatus()).toMatch(/^loaded from /);
  });

  it('leave detectPii as it was: the same spans with the compiled families as without', () => {
    let spans = 0;
    for (const text of labelledTexts()) {
      const want = detectPii(text, { compiled: false });
      spans += want.length;
      expect(detectPii(text, { compiled: true })).toEqual(want);
    }
    expect(spans).toBeGreaterThan(1000);
    // Random texts of every family's pieces: candidates of several families overlap, so the add-on's resolution of
    // overlaps (resolve.cpp) is checked against resolveOverlaps, with other least confidences and a policy too.
    const every = [...PIECES, ...PLACE_PIECES, ...WORLD_PLACE_PIECES, ...NAME_PIECES, ...LABEL_PIECES, ...DATE_PIECES, ...WORLD_NAME_PIECES];
    spans = 0;
    for (const [i, text] of randomMixes(8093, every, 600, 5, 60).entries()) {
      const options: DetectOptions = { minConfidence: [0.3, 0, 0.7][i % 3] ?? 0.3 };
      if (i % 5 === 0) options.policy = { types: ['NAME', 'ZIP', 'DATE'] };
      const want = detectPii(text, { ...options, compiled: false });
      spans += want.length;
      expect(detectPii(text, { ...options, compiled: true }), JSON.stringify(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(800);
    // Texts that once made a compiled walk quadratic (every start of a long run walked to its end): the same spans.
    for (const text of ['a%'.repeat(300) + 'b@example.org', '\ud83d\ude00'.repeat(500) + ' März 2024', '患者は、東京都の病院で、'.repeat(50)])
      expect(detectPii(text, { compiled: true })).toEqual(detectPii(text, { compiled: false }));
    expect(compiledByDefault({})).toBe(true);
    expect(compiledByDefault({ FIELDTUNE_PII_NATIVE: '0' })).toBe(false);
  });

  it('find in a long text what they find in each of its copies (its buffers in huge pages where the kernel lends them)', () => {
    // From 1 MB on, the add-on's buffers (its copy of the text, the words, the candidates) are mapped apart in 2 MB
    // pages (native/pii/src/bigBuffers.h): a text of identical copies, where names found in one are in every one,
    // must give each copy the spans of one, at its offset.
    const unit = `${labelledTexts().join('\n\n')}\n\n`;
    const copies = Math.ceil(1_500_000 / unit.length);
    const text = unit.repeat(copies);
    const one = spansOf(unit, native?.detectTable(unit, res, 0.3) ?? spanTableOf([]));
    const all = spansOf(text, native?.detectTable(text, res, 0.3) ?? spanTableOf([]));
    expect(one.length).toBeGreaterThan(1000);
    expect(all).toHaveLength(one.length * copies);
    for (let k = 0; k < copies; k++) {
      const at = k * unit.length;
      expect(all.slice(k * one.length, (k + 1) * one.length)).toEqual(one.map((s) => ({ ...s, start: s.start + at, end: s.end + at })));
    }
    expect(all).toEqual(detectPii(text, { compiled: true }));
  });

  it('find the name keys the TypeScript tokenizer finds, in the same order', () => {
    // what a piece of a long text hands the others (namePropagation.ts keysOfNames): the NAME spans' texts joined
    const names = labelledTexts()
      .flatMap((text) => detectPii(text, { compiled: false }))
      .filter((s) => s.type === 'NAME')
      .map((s) => s.text);
    const joined = names.join('\n');
    const want = [...nameKeysInText(joined, res)];
    expect(want.length).toBeGreaterThan(200);
    expect(native?.nameKeys(joined, res)).toEqual(want);
    // and any text: words in every script and case, particles, ambiguous words, possessives, words glued to digits
    let keys = 0;
    for (const text of randomMixes(4099, [...NAME_PIECES, ...WORLD_NAME_PIECES], 300, 3, 40)) {
      const expected = [...nameKeysInText(text, res)];
      keys += expected.length;
      expect(native?.nameKeys(text, res), JSON.stringify(text)).toEqual(expected);
    }
    expect(keys).toBeGreaterThan(300);
  });

  it('give every family at once what each gives alone, from one copy of the text', () => {
    const text = labelledTexts().join('\n\n');
    const all = native?.all(text, res);
    for (const family of COMPILED_FAMILIES) expect(all?.[family], family).toEqual(native?.[family](text, res));
    expect(Object.values(all ?? {}).flat().length).toBeGreaterThan(500);
  });

  // Each family against its twin: every labelled document, then random texts of the pieces its identifiers are made
  // of (and one long one: a scan's state carries across many matches); the least counts keep the checks from
  // passing on texts where nothing is found.
  const families: [CompiledFamily, (text: string, res: PiiResources) => PiiSpan[], readonly string[], number, number][] = [
    ['patterns', detectPatterns, PIECES, 300, 400],
    ['nationalIds', detectNationalIds, WORLD_PIECES, 50, 250],
    ['labelled', detectLabelled, LABEL_PIECES, 150, 500],
    ['legalNumbers', detectLegalNumbers, COURT_PIECES, 20, 250],
    ['dates', detectDates, DATE_PIECES, 150, 400],
    ['ages', detectAges, DATE_PIECES, 5, 30],
    ['worldDates', detectWorldDates, WORLD_DATE_PIECES, 30, 250],
    ['plates', detectPlates, PLATE_PIECES, 10, 250],
    ['places', detectPlaces, PLACE_PIECES, 200, 400],
    ['worldPlaces', detectWorldPlaces, WORLD_PLACE_PIECES, 150, 400],
    ['names', detectNames, NAME_PIECES, 300, 600],
    ['worldNames', detectWorldNames, WORLD_NAME_PIECES, 20, 2000],
  ];
  it.each(families)('find what the TypeScript twin of %s finds', (family, twin, pieces, leastLabelled, leastRandom) => {
    const compiled = native?.[family];
    let spans = 0;
    for (const text of labelledTexts()) {
      const want = twin(text, res);
      spans += want.length;
      expect(compiled?.(text, res)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(leastLabelled);
    spans = 0;
    for (const text of randomMixes(family.length * 7919, pieces, 800, 5, 64)) {
      const want = twin(text, res);
      spans += want.length;
      expect(compiled?.(text, res), JSON.stringify(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(leastRandom);
    const [long = ''] = randomMixes(family.length, pieces, 1, 20000, 20000);
    expect(compiled?.(long, res)).toEqual(twin(long, res));
  });

  // The walks step over units eight at a time (native/pii/src/unitSkip.h) and leave a text's first unit and its
  // last seven to their own tests: every labelled document's lines, each cut to begin and end at every offset of an
  // eight-unit block, so a candidate sits first, last, across a block's edge and in the tail (lines where the family
  // finds something, 120 of them).
  it.each(families)('find what the TypeScript twin of %s finds however a text falls into eight-unit blocks', (family, twin) => {
    const compiled = native?.[family];
    let spans = 0;
    const lines = labelledTexts()
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.length >= 16 && twin(line, res).length > 0)
      .slice(0, 120);
    for (const line of lines)
      for (let cut = 0; cut < 9; cut++) {
        for (const text of [line.slice(cut), line.slice(0, line.length - cut), `${'x'.repeat(cut)}${line}`]) {
          const want = twin(text, res);
          spans += want.length;
          expect(compiled?.(text, res), JSON.stringify(text)).toEqual(want);
        }
      }
    expect(lines.length).toBeGreaterThan(4);
    expect(spans).toBeGreaterThan(lines.length * 9);
  });

  // Every label of the lists (the random pieces hold only some), as written, in other cases, with its blanks made
  // other blanks and 'ſ' or the Kelvin sign for its s and k, each followed by a joiner and a value.
  it('find what labelled.ts finds after every label, in every form', () => {
    const joiners = [' ', ': ', ' No. ', '#', '. ', ' is ', '\n', ' number\t= ', '-', ''];
    const values = ['00482913', 'A-1234.', '485 777 3456', '2019', '10:30', 'x9'];
    // prettier-ignore
    const forms = (l: string): string[] => [
      l, l.toUpperCase(), l.toLowerCase(), l + '.', l.replace(/ /g, '\n '), l.replace(/ /g, '\u00a0\t'),
      l.replace(/s/g, '\u017f'), l.replace(/[kK]/g, '\u212a'), 'x' + l, l + 'é',
    ];
    let spans = 0;
    let round = 0;
    for (const labels of Object.values(res.labels)) {
      const text = (labels ?? [])
        .flatMap((l) => forms(l).map((f) => `${f}${joiners[round % joiners.length]}${values[round++ % values.length]}`))
        .join(round % 3 ? '; ' : '\n');
      const want = detectLabelled(text, res);
      spans += want.length;
      expect(native?.labelled(text, res), text.slice(0, 200)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(1000);
  });

  // Label lists unlike the shipped ones, for what the trie must do as the regex does: a key ending in a blank (\s+
  // then gives back blanks), keys that fold together ('ſx', 'sx'), two dots, a final sigma, an astral letter, a
  // lower case of two units ('İ'), an upper case of two letters ('ß'), a label two types list (the first's).
  it('find what labelled.ts finds with other label lists', () => {
    const odd: PiiResources = {
      ...res,
      labels: {
        MRN: ['foo ', 'ſx', 'Ab', 'm.', 'n..', '\ud835\udc00bc', 'ΟΔΟΣ', 'İd', 'ẞ', 'CD', '#tag', 'q  r'],
        HEALTH_PLAN: ['sx', 'ab', 'cd', 'foo'],
        FAX: ['fx'],
        DEVICE: ['fx', 'a b c'],
      },
    };
    // prettier-ignore
    const pieces = [
      ...'foo |ſx|sx|SX|Sx|ab|AB|Ab|m.|M|n..|N.|\ud835\udc00bc|\ud835\udc00BC|ΟΔΟΣ|οδος|οδοσ|ΟΔΟΣΑ|i̇d|İd|ẞ|ß|CD|cd|#tag|q  r|q\tr|fx|a b c|A\nB C'.split('|'),
      ' ', '  ', '\t', ': ', '.', '\n', ' No. ', '#', '12345', '12345', 'A1234', 'A1234', '2019', '12', 'é', '\u212a', ';',
    ];
    let spans = 0;
    for (const text of randomMixes(4242, pieces, 1000, 4, 40)) {
      const want = detectLabelled(text, odd);
      spans += want.length;
      expect(native?.labelled(text, odd), JSON.stringify(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(200);
  });

  // The dataset pass (dataset.ts): seeds from other records, and the keys no name claims.
  it('find what the TypeScript names detector finds with seed names, and leave the same unclaimed keys', () => {
    const texts = labelledTexts();
    const seeds = nameKeys(
      texts.flatMap((text) => detectNames(text, res)),
      res,
    );
    const few = new Set(['smith', 'núñez', 'berg', 'cruz', 'luka', 'hello', 'parkinson', 'okonkwo', 'ивано']);
    let propagated = 0;
    let unclaimedKeys = 0;
    const check = (text: string, seedNames: ReadonlySet<string> | undefined) => {
      const wantUnclaimed = new Set<string>();
      const gotUnclaimed = new Set<string>();
      const want = detectNames(text, res, seedNames, wantUnclaimed);
      expect(native?.names(text, res, seedNames, gotUnclaimed), JSON.stringify(text)).toEqual(want);
      expect([...gotUnclaimed]).toEqual([...wantUnclaimed]);
      propagated += want.filter((s) => s.source === 'propagation').length;
      unclaimedKeys += wantUnclaimed.size;
      const options = { resources: res, seedNames, unclaimedNames: new Set<string>() };
      const compiledOptions = { ...options, unclaimedNames: new Set<string>() };
      expect(detectPii(text, { ...compiledOptions, compiled: true })).toEqual(detectPii(text, { ...options, compiled: false }));
      expect([...compiledOptions.unclaimedNames]).toEqual([...options.unclaimedNames]);
    };
    for (const text of texts) check(text, seeds);
    for (const [i, text] of randomMixes(4217, NAME_PIECES, 600, 5, 64).entries()) check(text, i % 3 === 0 ? undefined : i % 3 === 1 ? few : seeds);
    expect(propagated).toBeGreaterThan(100);
    expect(unclaimedKeys).toBeGreaterThan(1000);
  });

  it('match where V8 matches, position by position', () => {
    const sources: [string, string][] = [
      [NATIONAL_PHONE.source, ''],
      [SECTION_BEFORE.source, ''],
      [String.raw`(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])`, ''],
      [String.raw`(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?!\d)`, ''],
      [String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'` + '`' + String.raw`{}|\\^[\]]+`, 'i'],
      [String.raw`(?:a|ab)(?:c|bcd)(?!x)`, ''],
      [String.raw`(?:a?)*?b|(?:x{0,2})+y`, ''],
      [String.raw`(?<=\d[ .]|[A-Z]{2})\d+?(?=\D|$)`, ''],
      [String.raw`^\s?(?:mg|mcg|g|units?|\/)`, 'i'],
      [String.raw`[^\d\s-]{2,4}\B.`, ''],
      [String.raw`\x41\u00e9?[\x30-\x39]`, ''],
      // what the other detectors need: \p{...} under u, look-behinds of varying length, case folding beyond ASCII
      [String.raw`(?<![\p{L}\d+]|\d[ .-]|\+\d{1,4}[ .-]?)(?:\d{3}([ -]?)\d{3}\1\d{4})(?![\p{L}\d]|[ -]\d)`, 'u'],
      [String.raw`(?:tel|phone|téléphone|teléfono|móvil|handy)\.?[ \t]*:?[ \t]*$`, 'i'],
      [String.raw`[\p{Lu}][\p{L}\p{M}'’.\-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}]*){0,2}`, 'u'],
      [String.raw`(?<first>\p{Lu}\p{Ll}+)\s+(?<last>[\p{Script=Han}\p{Script=Cyrillic}]+|ſ\w+)`, 'iu'],
      [String.raw`\b\w+\b`, 'iu'],
    ];
    for (const [source, flags] of sources) {
      const sticky = new RegExp(source, flags + 'y');
      for (const [round, mix] of randomMixes(source.length, PIECES, 60, 6, 36).entries()) {
        const text = mix + (round % 2 ? 'abcd aab 12 3.4 mg x' : ' Žofie Ивано 王小明 Straße ſtraße STRASSE');
        for (let pos = 0; pos <= text.length; pos++) {
          sticky.lastIndex = pos;
          const m = sticky.exec(text);
          const want = m ? pos + m[0].length : -1;
          expect(native?.regexMatchAt(source, flags, text, pos), `/${source}/${flags} at ${pos} of ${JSON.stringify(text)}`).toBe(want);
        }
      }
    }
  });

  it("keeps V8's answers when a deep backtracking stack is reused, grown and shrunk from call to call", () => {
    // each repetition of the alternation leaves a choice point: thousands outgrow the engine's 32 entries on the C
    // stack, and the block kept between calls (regex.cpp ExecStack) serves the next call, deeper or shallower
    // (each unit one choice, so a miss costs one pass back, not every way to split the text)
    const source = String.raw`(?:a|b)*(?:x|y)`;
    const sticky = new RegExp(source, 'y');
    for (const n of [3, 40, 2000, 7, 9000, 1, 500, 20000, 0, 64]) {
      for (const tail of ['x', 'z', '']) {
        const text = 'ab'.repeat(n) + 'a'.repeat(n % 7) + tail;
        sticky.lastIndex = 0;
        const m = sticky.exec(text);
        expect(native?.regexMatchAt(source, '', text, 0), `${n} ${tail}`).toBe(m ? m[0].length : -1);
      }
    }
  });

  it('refuse a pattern that does not compile, with the reason', () => {
    expect(() => native?.regexMatchAt('(?<a>x)(?<a>y)', '', 'xy', 0)).toThrow(/duplicate group name/);
    expect(() => native?.regexMatchAt('[b-a]', '', 'a', 0)).toThrow(/does not compile/);
    expect(() => native?.regexMatchAt('a', 'g', 'a', 0)).toThrow(/flag not supported/);
  });
});
