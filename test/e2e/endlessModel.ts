// A demo model whose replies never end on their own, for tests of the Stop button. A greedy reply from the random
// demo model ends wherever its weights happen to pick an end token (one conversation ended after 1,954 tokens, under
// two seconds on a fast machine), so a test that clicks Stop "while it writes" raced the model. Here every special
// token's row of the output head is zeroed: its logit is exactly 0 while the largest of ~32k random logits is always
// above 0, so greedy decoding never picks one and a reply runs to its token limit.
import { open } from 'node:fs/promises';
import { writeDemoModel, type DemoModelOptions } from '../../electron/core/demoModel/index.js';
import { GgufValueType, keyValueMap, readGgufHeader } from '../../electron/core/gguf/index.js';

const NORMAL_TOKEN = 1;

/** Writes the demo model and returns its path (its bytes differ from writeDemoModel's, so no checksum is returned). */
export async function writeEndlessDemoModel(opts: DemoModelOptions): Promise<string> {
  const model = await writeDemoModel(opts);
  const header = await readGgufHeader(model.path);
  const kv = keyValueMap(header);
  const types = kv.get('tokenizer.ggml.token_type');
  const texts = kv.get('tokenizer.ggml.tokens');
  const head = header.tensors.find((t) => t.name === 'output.weight');
  if (types?.type !== GgufValueType.ARRAY || texts?.type !== GgufValueType.ARRAY || !head) {
    throw new Error(`${model.path}: expected token types, token texts and an untied output.weight`);
  }
  const embd = head.dims[0]!;
  // llama.cpp also ends on some tokens by their text ("<|end|>", "</s>", ...) whatever their type: zero those too
  const ending = (i: number) => types.value.items[i] !== NORMAL_TOKEN || /^<.+>$/u.test(String(texts.value.items[i]));
  const zeros = Buffer.alloc(embd * 4);
  const file = await open(model.path, 'r+');
  try {
    for (let i = 0; i < texts.value.items.length; i++) {
      if (ending(i)) await file.write(zeros, 0, zeros.length, header.dataOffset + Number(head.offset) + i * embd * 4);
    }
  } finally {
    await file.close();
  }
  return model.path;
}
