import type { BaseModel } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';

/** The header facts a specialist (and the trainer's presets) care about, read without loading weights. */
export async function readModelFacts(path: string): Promise<BaseModel['metadata']> {
  // Imported lazily: node-llama-cpp takes a second to load and most requests never need it.
  const { readGgufFileInfo } = await import('node-llama-cpp');
  let info;
  try {
    info = await readGgufFileInfo(path, { readTensorInfo: false, logWarnings: false });
  } catch (error) {
    throw new FieldtuneError('INVALID_INPUT', `Cannot read the GGUF header of ${path}: ${(error as Error).message}`);
  }
  const general = info.metadata.general;
  const arch = info.architectureMetadata as Record<string, unknown>;
  const pick = (v: unknown): string | number | null => (typeof v === 'string' || typeof v === 'number' ? v : null);
  return {
    architecture: pick(general?.architecture),
    name: pick(general?.name),
    fileType: pick(general?.file_type),
    layers: pick(arch['block_count']),
    contextLength: pick(arch['context_length']),
    embeddingLength: pick(arch['embedding_length']),
    // Only a chat model can write generated examples: the Data step's model picker greys out the others.
    chatTemplate: typeof info.metadata.tokenizer?.chat_template === 'string' && info.metadata.tokenizer.chat_template.length > 0,
  };
}
