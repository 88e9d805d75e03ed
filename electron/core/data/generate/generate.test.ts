// Issue 17 items 1-3, the engines: the fit check's three routes, passages by headings and length, and question and
// variation generation with a deterministic fake generator (de-duplication, empty replies, progress, cancel).
import { describe, expect, it } from 'vitest';
import type { FitAnswers } from '../../../contract/generate.js';
import { fakeGenerator } from '../../../../test/unit/fakeGenerator.js';
import { chunkDocument } from './chunk.js';
import { recommendFit } from './fit.js';
import { GROUP, generateQuestions, passagesTooLong } from './generateQuestions.js';
import { generateVariations } from './generateVariations.js';
import { questionKey } from './normalize.js';
import { cleanQuestion } from './templates.js';

describe('the fit check', () => {
  const profile = (a: FitAnswers) => recommendFit(a).route;
  it('recommends prompting for everyday questions with few examples', () => {
    const r = recommendFit({ goodExamples: 'dozens', vocabulary: 'everyday', format: 'free', usage: 'occasionally', wrongCost: 'little' });
    expect(r.route).toBe('prompting');
    expect(r.reasons.join(' ')).toMatch(/system prompt/);
  });
  it('recommends fine-tuning for a specialised, often-used task with hundreds of examples', () => {
    const r = recommendFit({ goodExamples: 'hundreds', vocabulary: 'specialist', format: 'strict', usage: 'daily', wrongCost: 'some' });
    expect(r.route).toBe('fine-tune');
    expect(r.reasons.join(' ')).toMatch(/Specialised words/);
  });
  it('says to collect more data first for a specialised, high-stakes task with a few dozen examples', () => {
    const r = recommendFit({ goodExamples: 'dozens', vocabulary: 'specialist', format: 'usual', usage: 'constantly', wrongCost: 'serious' });
    expect(r.route).toBe('collect-more');
    expect(r.reasons.join(' ')).toMatch(/expert check/);
  });
  it('keeps rarely used everyday tasks on prompting even with plenty of data', () => {
    expect(profile({ goodExamples: 'thousands', vocabulary: 'everyday', format: 'usual', usage: 'occasionally', wrongCost: 'little' })).toBe('prompting');
  });
});

describe('passages', () => {
  it('cuts by Markdown, numbered and capitalised headings, then by length at paragraph and sentence ends', () => {
    const text = [
      '# Dosage',
      'Adults take 500 mg twice a day with food. Children take less, by weight.',
      '',
      '2.1 Side effects',
      'Nausea is common in the first week. ' + 'Rashes are rare but need a doctor. '.repeat(20),
      'RISK FACTORS',
      'Kidney disease doubles the time the drug stays in the body, so the dose is halved.',
      '## Empty',
      'x',
    ].join('\n');
    const passages = chunkDocument(text, 'leaflet.md', 300);
    expect(passages[0]).toEqual({ source: 'leaflet.md', heading: 'Dosage', text: 'Adults take 500 mg twice a day with food. Children take less, by weight.' });
    const effects = passages.filter((p) => p.heading === '2.1 Side effects');
    expect(effects.length).toBeGreaterThan(1);
    for (const p of effects) {
      expect(p.text.length).toBeLessThanOrEqual(300);
      expect(p.text).toMatch(/\.$/); // cut at sentence ends
    }
    expect(passages.at(-1)!.heading).toBe('RISK FACTORS');
    expect(passages.some((p) => p.heading === 'Empty')).toBe(false);
  });
});

