// The inputs of the `data redact` speed benches, made the same way by each: the labelled documents (every split but
// wblind, which stays unread until its one scoring) as one long text padded to ~89 KB, and a JSONL dataset of one
// record per paragraph (prompt and response) cycled to 100k records at `times` copies.
import { labelledTexts } from '../test/unit/piiTexts.js';

export interface RateBenchInputs {
  /** ~89 KB of text; `times` copies make the long file. */
  text: string;
  /** JSON Lines; `times` copies make the dataset. */
  dataset: string;
  recordsPerCopy: number;
}

export function rateBenchInputs(times: number): RateBenchInputs {
  const corpus = labelledTexts().join('\n\n');
  let text = corpus;
  while (Buffer.byteLength(text) < 89_000) text += '\n\n' + corpus.slice(0, 89_000 - Buffer.byteLength(text));
  text += '\n\n';
  const paragraphs = corpus.split(/\n\s*\n/).filter((p) => p.trim());
  const recordsPerCopy = Math.ceil(100_000 / times);
  const records: string[] = [];
  for (let i = 0; i < recordsPerCopy; i++) {
    const p = paragraphs[i % paragraphs.length] ?? '';
    const q = paragraphs[(i * 7 + 3) % paragraphs.length] ?? '';
    records.push(JSON.stringify({ prompt: p, response: q }));
  }
  return { text, dataset: records.join('\n') + '\n', recordsPerCopy };
}
