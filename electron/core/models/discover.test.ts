import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFakePlaces, TINY_PARAMS, type FakePlaces } from '../../../test/unit/fakeModelPlaces.js';
import { tempDir } from '../../../test/unit/helpers.js';
import { nativeTool } from '../train/supervisor.js';
import { discoverModels } from './discover.js';
import { defaultModelRoots } from './roots.js';

const t = tempDir('fieldtune-discover-');
let places: FakePlaces;
let found: ReturnType<typeof discoverModels>;

beforeAll(async () => {
  places = await buildFakePlaces(t.dir);
  found = discoverModels({ roots: places.roots, folders: [places.folder], trainer: nativeTool('fieldtune-train') });
});
afterAll(() => t.cleanup());

const byPath = (path: string) => found.candidates.find((c) => c.path === path);

describe('model discovery', () => {
  it('finds the GGUFs of LM Studio, Ollama, the Hugging Face cache and a named folder, and nothing else', () => {
    expect(found.candidates.map((c) => c.path).sort()).toEqual(Object.values(places.paths).sort());
    expect(found.places.map((p) => [p.source, p.exists])).toEqual([
      ['lm-studio', true],
      ['ollama', true],
      ['hugging-face', true],
      ['folder', true],
    ]);
  });

  it('names each model as its app does: Ollama by model:tag (never the digest), Hugging Face by org/name', () => {
    expect(byPath(places.paths.lmStudio)).toMatchObject({ source: 'lm-studio', name: 'lmstudio-community/Tiny-GGUF/tiny-Q4_0' });
    expect(byPath(places.paths.ollamaBlob)).toMatchObject({ source: 'ollama', name: 'llama3.2:1b, llama3.2:latest' });
    expect(byPath(places.paths.ollamaQwen)).toMatchObject({ source: 'ollama', name: 'huihui/qwen-mini:7b' });
    for (const c of found.candidates.filter((x) => x.source === 'ollama')) expect(c.name).not.toMatch(/sha256|[0-9a-f]{16}/);
    // two revisions linking to one blob are one model
    expect(found.candidates.filter((c) => c.source === 'hugging-face')).toEqual([
      expect.objectContaining({ name: 'TinyOrg/tiny-chat', fileName: 'tiny-chat.Q8_0.gguf', path: places.paths.hf }),
    ]);
    expect(byPath(places.paths.folderGood)).toMatchObject({ source: 'folder', name: 'my-own' });
  });

  it('reads architecture, size in parameters, quantization, context and chat template from the header', () => {
    expect(byPath(places.paths.lmStudio)).toMatchObject({
      architecture: 'llama',
      parameterCount: TINY_PARAMS,
      quantization: 'Q4_0',
      contextLength: 4096,
      hasChatTemplate: true,
    });
    expect(byPath(places.paths.ollamaBlob)?.quantization).toBe('Q4_K_M');
    expect(byPath(places.paths.hf)).toMatchObject({ quantization: 'Q8_0', contextLength: 8192 });
    expect(byPath(places.paths.lmStudioMamba)).toMatchObject({ architecture: 'mamba', hasChatTemplate: false });
    expect(byPath(places.paths.lmStudio)?.sizeBytes).toBeGreaterThan(7 * 256);
  });

  it("says whether the trainer can train each one, with the trainer's reason when not", () => {
    expect(byPath(places.paths.lmStudio)).toMatchObject({ trainable: true, reason: null });
    expect(byPath(places.paths.ollamaQwen)).toMatchObject({ trainable: true, reason: null });
    expect(byPath(places.paths.lmStudioMamba)).toMatchObject({ trainable: false, reason: expect.stringMatching(/mamba.*state-space/) });
    expect(byPath(places.paths.notGguf)).toMatchObject({ trainable: false, reason: expect.stringMatching(/not a GGUF model/) });
    expect(byPath(places.paths.truncated)).toMatchObject({ trainable: false, reason: expect.stringMatching(/truncated/) });
  });

  it('says it could not check when no trainer is built, and stops walking at its file limit', () => {
    const noTrainer = discoverModels({ roots: places.roots, folders: [], trainer: null });
    expect(noTrainer.candidates.find((c) => c.path === places.paths.lmStudio)).toMatchObject({ trainable: null, reason: expect.stringMatching(/not built/) });
    const limited = discoverModels({ roots: { lmStudio: [], ollama: [], huggingFace: [] }, folders: [t.dir], trainer: null, fileLimit: 5 });
    expect(limited).toMatchObject({ truncated: true, filesSeen: 5 });
  });

  it("reads each app's usual folders from the home folder and the apps' own environment variables", () => {
    expect(defaultModelRoots({}, '/home/ann')).toEqual({
      lmStudio: ['/home/ann/.lmstudio/models', '/home/ann/.cache/lm-studio/models'],
      ollama: ['/home/ann/.ollama/models'],
      huggingFace: ['/home/ann/.cache/huggingface/hub'],
    });
    expect(defaultModelRoots({ OLLAMA_MODELS: '/data/ollama', HF_HOME: '/data/hf' }, '/home/ann')).toMatchObject({
      ollama: ['/data/ollama'],
      huggingFace: ['/data/hf/hub'],
    });
  });
});