describe('questions from passages (fake generator)', () => {
  const passages = chunkDocument('# A\nThe clinic opens at eight. It closes at six.\n# B\nParking is free for patients. Staff park behind.', 'guide.md', 1500);

  it('writes questions then answers per passage, each citing its passage, and leaves out copies and empty replies', async () => {
    const g = fakeGenerator();
    const progress: number[] = [];
    const r = await generateQuestions(g, passages, { perPassage: 2, maxNewTokens: 32, onProgress: (d) => progress.push(d) });
    expect(r.pairs).toHaveLength(4);
    expect(r.pairs[0]).toMatchObject({ question: 'What does "The clinic opens at" mean, part 1?', answer: 'The clinic opens at eight.' });
    expect(r.pairs[0]!.passage.heading).toBe('A');
    expect(r.pairs[0]!.passageHash).toMatch(/^[0-9a-f]{64}$/);
    // the second round is told the first round's questions so it asks something new
    expect(g.prompts.some((p) => p.includes('Ask something different from: "What does "The clinic opens at" mean, part 1?"'))).toBe(true);
    expect(progress.at(-1)).toBe(8);
    // progress streams: fractional steps while a reply is being written, never going back
    expect(progress.some((p) => !Number.isInteger(p))).toBe(true);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));

    const again = await generateQuestions(fakeGenerator(), passages, {
      perPassage: 1,
      maxNewTokens: 32,
      known: new Set([questionKey('WHAT does "The clinic opens at" mean, part 1')]),
    });
    expect(again.duplicates).toBe(1);
    const empty = await generateQuestions(
      fakeGenerator((t) => (t.includes('Question:') ? '   ' : undefined)),
      passages,
      { perPassage: 1, maxNewTokens: 32 },
    );
    expect(empty).toMatchObject({ pairs: [], empty: 2 });
  });

  it('finds passages too long for the context, and stops when cancelled', async () => {
    // a context that holds the prompt with a short passage but not with a long one
    const long = chunkDocument(`# Long\n${'Every word counts here. '.repeat(30)}`, 'long.md', 5000);
    const both = [...passages, ...long];
    expect(passagesTooLong(fakeGenerator(undefined, 600), both, 16)).toEqual([2]);
    expect(passagesTooLong(fakeGenerator(), passages, 16)).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    await expect(generateQuestions(fakeGenerator(), passages, { perPassage: 1, maxNewTokens: 8, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('hands over each finished group of passages at once, the groups adding up to the run', async () => {
    const many = chunkDocument(
      Array.from({ length: GROUP + 2 }, (_, i) => `# Part ${i}\nRule ${i} says the form is due on day ${i}. Late forms are returned.`).join('\n'),
      'rules.md',
      1500,
    );
    expect(many).toHaveLength(GROUP + 2);
    const groups: number[] = [];
    const handed: string[] = [];
    const r = await generateQuestions(fakeGenerator(), many, {
      perPassage: 2,
      maxNewTokens: 16,
      onPairs: (pairs) => {
        groups.push(pairs.length);
        handed.push(...pairs.map((p) => p.question));
      },
    });
    // two rounds of two groups (8 passages, then 2), each handed over as soon as its answers are written
    expect(groups).toEqual([GROUP, 2, GROUP, 2]);
    expect(handed).toEqual(r.pairs.map((p) => p.question));
  });

  it('cleans a reply into one question', () => {
    expect(cleanQuestion('\n1. Question: "When does it open?"\nextra')).toBe('When does it open?');
  });
});

describe('variations (fake generator)', () => {
  it('keeps the answer, asks for each kind, and leaves out copies of known questions', async () => {
    const sources = [{ hash: 'h1', before: [], question: 'When do you open?', answer: 'At eight.' }];
    const g = fakeGenerator((t) => (t.includes('hurried person') ? 'when do you open' : undefined));
    const handed: number[] = [];
    const r = await generateVariations(g, sources, ['reword', 'register', 'typos'], {
      maxNewTokens: 16,
      known: new Set([questionKey('When do you open?')]),
      onVariations: (v) => handed.push(v.length),
    });
    expect(handed.reduce((a, b) => a + b, 0)).toBe(r.variations.length);
    expect(r.duplicates).toBe(1); // the typo variation only dropped the capital and the question mark
    expect(r.variations.map((v) => v.kind)).toEqual(['reword', 'register']);
    expect(r.variations[0]!.question).toMatch(/^Rewritten: When do you open\?/);
    expect(g.prompts[1]).toMatch(/formal/);
  });
});
