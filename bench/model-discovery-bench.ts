// Model discovery on a big folder: 5,000 files (mostly not models: text, images, JSON, in nested folders, plus a few
// tiny GGUFs and one Ollama-style store), looked through by the model.discover worker task. Prints the wall time of
// the look, in the worker thread as the app runs it (thread start-up included) and on this thread (walk + header
// reads + the trainer's check of each GGUF), and how many files and models it saw.
// Run: npx tsx bench/model-discovery-bench.ts [FILES] [GGUFS]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverModels } from '../electron/core/models/discover.js';
import { nativeTool, trainerAvailable } from '../electron/core/train/supervisor.js';
import { runInWorker } from '../electron/core/workers/runInWorker.js';
import { tinyGguf } from '../test/unit/fakeModelPlaces.js';

const FILES = Number(process.argv[2] ?? 5000);
const GGUFS = Number(process.argv[3] ?? 40);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-discovery-bench-'));
  try {
    const root = join(dir, 'Downloads');
    const kinds = ['txt', 'md', 'json', 'png', 'pdf', 'safetensors', 'bin'];
    for (let i = 0; i < FILES - GGUFS; i++) {
      const folder = join(root, `project-${i % 50}`, `part-${i % 7}`);
      if (i < 350) mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `file-${i}.${kinds[i % kinds.length]}`), `not a model ${i}\n`);
    }
    for (let i = 0; i < GGUFS; i++) {
      await tinyGguf(join(root, `project-${i % 50}`, `model-${i}.Q4_0.gguf`), { arch: i % 10 === 9 ? 'mamba' : 'llama', fileType: 2 });
    }
    const trainer = trainerAvailable() ? nativeTool('fieldtune-train') : null;
    const input = { roots: { lmStudio: [], ollama: [], huggingFace: [] }, folders: [root], trainer };

    const rows: Array<[string, number, number, number, number]> = [];
    for (let run = 0; run < 3; run++) {
      let t = performance.now();
      const inWorker = await runInWorker('model.discover', input);
      rows.push([
        'worker thread (as the app)',
        performance.now() - t,
        inWorker.filesSeen,
        inWorker.candidates.length,
        inWorker.candidates.filter((c) => c.trainable).length,
      ]);
      t = performance.now();
      const direct = discoverModels(input);
      rows.push(['this thread', performance.now() - t, direct.filesSeen, direct.candidates.length, direct.candidates.filter((c) => c.trainable).length]);
    }
    const noCheck = discoverModels({ ...input, trainer: null });
    const t = performance.now();
    discoverModels({ ...input, trainer: null });
    const withoutTrainer = performance.now() - t;
    console.log(`Model discovery over ${FILES} files (${FILES - GGUFS} not models, ${GGUFS} GGUFs), trainer ${trainer ? 'checked each GGUF' : 'not built'}`);
    console.log('| run | where | wall ms | entries seen | GGUFs found | trainable |');
    console.log('|---|---|---|---|---|---|');
    rows.forEach(([where, ms, seen, found, ok], i) => console.log(`| ${Math.floor(i / 2) + 1} | ${where} | ${ms.toFixed(0)} | ${seen} | ${found} | ${ok} |`));
    console.log(`Walk and header reads alone (no trainer check): ${withoutTrainer.toFixed(0)} ms for ${noCheck.candidates.length} GGUFs.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
