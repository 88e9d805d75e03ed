import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../test/unit/helpers.js';
import { writePdf } from '../../../test/unit/pdfFixture.js';
import { importFile, type ImportedItem, type ImportOptions, type RejectedRow } from './importFile.js';

const FIX = join(import.meta.dirname, '../../../test/fixtures/data');

async function run(path: string, options: ImportOptions = {}) {
  const items: ImportedItem[] = [];
  const rejected: RejectedRow[] = [];
  const summary = await importFile(path, { ...options, onRejected: (r) => void rejected.push(r) }, (i) => void items.push(i));
  const samples = items.flatMap((i) => ('sample' in i ? [i.sample] : []));
  const documents = items.flatMap((i) => ('document' in i ? [i.document] : []));
  return { summary, items, samples, documents, rejected };
}

describe('JSON formats', () => {
  it('reads chat messages JSONL, joins content parts, keeps metadata and skips blank lines', async () => {
    const { summary, samples } = await run(join(FIX, 'chat.jsonl'));
    expect(summary).toMatchObject({ format: 'chat', kind: 'chat', encoding: 'utf-8', examples: 3, rejected: 0 });
    expect(samples[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(samples[0]!.metadata).toEqual({ category: 'cardio' });
    expect(samples[1]!.metadata).toEqual({ category: 'paeds' });
    expect(samples[2]!.messages[0]!.content).toBe('Severe headache, worst ever.');
  });

  it('imports a JSON file that wraps its records as {"data": [...]} or {"examples": [...]}', async () => {
    const dir = tempFolder('fieldtune-wrapped-');
    for (const key of ['data', 'examples']) {
      const file = join(dir, `${key}.json`);
      writeFileSync(
        file,
        JSON.stringify(
          {
            [key]: [
              { instruction: 'Define lien.', output: 'A right to keep property.' },
              { instruction: 'Define bail.', output: 'Release awaiting trial.' },
            ],
          },
          null,
          2,
        ),
      );
      const { summary, samples } = await run(file);
      expect(summary).toMatchObject({ format: 'alpaca', examples: 2, rejected: 0 });
      expect(samples[1]!.messages.at(-1)!.content).toBe('Release awaiting trial.');
    }
  });

  it('reads a ShareGPT JSON array with brackets and quotes inside strings', async () => {
    const { summary, samples, items } = await run(join(FIX, 'sharegpt.json'));
    expect(summary).toMatchObject({ format: 'sharegpt', examples: 2 });
    expect(samples[0]!.metadata).toEqual({ source: 'law-101' });
    expect(samples[1]!.messages).toEqual([
      { role: 'system', content: 'Answer as a paralegal.' },
      { role: 'user', content: 'Define "consideration" [contract law].' },
      { role: 'assistant', content: 'Something of value exchanged; {required} for a binding contract.' },
    ]);
    expect(items.map((i) => i.line)).toEqual([2, 3]);
  });

  it('reads Alpaca, joining instruction and input', async () => {
    const { summary, samples } = await run(join(FIX, 'alpaca.json'));
    expect(summary.format).toBe('alpaca');
    expect(samples[0]!.messages[0]).toEqual({ role: 'user', content: 'Summarise the clause.\n\nThe tenant shall keep the premises in good repair.' });
    expect(samples[1]!.messages[0]!.content).toBe('What is the statute of limitations for contract claims in England?');
    expect(samples[1]!.metadata).toEqual({ category: 'limitation' });
  });

  it('reads prompt/completion and text JSONL (text becomes documents)', async () => {
    const pc = await run(join(FIX, 'prompt-completion.jsonl'));
    expect(pc.summary.format).toBe('prompt-completion');
    expect(pc.samples[1]!.messages).toEqual([
      { role: 'user', content: 'ICD-10 code for essential hypertension?' },
      { role: 'assistant', content: 'I10' },
    ]);
    const text = await run(join(FIX, 'text.jsonl'));
    expect(text.summary).toMatchObject({ format: 'text', kind: 'text', examples: 2 });
    expect(text.documents[0]).toEqual({ text: 'Section 1. Definitions. In this Act, a person includes a body corporate.', source: 'act.txt' });
  });

  it('lets the user override the detected format', async () => {
    const dir = tempFolder('ft-fmt-');
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, '{"prompt":"p","completion":"c","text":"t"}\n');
    expect((await run(file)).summary.format).toBe('prompt-completion');
    const forced = await run(file, { format: 'text' });
    expect(forced.summary.format).toBe('text');
    expect(forced.documents[0]!.text).toBe('t');
  });

  it('reads concatenated objects saved as .json and refuses unknown shapes naming the line', async () => {
    const dir = tempFolder('ft-json-');
    const file = join(dir, 'lines.json');
    writeFileSync(file, '{"prompt":"a","completion":"b"}\n{"prompt":"c","completion":"d"}\n');
    expect((await run(file)).summary.examples).toBe(2);
    const odd = join(dir, 'odd.jsonl');
    writeFileSync(odd, '\n{"q":"a","r":"b"}\n');
    await expect(run(odd)).rejects.toThrow(/^Line 2: the records match no known format/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n\n');
    await expect(run(empty)).rejects.toThrow(/^The file is empty/);
    const headerOnly = join(dir, 'header.csv');
    writeFileSync(headerOnly, 'question,answer\n');
    expect((await run(headerOnly)).summary.examples).toBe(0);
    await expect(run(join(dir, 'missing.csv'))).rejects.toThrow(/does not exist/);
  });
});

describe('bad rows', () => {
  it('stops at the first bad row naming its line and reason', async () => {
    await expect(run(join(FIX, 'bad-row.jsonl'))).rejects.toThrow(/^Line 3: it is not valid JSON/);
  });

  it('skip-bad imports the rest and reports each rejected row', async () => {
    const { summary, samples, rejected } = await run(join(FIX, 'bad-row.jsonl'), { skipBad: true });
    expect(summary).toMatchObject({ examples: 3, rejected: 2 });
    expect(samples.map((s) => s.messages[1]!.content)).toEqual(['500 mg every 8 hours.', '200-400 mg every 4-6 hours.', '4 g.']);
    expect(rejected.map((r) => r.line)).toEqual([3, 5]);
    expect(rejected[1]!.reason).toMatch(/completion/);
    expect(rejected[1]!.raw).toBe('{"prompt": "Aspirin for ACS?"}');
  });

  it('CSV rows with the wrong cell count are bad rows with their physical line', async () => {
    await expect(run(join(FIX, 'bad-row.csv'))).rejects.toThrow(/^Line 3: it has 4 cells but the header has 2 columns/);
    const skipped = await run(join(FIX, 'bad-row.csv'), { skipBad: true });
    expect(skipped.summary).toMatchObject({ examples: 2, rejected: 1 });
  });

  it('honours an AbortSignal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(run(join(FIX, 'chat.jsonl'), { signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('spreadsheets and column mapping', () => {
  it('maps CSV columns by header name, keeps multi-line quoted cells and line numbers', async () => {
    const { summary, samples, items } = await run(join(FIX, 'qa.csv'));
    expect(summary).toMatchObject({ format: 'csv', examples: 3, mapping: { question: 'user', answer: 'assistant', category: 'metadata', notes: 'ignore' } });
    expect(samples[1]!.messages).toEqual([
      { role: 'user', content: 'Define "estoppel".' },
      { role: 'assistant', content: 'A rule preventing a party from contradicting\nwhat they said before.' },
    ]);
    expect(samples[1]!.metadata).toEqual({ category: 'doctrine' });
    expect(items.map((i) => i.line)).toEqual([2, 3, 5]);
  });

  it('takes the delimiter from the header line (Excel writes ";" in many locales), even for a one-row file', async () => {
    const file = join(tempFolder('ft-semi-'), 'semi.csv');
    writeFileSync(file, 'question;answer\n"Is 1,5 mg a lot?";No\n');
    const { samples } = await run(file);
    expect(samples).toEqual([
      {
        messages: [
          { role: 'user', content: 'Is 1,5 mg a lot?' },
          { role: 'assistant', content: 'No' },
        ],
      },
    ]);
  });

  it('reads TSV with a system column', async () => {
    const { summary, samples } = await run(join(FIX, 'qa.tsv'));
    expect(summary.format).toBe('tsv');
    expect(samples[0]!.messages).toEqual([
      { role: 'system', content: 'Be concise.' },
      { role: 'user', content: 'How long is a lease?' },
      { role: 'assistant', content: 'As long as the parties agree.' },
    ]);
    expect(samples[1]!.metadata).toEqual({ Category: 'tax' });
  });

  it('refuses unmappable headers naming the column setting as the fix, and accepts mapping overrides', async () => {
    const refused = run(join(FIX, 'custom-columns.csv'));
    await expect(refused).rejects.toThrow(/No column is chosen as the question/);
    await expect(refused).rejects.toMatchObject({ fix: { setting: 'map', value: expect.stringMatching(/=user$/) } });
    const { samples } = await run(join(FIX, 'custom-columns.csv'), { mapping: { Q: 'user', a: 'assistant', topic: 'metadata' } });
    expect(samples[0]).toEqual({
      messages: [
        { role: 'user', content: 'What is a tort?' },
        { role: 'assistant', content: 'A civil wrong.' },
      ],
      metadata: { topic: 'law' },
    });
    await expect(run(join(FIX, 'custom-columns.csv'), { mapping: { nope: 'user' } })).rejects.toThrow(/does not have/);
  });

  it('reads the first XLSX sheet: rich text, formulas, numbers, blank rows', async () => {
    const { summary, samples, items } = await run(join(FIX, 'qa.xlsx'));
    expect(summary).toMatchObject({ format: 'xlsx', encoding: null, examples: 4 });
    expect(summary.mapping).toEqual({ Instruction: 'user', Input: 'user', Output: 'assistant', Category: 'metadata' });
    expect(samples[0]!.messages[0]!.content).toBe('Translate to plain English.\n\nThe party of the first part');
    expect(samples[2]!.messages).toEqual([
      { role: 'user', content: 'Rich text question?' },
      { role: 'assistant', content: 'computed answer' },
    ]);
    expect(samples[3]!.messages[1]!.content).toBe('366');
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 6]);
  });
});

describe('documents', () => {
  it('reads a folder of txt, md, pdf and docx as one document per file, sorted, skipping other files', async () => {
    const progress: number[] = [];
    const { summary, documents } = await run(join(FIX, 'docs'), { onProgress: (p) => progress.push(p.bytesRead / p.totalBytes) });
    expect(summary).toMatchObject({ format: 'documents', kind: 'text', examples: 4 });
    expect(documents.map((d) => d.source)).toEqual(['advice.md', 'consent.pdf', 'ruling.docx', 'sub/consent.txt']);
    expect(documents[1]!.text).toContain('Informed consent is required before surgery.');
    expect(documents[2]!.text).toContain('The court held that the contract was void.');
    expect(documents[0]!.text).toContain('Rest for two days.');
    expect(progress.at(-1)).toBe(1);
  });

  it('keeps a PDF’s lines and pages apart, so its headings and paragraphs survive', async () => {
    const pdf = join(tempFolder('fieldtune-pdf-'), 'guide.pdf');
    await writePdf(pdf, [
      { heading: 'Opening hours', text: 'The clinic opens at eight.' },
      { heading: 'Parking', text: 'Patients park for free.' },
    ]);
    const { documents } = await run(pdf);
    const lines = documents[0]!.text.split('\n').map((l) => l.trim());
    expect(lines).toContain('OPENING HOURS');
    expect(lines).toContain('The clinic opens at eight.');
    expect(lines).toContain('PARKING');
  });

  it('reads a single file', async () => {
    const { documents } = await run(join(FIX, 'docs', 'ruling.docx'));
    expect(documents).toHaveLength(1);
    expect(documents[0]!.source).toBe('ruling.docx');
  });
});
