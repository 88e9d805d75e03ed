// What `data redact` spends outside detection, phase by phase, on the rate bench's JSONL dataset or long text:
//   `npx tsx bench/pii-redact-phases.ts [--times 90] [--text] [--reps 3]`
// Each phase runs `reps` times, in the CLI's order: reading and decoding the file and the JSON strings view (JSONL
// only) before detection, as the CLI runs them, on a small heap; detection once (the same spans for every commit
// that keeps the span gate); then placing the spans back on the file (JSONL only), writing the redacted copy and
// writing the report's span lines, each the JavaScript way and, where the add-on has them, its writers' way (what
// the CLI now takes: native/pii/src/output.h). CPU ms of the whole process (its garbage collection included). The JSONL dataset
// is 100k records whatever `times` is. To compare with an older commit, copy this file and piiBenchInputs.ts into a
// worktree of it (before spanTable.ts, detectLongText, spansOnView and the add-on's writers took and gave span objects;
// before pieceView.ts, spansOnView was jsonStrings.ts's spansOnJson: adapt those lines): where redactTextTo does not
// exist yet, the copy is made the old way (redactText, then one Buffer of the whole text).
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cli from '../electron/cli/commands/redact.js';
import { writerEncodingOf } from '../electron/core/disk/bufferedWriter.js';
import { writeJsonStreamed } from '../electron/core/disk/streamedJson.js';
import { jsonStringsView } from '../electron/core/pii/jsonStrings.js';
import { tableOnView } from '../electron/core/pii/pieceView.js';
import { spanJson } from '../electron/core/pii/reportLines.js';
import * as redact from '../electron/core/pii/redact.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';
import { spansOf } from '../electron/core/pii/spanTable.js';
import type { PiiSpan } from '../electron/core/pii/types.js';
import { detectLongText } from '../electron/core/workers/piiLongText.js';
import { rateBenchInputs } from './piiBenchInputs.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const times = option('--times', 90);
const reps = option('--reps', 3);
const asText = args.includes('--text');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dir = mkdtempSync(join(tmpdir(), 'pii-phases-'));
try {
  const inputs = rateBenchInputs(times);
  const file = join(dir, asText ? 'in.txt' : 'in.jsonl');
  writeFileSync(file, (asText ? inputs.text : inputs.dataset).repeat(times));
  const resources = loadPiiResources();
  const time = async (name: string, run: () => unknown) => {
    const ms: number[] = [];
    for (let r = 0; r < reps; r++) {
      const c = cpuMs();
      await run();
      ms.push(cpuMs() - c);
    }
    console.log(`  ${name.padEnd(26)} ${ms.map((m) => m.toFixed(0).padStart(6)).join(' ')}  CPU ms`);
  };
  console.log(`data redact phases outside detection: ${asText ? 'text' : 'JSONL'} x${times}`);
  await time('read and decode', () => cli.readTextFile(file));
  const { text, encoding } = await cli.readTextFile(file);
  if (!asText) await time('JSON strings view', () => jsonStringsView(text));
  const view = asText ? undefined : jsonStringsView(text);
  const found = await detectLongText(view ? view.text : text, resources, { cores: 1 });
  const table = view ? tableOnView(view, found) : found;
  const spans: PiiSpan[] = spansOf(text, table);
  console.log(`  (detected once: ${(text.length / 1e6).toFixed(1)} M chars, ${spans.length} spans)`);
  if (view) await time('spans placed on the file', () => tableOnView(view, found));

  const options = { secret: Buffer.alloc(32), recordId: 'file', resources, map: redact.createPseudonymMap() };
  await time('redacted copy written', () => {
    const streaming = cli as Partial<{ writeEncodedText: typeof cli.writeEncodedText }>;
    const to = redact as Partial<{ redactTextTo: typeof redact.redactTextTo }>;
    const path = join(dir, 'out');
    if (streaming.writeEncodedText && to.redactTextTo) {
      const redactTextTo = to.redactTextTo;
      streaming.writeEncodedText(path, encoding, (put) => redactTextTo(put, text, spans, 'mask', options));
    } else {
      // An older commit: the whole copy as one string, then as one Buffer.
      const old = cli as unknown as { encodeText: (t: string, e: string) => Buffer };
      writeFileSync(path, old.encodeText(redact.redactText(text, spans, 'mask', options).text, encoding));
    }
  });
  await time('report span lines written', () => writeJsonStreamed(join(dir, 'report.json'), { spans }, { elementJson: (_k, v) => spanJson(v as PiiSpan) }));
  // An older commit has no nativeOutput.ts: the add-on's writers are left out there.
  const native = await import('../electron/core/pii/nativeOutput.js').catch(() => undefined);
  const intoFile = (name: string, write: (fd: number) => boolean) => () => {
    const fd = openSync(join(dir, name), 'w');
    try {
      if (!write(fd)) throw new Error(`the add-on did not take the spans (${name})`);
    } finally {
      closeSync(fd);
    }
  };
  if (native) {
    const writer = writerEncodingOf(encoding);
    await time(
      'copy by the add-on',
      intoFile('out-native', (fd) => native.writeMaskedCopyNative(fd, writer, text, table)),
    );
    await time(
      'span lines by the add-on',
      intoFile('lines-native', (fd) => native.writeSpanLinesNative(fd, text, table)),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
