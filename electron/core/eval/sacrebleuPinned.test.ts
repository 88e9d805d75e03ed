// BLEU and chrF pinned to the expected values in sacrebleu's own test suite (github.com/mjpost/sacrebleu, commit
// f615c72, test/). Each case names the file and test it came from; the values are theirs, the code is ours.
import { describe, expect, it } from 'vitest';
import { bleuFromStats, bleuSegmentStats, corpusBleu, sentenceBleu, type BleuOptions } from './bleu.js';
import { corpusChrf, sentenceChrf } from './chrf.js';
import { tokenize13a } from './tokenize13a.js';

// test/test_bleu.py: the README example (three segments, two reference streams)
const refs = [
  ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
  ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'],
];
const hyps = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];

/** sacrebleu.raw_corpus_bleu: floor smoothing, no tokenization, effective order. */
const raw = (smoothValue?: number): BleuOptions => ({
  smooth: 'floor',
  tokenize: 'none',
  effectiveOrder: true,
  ...(smoothValue === undefined ? {} : { smoothValue }),
});

describe('BLEU against sacrebleu test/test_bleu.py', () => {
  it('test_corpus_bleu: default settings (13a, exp smoothing), tokenize none, smooth none, empty hypotheses', () => {
    expect(corpusBleu(hyps, refs)).toBeCloseTo(48.530827, 6);
    expect(corpusBleu(hyps, refs, { tokenize: '13a' })).toBeCloseTo(48.530827, 6);
    expect(corpusBleu(hyps, refs, { tokenize: 'none' })).toBeCloseTo(49.1919566, 6);
    expect(corpusBleu(hyps, refs, { smooth: 'none' })).toBeCloseTo(48.530827, 6);
    expect(corpusBleu(['', '', ''], refs)).toBe(0);
  });

  it('test_raw_bleu', () => {
    expect(corpusBleu(['this is a test', 'another test'], [['ref1', 'ref2']], raw(0.01))).toBe(0);
    expect(corpusBleu(['this is a test'], [['this is a test']], raw(0.01)) / 100).toBeCloseTo(1, 8);
    expect(corpusBleu(['this is a fest'], [['this is a test']], raw(0.01)) / 100).toBeCloseTo(0.223606797749979, 8);
  });

  it('test_effective_order', () => {
    expect(corpusBleu(['test'], [['a test']], raw(0.01)) / 100).toBeCloseTo(0.3678794411714425, 8);
    expect(corpusBleu(['a test'], [['a test']], raw(0.01)) / 100).toBeCloseTo(1, 8);
    expect(corpusBleu(['a little test'], [['a test']], raw(0.01)) / 100).toBeCloseTo(0.03218297948685433, 8);
  });

  it('test_statistics', () => {
    const s = bleuSegmentStats('am I am a character sequence', ['I am a symbol string sequence a a'], raw(0.01));
    expect(s.correct).toEqual([4, 2, 1, 0]);
    expect(s.total).toEqual([6, 5, 4, 3]);
  });

  it('test_scoring (compute_bleu with no smoothing)', () => {
    const score = bleuFromStats({ correct: [9, 7, 5, 3], total: [10, 8, 6, 4], hypLen: 11, refLen: 11 }, { smooth: 'none' });
    expect(score / 100).toBeCloseTo(0.8375922397, 8);
  });

  it('test_offset: floor 0 gives 0, the default floor 0.1 gives 0.1555722182', () => {
    const h = ['am I am a character sequence'];
    const r = [['I am a symbol string sequence a a']];
    expect(corpusBleu(h, r, raw(0))).toBe(0);
    expect(corpusBleu(h, r, raw()) / 100).toBeCloseTo(0.1555722182, 8);
  });

  it('test_degenerate_statistics (floor smoothing)', () => {
    const cases: [number[], number[], number, number, number][] = [
      [[0, 0, 0, 0], [4, 4, 2, 1], 0, 1, 0],
      [[0, 0, 0, 0], [10, 11, 12, 0], 14, 10, 0],
      [[0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0],
      [[6, 5, 4, 0], [6, 5, 4, 3], 6, 6, 0],
      [[0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0.1],
      [[0, 0, 0, 0], [0, 0, 0, 0], 1, 5, 0.01],
    ];
    for (const [correct, total, hypLen, refLen, offset] of cases) {
      expect(bleuFromStats({ correct, total, hypLen, refLen }, { smooth: 'floor', smoothValue: offset })).toBe(0);
    }
  });

  it('test_max_ngram_order', () => {
    const expected = ['77.65', '60.50', '53.93', '48.53', '46.14', '43.28'];
    expected.forEach((e, i) => expect(corpusBleu(hyps, refs, { maxOrder: i + 1 }).toFixed(2)).toBe(e));
  });
});

describe('sentence BLEU against sacrebleu test/test_sentence_bleu.py', () => {
  const REF = 'producţia de zahăr brut se exprimă în zahăr alb;';
  const SYS = 'Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;';
  // test_api_sentence_bleu (effective order on), tolerance 1e-3 as there
  const cases: [BleuOptions, number][] = [
    [{ smooth: 'exp' }, 8.493],
    [{ smooth: 'none' }, 0.0],
    [{ smooth: 'floor' }, 4.51688],
    [{ smooth: 'floor', smoothValue: 0.1 }, 4.51688],
    [{ smooth: 'floor', smoothValue: 0.5 }, 10.1],
    [{ smooth: 'add-k' }, 14.882],
    [{ smooth: 'add-k', smoothValue: 1 }, 14.882],
    [{ smooth: 'add-k', smoothValue: 2 }, 21.389],
    [{ smooth: 'exp', tokenize: 'none' }, 7.347],
  ];
  it('test_api_sentence_bleu (smoothing methods; 13a and none tokenizers)', () => {
    for (const [o, expected] of cases) expect(Math.abs(sentenceBleu(SYS, [REF], o) - expected)).toBeLessThan(1e-3);
  });

  it('test_api_sentence_bleu_zero: no matching word gives 0 with every smoothing', () => {
    for (const smooth of ['exp', 'none', 'floor', 'add-k'] as const) expect(sentenceBleu('this is a cat', ['okay thanks'], { smooth })).toBe(0);
  });
});

describe('13a tokenizer', () => {
  it('splits punctuation but keeps decimals and thousands separators inside numbers', () => {
    expect(tokenize13a('The dog, 3.5 kg (approx.) cost $1,000-ish &amp; more.')).toBe('The dog , 3.5 kg ( approx . ) cost $ 1,000 - ish & more .');
  });
});

describe('chrF against sacrebleu test/test_chrf.py', () => {
  it('test_chrf (char order 6, beta 3, eps smoothing)', () => {
    const cases: [string[], string[], number][] = [
      [['abcdefg'], ['hijklmnop'], 0.0],
      [['a'], ['b'], 0.0],
      [[''], ['b'], 0.0],
      [[''], ['ref'], 0.0],
      [[''], ['reference'], 0.0],
      [['aa'], ['ab'], 8.3333],
      [['a', 'b'], ['a', 'c'], 8.3333],
      [['a'], ['a'], 16.6667],
      [['a b c'], ['a b c'], 50.0],
      [['a b c'], ['abc'], 50.0],
      [
        [' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
        ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'],
        63.36173,
      ],
      [
        [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
        ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
        64.1302698,
      ],
      [['Niemand hat die Absicht, eine Mauer zu errichten'], ['Niemand hat die Absicht, eine Mauer zu errichten'], 100.0],
    ];
    for (const [h, r, expected] of cases) expect(Math.abs(corpusChrf(h, [r], { beta: 3, epsSmoothing: true }) - expected)).toBeLessThan(1e-4);
  });

  it('test_chrf_eff_order (beta 3, eps smoothing off: the default averaging)', () => {
    const cases: [string[], string[], number][] = [
      [['a'], ['a'], 100.0],
      [[''], ['reference'], 0.0],
      [['a b c'], ['a b c'], 100.0],
      [['a b c'], ['abc'], 100.0],
      [[''], ['c'], 0.0],
      [['a', 'b'], ['a', 'c'], 50.0],
      [['aa'], ['ab'], 25.0],
    ];
    for (const [h, r, expected] of cases) expect(Math.abs(corpusChrf(h, [r], { beta: 3 }) - expected)).toBeLessThan(1e-4);
  });

  it('test_chrf_keep_whitespace (beta 3, whitespace kept)', () => {
    expect(
      corpusChrf(
        ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
        [['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.']],
        { beta: 3, whitespace: true },
      ),
    ).toBeCloseTo(67.3481606, 4);
  });

  it('test_chrf_sentence_level (sentence_chrf defaults: order 6, beta 2, with eps smoothing)', () => {
    const cases: [string, string, number][] = [
      [
        'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
        'Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.',
        39.14078509,
      ],
      [
        'Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.',
        'A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.',
        31.22557079,
      ],
      [
        'Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.',
        'Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.',
        57.15704367,
      ],
    ];
    for (const [h, r, expected] of cases) expect(Math.abs(sentenceChrf(h, [r], { epsSmoothing: true }) - expected)).toBeLessThan(1e-4);
  });
});
