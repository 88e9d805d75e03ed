// Reads a JSONL file of training samples for file-mode training and evaluation (`fieldtune train|eval --data`):
// chat samples {"messages":[{"role","content"}]} or prompt/completion pairs (and the other shapes the data importer
// knows), each converted to the canonical Sample (a prompt/completion pair becomes a two-message chat).
import { readFile } from 'node:fs/promises';
import { FieldtuneError } from '../../contract/errors.js';
import type { Sample } from '../../contract/domain.js';
import { convertRecord, formatOf } from '../data/chatFormats.js';

export async function readSamplesJsonl(path: string): Promise<Sample[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new FieldtuneError('NOT_FOUND', `data file not found: ${path}`);
  }
  const samples: Sample[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new FieldtuneError('INVALID_INPUT', `${path}:${i + 1}: not valid JSON`);
    }
    const format = formatOf(record);
    if (format === null || format === 'text') {
      throw new FieldtuneError('INVALID_INPUT', `${path}:${i + 1}: expected {"messages":[...]} or {"prompt","completion"}`);
    }
    const converted = convertRecord(record, format);
    if (!('sample' in converted)) {
      const reason = 'reason' in converted ? converted.reason : 'not a chat sample';
      throw new FieldtuneError('INVALID_INPUT', `${path}:${i + 1}: ${reason}`);
    }
    samples.push(converted.sample);
  }
  if (samples.length === 0) throw new FieldtuneError('INVALID_INPUT', `${path} holds no samples`);
  return samples;
}
