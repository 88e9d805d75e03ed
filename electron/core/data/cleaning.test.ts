import { describe, expect, it } from 'vitest';
import type { Sample } from '../../contract/domain.js';
import { findConflicts } from './conflicts.js';
import { findDuplicates } from './dedupe.js';
import { canonicalJson, exampleHash } from './example.js';
import { filterByLength } from './filters.js';
import { MinHasher } from './minhash.js';
import { normalizeExample, normalizeText } from './normalize.js';

const qa = (q: string, a: string, metadata?: Sample['metadata']): Sample => ({
  messages: [
    { role: 'user', content: q },
    { role: 'assistant', content: a },
  ],
  ...(metadata ? { metadata } : {}),
});

describe('normalization', () => {
  it('applies NFC, removes invisible characters, unifies spaces and line ends, keeps indentation', () => {
    const decomposed = 'Cafe\u0301';
    expect(normalizeText(decomposed)).toBe('Café');
    expect(normalizeText(decomposed)).toBe(normalizeText('Café'));
    expect(normalizeText('a\u00A0b\u200Bc  \t d\r\n\r\n\r\n\r\n  - item  \n')).toBe('a bc d\n\n  - item');
    expect(normalizeText('x\u0007y')).toBe('xy');
  });

  it('normalized copies of one example hash the same; key order in metadata does not matter', () => {
    const a = qa('Cafe\u0301 ?', 'Yes ', { b: 1, a: 'x' });
    const b = qa('Café ?', 'Yes', { a: 'x', b: 1 });
    expect(exampleHash(a)).not.toBe(exampleHash(b));
    expect(exampleHash(normalizeExample(a))).toBe(exampleHash(normalizeExample(b)));
    expect(canonicalJson(b)).toBe('{"messages":[{"role":"user","content":"Café ?"},{"role":"assistant","content":"Yes"}],"metadata":{"a":"x","b":1}}');
  });
});

describe('length filters', () => {
  it('removes empty, too-short and too-long examples using the given token counter', () => {
    const examples = [qa('hi', 'hello there friend'), qa('  ', 'x'), qa('q', ''), qa('one two', 'three'), { text: 'word '.repeat(50) }, { text: '   ' }];
    const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
    const r = filterByLength(examples, { minTokens: 12, maxTokens: 40, countTokens: words });
    expect(r.removed).toEqual([
      { index: 1, reason: 'empty', tokens: 0 },
      { index: 2, reason: 'empty', tokens: 0 },
      { index: 3, reason: 'too-short', tokens: 11 },
      { index: 4, reason: 'too-long', tokens: 50 },
      { index: 5, reason: 'empty', tokens: 0 },
    ]);
    expect(r.keep).toEqual([0]);
  });
});

describe('duplicates', () => {
  const base = [
    'What is the maximum daily dose of paracetamol for a healthy adult weighing more than fifty kilograms?',
    'Which court hears appeals from the county court in civil cases involving small claims and fast track?',
    'How should a nurse document a verbal order from a physician during an emergency in the ward at night?',
    'What are the elements of negligence that a claimant must prove to succeed in a personal injury claim?',
  ];

  it('finds exact duplicates after normalization and near-duplicates with their similarity', () => {
    const examples = [
      qa(base[0]!, 'Four grams.'),
      qa(base[1]!, 'The circuit judge.'),
      qa(base[0]!.replace('paracetamol', 'paracetamol  ') + '\u200B', 'Four grams.'), // exact after normalization
      qa(base[2]!, 'Write it down, read it back, and have it countersigned.'),
      qa(base[1]!.replace('small claims', 'small-claims').toUpperCase(), 'The circuit judge.'), // near
      qa(base[3]!, 'Duty, breach, causation and damage.'),
    ];
    const r = findDuplicates(examples);
    expect(r.exactGroups).toEqual([[0, 2]]);
    expect(r.nearPairs.map((p) => [p.a, p.b])).toEqual([[1, 4]]);
    expect(r.nearPairs[0]!.similarity).toBeGreaterThan(0.7);
    expect(r.nearPairs[0]!.similarity).toBeLessThan(1);
    expect(r.keep).toEqual([0, 1, 3, 5]);
    expect(r.duplicateOf.get(4)).toBe(1);
    expect(findDuplicates(examples, { exactOnly: true }).keep).toEqual([0, 1, 3, 4, 5]);
  });

  it('MinHash similarity tracks true Jaccard: unrelated texts score low, one-word edits score high', () => {
    const h = new MinHasher();
    const texts = [base[0]!, base[0]!.replace('healthy', 'well'), base[3]!];
    const sigs = h.signAll(texts);
    expect(h.similarity(sigs, 0, 1)).toBeGreaterThan(0.75);
    expect(h.similarity(sigs, 0, 2)).toBeLessThan(0.15);
    expect(h.similarPairs(sigs, 3, 0.7)).toEqual([{ a: 0, b: 1, similarity: h.similarity(sigs, 0, 1) }]);
  });

  it('a large bucket of copies stays linear and is still clustered together', () => {
    const examples = Array.from({ length: 300 }, (_, i) => qa(`${base[2]!} (copy ${i})`, 'Same answer for all of these.'));
    const r = findDuplicates(examples);
    expect(r.keep).toEqual([0]);
    expect(r.nearPairs.length).toBeLessThan(300 * 40);
  });
});

describe('conflicting answers', () => {
  it('flags the same question (loosely matched) with different answers, not repeated identical answers', () => {
    const samples = [
      qa('Max daily dose of paracetamol?', '4 g'),
      qa('max daily dose of paracetamol', '4 g.'),
      qa('Max  daily dose of Paracetamol?!', '3 g'),
      qa('Is aspirin an NSAID?', 'Yes'),
      qa('Is aspirin an NSAID?', 'Yes'),
    ];
    const conflicts = findConflicts(samples);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.question).toBe('Max daily dose of paracetamol?');
    expect(conflicts[0]!.indices).toEqual([0, 1, 2]);
    expect(conflicts[0]!.answers).toEqual([
      { answer: '4 g', indices: [0, 1] },
      { answer: '3 g', indices: [2] },
    ]);
  });

  it('a different system prompt makes it a different question', () => {
    const withSystem: Sample = {
      messages: [{ role: 'system', content: 'Answer for children.' }, ...qa('Max daily dose of paracetamol?', '60 mg/kg').messages],
    };
    expect(findConflicts([qa('Max daily dose of paracetamol?', '4 g'), withSystem])).toEqual([]);
  });
});
