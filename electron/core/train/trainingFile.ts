// The training file handed to native/fieldtune-train: samples already rendered with the base model's chat template
// and tokenized, each token with a loss-mask bit. Binary and little-endian so a 100k-sample set loads instantly:
//
//   "FTTRAIN1"        8 bytes magic
//   u32 version       = 1
//   u32 vocabSize     of the model the tokens were made for (0 = unchecked); the trainer refuses a mismatch
//   u32 sampleCount
//   per sample: u32 n, n x i32 token ids, n x u8 mask (1 = this token is a target: the model learns to predict it)
//
// The reader is native/src/dataset.cpp; keep both in step.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

export interface MaskedSample {
  tokens: readonly number[];
  /** Same length as tokens; 1 = in the loss. */
  mask: readonly number[];
}

const MAGIC = 'FTTRAIN1';
const VERSION = 1;

export function encodeTrainingFile(samples: readonly MaskedSample[], vocabSize: number): Buffer {
  let size = 8 + 12;
  for (const s of samples) {
    if (s.tokens.length !== s.mask.length) throw new Error('a sample has different token and mask lengths');
    size += 4 + 5 * s.tokens.length;
  }
  const buf = Buffer.alloc(size);
  buf.write(MAGIC, 0, 'latin1');
  let o = 8;
  o = buf.writeUInt32LE(VERSION, o);
  o = buf.writeUInt32LE(vocabSize >>> 0, o);
  o = buf.writeUInt32LE(samples.length, o);
  for (const s of samples) {
    o = buf.writeUInt32LE(s.tokens.length, o);
    for (const t of s.tokens) o = buf.writeInt32LE(t, o);
    for (const m of s.mask) o = buf.writeUInt8(m ? 1 : 0, o);
  }
  return buf;
}

export function decodeTrainingFile(buf: Buffer): { vocabSize: number; samples: MaskedSample[] } {
  if (buf.length < 20 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a Fieldtune training file');
  if (buf.readUInt32LE(8) !== VERSION) throw new Error('unsupported training file version');
  const vocabSize = buf.readUInt32LE(12);
  const count = buf.readUInt32LE(16);
  const samples: MaskedSample[] = [];
  let o = 20;
  for (let i = 0; i < count; i++) {
    const n = buf.readUInt32LE(o);
    o += 4;
    const tokens: number[] = [];
    for (let j = 0; j < n; j++, o += 4) tokens.push(buf.readInt32LE(o));
    const mask = [...buf.subarray(o, o + n)];
    o += n;
    samples.push({ tokens, mask });
  }
  return { vocabSize, samples };
}

/** Writes the file and returns its sha256 (the adapter records it as provenance). */
export async function writeTrainingFile(path: string, samples: readonly MaskedSample[], vocabSize: number): Promise<string> {
  const buf = encodeTrainingFile(samples, vocabSize);
  await writeFile(path, buf);
  return createHash('sha256').update(buf).digest('hex');
}

export async function readTrainingFile(path: string): Promise<{ vocabSize: number; samples: MaskedSample[] }> {
  return decodeTrainingFile(await readFile(path));
}
