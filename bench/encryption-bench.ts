// What encryption at rest costs (issue 16 item 5), plain vs encrypted in one run on the same machine:
// - import: a generated chat JSONL staged and committed into a fresh workspace (rows/s; the encrypted database pays
//   ChaCha20-Poly1305 per page, in the file and in its WAL);
// - training files: the bytes a run keeps in the workspace (training file, checkpoints, adapter) written through the
//   workspace's atomic writer and read back (MB/s; AES-256-GCM per file);
// - opening: the passphrase's scrypt, paid once per open.
// Run: npx tsx bench/encryption-bench.ts [ROWS] [MB]   (default 20000 rows, 64 MB)
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stageImport } from '../electron/core/data/stageImport.js';
import { writeFileAtomic } from '../electron/core/disk/atomicWrite.js';
import { readWorkspaceFile } from '../electron/core/disk/encryption.js';
import { commitImport } from '../electron/core/service/datasets/importCommit.js';
import { encryptWorkspace } from '../electron/core/store/workspaceEncryption.js';
import { openWorkspace } from '../electron/core/workspace.js';

const rows = Number(process.argv[2] ?? 20_000);
const trainMb = Number(process.argv[3] ?? 64);
const PASS = 'a long bench passphrase';
const dir = mkdtempSync(join(tmpdir(), 'fieldtune-encryption-bench-'));

function makeJsonl(file: string): void {
  const fd = openSync(file, 'w');
  const filler = 'The patient reports intermittent chest pain on exertion, relieved by rest, with no radiation. ';
  const batch: string[] = [];
  for (let row = 0; row < rows; row++) {
    batch.push(
      JSON.stringify({
        messages: [
          { role: 'user', content: `Case ${row}: ${filler}${filler.slice(0, row % 90)} What next?` },
          { role: 'assistant', content: `For case ${row}, arrange an ECG and troponin; ${filler}` },
        ],
      }) + '\n',
    );
    if (batch.length === 5000) writeSync(fd, batch.splice(0).join(''));
  }
  writeSync(fd, batch.join(''));
  closeSync(fd);
}

async function measure(kind: 'plain' | 'encrypted', source: string, trainBytes: Buffer) {
  const root = join(dir, kind);
  // an empty workspace, encrypted before the import when asked
  await openWorkspace(root).close();
  let passphrase: string | undefined;
  if (kind === 'encrypted') {
    encryptWorkspace(root, PASS);
    passphrase = PASS;
  }
  const o0 = performance.now();
  const ws = openWorkspace(root, undefined, undefined, { passphrase });
  const openMs = performance.now() - o0;
  try {
    const t0 = performance.now();
    const staged = await stageImport(source);
    await commitImport(ws, staged, { projectName: 'bench' });
    const importS = (performance.now() - t0) / 1000;
    const file = join(ws.filesDir, 'runs', 'bench', 'train.fttrain');
    mkdirSync(join(ws.filesDir, 'runs', 'bench'), { recursive: true });
    const w0 = performance.now();
    for (let i = 0; i < 3; i++) writeFileAtomic(file, trainBytes);
    const writeS = (performance.now() - w0) / 1000 / 3;
    const r0 = performance.now();
    for (let i = 0; i < 3; i++) await readWorkspaceFile(file);
    const readS = (performance.now() - r0) / 1000 / 3;
    return { openMs, rowsPerS: rows / importS, writeMbS: trainMb / writeS, readMbS: trainMb / readS };
  } finally {
    await ws.close();
  }
}

try {
  const source = join(dir, 'rows.jsonl');
  makeJsonl(source);
  const trainBytes = randomBytes(trainMb * 2 ** 20);
  const plain = await measure('plain', source, trainBytes);
  const enc = await measure('encrypted', source, trainBytes);
  const row = (name: string, p: number, e: number, unit: string) =>
    console.log(`${name.padEnd(34)} ${p.toFixed(0).padStart(9)} ${e.toFixed(0).padStart(11)} ${unit.padEnd(7)} ${((e / p) * 100).toFixed(0).padStart(4)}%`);
  console.log(`${rows} rows imported, ${trainMb} MB training-file writes and reads (mean of 3), one run`);
  console.log(`${''.padEnd(34)} ${'plain'.padStart(9)} ${'encrypted'.padStart(11)} ${''.padEnd(7)} enc/plain`);
  row('import (stage + commit)', plain.rowsPerS, enc.rowsPerS, 'rows/s');
  row('training file write (atomic)', plain.writeMbS, enc.writeMbS, 'MB/s');
  row('training file read', plain.readMbS, enc.readMbS, 'MB/s');
  row('open the workspace', plain.openMs, enc.openMs, 'ms');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
