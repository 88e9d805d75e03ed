// Fake model folders the way LM Studio, Ollama and the Hugging Face cache lay them out, filled with tiny header-only
// GGUFs (a few 8x8 tensors): for the discovery tests and the discovery bench.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModelRoots } from '../../electron/contract/models.js';
import { writeGguf } from '../../electron/core/gguf/writer.js';
import { gguf, GgmlType } from '../../electron/core/gguf/types.js';

const TARGETS = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'];
/** Every tiny GGUF holds this many parameters (7 tensors of 8x8). */
export const TINY_PARAMS = TARGETS.length * 64;

export interface TinyGguf {
  arch?: string;
  /** llama.cpp's general.file_type (2 = Q4_0, 7 = Q8_0); the tensors stay F32 whatever it says. */
  fileType?: number;
  contextLength?: number;
  chatTemplate?: boolean;
}

export async function tinyGguf(path: string, opts: TinyGguf = {}): Promise<string> {
  const arch = opts.arch ?? 'llama';
  mkdirSync(dirname(path), { recursive: true });
  await writeGguf(path, {
    keyValues: [
      { key: 'general.architecture', value: gguf.str(arch) },
      { key: 'general.file_type', value: gguf.u32(opts.fileType ?? 0) },
      { key: `${arch}.context_length`, value: gguf.u32(opts.contextLength ?? 2048) },
      ...(opts.chatTemplate === false ? [] : [{ key: 'tokenizer.chat_template', value: gguf.str("{% for m in messages %}{{ m['content'] }}{% endfor %}") }]),
    ],
    tensors: TARGETS.map((t) => ({ name: `blk.0.${t}.weight`, dims: [8, 8], type: GgmlType.F32, data: () => [new Uint8Array(256)] })),
  });
  return path;
}

export interface FakePlaces {
  roots: Required<ModelRoots>;
  /** A folder the person names: one good model, one file that is not GGUF, one cut short. */
  folder: string;
  paths: {
    lmStudio: string;
    lmStudioMamba: string;
    ollamaBlob: string;
    ollamaQwen: string;
    hf: string;
    folderGood: string;
    notGguf: string;
    truncated: string;
  };
}

const HEX = (c: string) => c.repeat(64);

function ollamaManifest(root: string, ns: string, model: string, tag: string, hex: string): void {
  const path = join(root, 'manifests', 'registry.ollama.ai', ns, model, tag);
  mkdirSync(dirname(path), { recursive: true });
  const layer = (mediaType: string, digest: string) => ({ mediaType, digest, size: 1 });
  writeFileSync(
    path,
    JSON.stringify({
      schemaVersion: 2,
      config: layer('application/vnd.docker.container.image.v1+json', `sha256:${HEX('c')}`),
      layers: [layer('application/vnd.ollama.image.template', `sha256:${HEX('d')}`), layer('application/vnd.ollama.image.model', `sha256:${hex}`)],
    }),
  );
}

export async function buildFakePlaces(dir: string): Promise<FakePlaces> {
  const lm = join(dir, 'lmstudio', 'models');
  const ollama = join(dir, 'ollama', 'models');
  const hf = join(dir, 'hf', 'hub');
  const folder = join(dir, 'my models');
  const paths = {
    lmStudio: await tinyGguf(join(lm, 'lmstudio-community', 'Tiny-GGUF', 'tiny-Q4_0.gguf'), { fileType: 2, contextLength: 4096 }),
    lmStudioMamba: await tinyGguf(join(lm, 'someone', 'Snake-GGUF', 'snake.gguf'), { arch: 'mamba', chatTemplate: false }),
    ollamaBlob: await tinyGguf(join(ollama, 'blobs', `sha256-${HEX('a')}`), { fileType: 15 }),
    ollamaQwen: await tinyGguf(join(ollama, 'blobs', `sha256-${HEX('b')}`), { arch: 'qwen2', fileType: 7 }),
    // the snapshot file the hub links to its blob (the first revision: the second is the same file)
    hf: join(hf, 'models--TinyOrg--tiny-chat', 'snapshots', '1111aaaa', 'tiny-chat.Q8_0.gguf'),
    folderGood: await tinyGguf(join(folder, 'nested', 'my-own.gguf')),
    notGguf: join(folder, 'notes.gguf'),
    truncated: join(folder, 'cut-short.gguf'),
  };
  writeFileSync(join(lm, 'lmstudio-community', 'Tiny-GGUF', 'README.md'), 'not a model');
  ollamaManifest(ollama, 'library', 'llama3.2', '1b', HEX('a'));
  ollamaManifest(ollama, 'library', 'llama3.2', 'latest', HEX('a'));
  ollamaManifest(ollama, 'huihui', 'qwen-mini', '7b', HEX('b'));
  ollamaManifest(ollama, 'library', 'pruned', 'latest', HEX('f')); // its blob is gone
  await tinyGguf(join(hf, 'models--TinyOrg--tiny-chat', 'blobs', HEX('e')), { fileType: 7, contextLength: 8192 });
  // the hub links each snapshot's file to its blob; two revisions of one file are one model
  for (const rev of ['1111aaaa', '2222bbbb']) {
    const snap = join(hf, 'models--TinyOrg--tiny-chat', 'snapshots', rev);
    mkdirSync(snap, { recursive: true });
    symlinkSync(join('..', '..', 'blobs', HEX('e')), join(snap, 'tiny-chat.Q8_0.gguf'));
  }
  writeFileSync(paths.notGguf, 'These are my notes, not a model.\n');
  const whole = await tinyGguf(join(dir, 'whole.gguf'));
  writeFileSync(paths.truncated, readFileSync(whole).subarray(0, 40));
  return { roots: { lmStudio: [lm], ollama: [ollama], huggingFace: [hf] }, folder, paths };
}
