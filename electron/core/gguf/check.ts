// The one check of a model path before anything parses its tensors (our reader, the trainer, node-llama-cpp): a GGUF
// whose header claims 2^60 tensors or a file cut short would otherwise have node-llama-cpp allocate for minutes.
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { bytesNeeded } from './headerFacts.js';
import { readGgufHeader } from './reader.js';

/**
 * Fails fast (before any job starts) on a path that cannot be a GGUF model, naming what is wrong: no file, a folder,
 * not GGUF, or a GGUF cut short (its header, or the tensor data the header lists, runs past the end of the file).
 * Reads the header only.
 */
export async function checkGgufFile(path: string): Promise<{ sizeBytes: number }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new FieldtuneError('INVALID_INPUT', `No file at ${path}`);
  if (!info.isFile()) throw new FieldtuneError('INVALID_INPUT', `${path} is a folder, not a GGUF model file`);
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    if (magic.toString('latin1') !== 'GGUF') {
      throw new FieldtuneError('INVALID_INPUT', `${basename(path)} is not a GGUF model (it does not start with the GGUF signature)`);
    }
  } finally {
    await handle.close();
  }
  const cutShort = () =>
    new FieldtuneError('INVALID_INPUT', `${basename(path)} is cut short (truncated): the file ends before the model it describes. Download or copy it again.`, {
      details: { path },
    });
  const header = await readGgufHeader(path).catch((error: Error) => {
    if (/truncated/.test(error.message)) throw cutShort();
    throw new FieldtuneError('INVALID_INPUT', `The GGUF header of ${basename(path)} cannot be read: ${error.message}`, { details: { path } });
  });
  if ((bytesNeeded(header) ?? 0) > info.size) throw cutShort();
  return { sizeBytes: info.size };
}
