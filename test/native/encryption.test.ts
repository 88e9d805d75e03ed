// Encryption at rest (issue 16 item 5), through the CLI as a person would use it: a workspace is encrypted, then a CSV
// holding a known record and a name from the PII dictionaries is imported, trained on (demo model) and exported; every
// byte of every file under the workspace (database, WAL, blobs, run folders, temp and scratch folders) is then searched
// for those strings in UTF-8 and UTF-16 and none is found. A wrong passphrase is refused with a sentence and changes no
// byte; a changed passphrase retires the old one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'fieldtune.mjs');
const dir = tempDir('ft-encrypt-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECORD = 'Marmalade orchid protocol 4471';
// a first and a last name from resources/pii (the PII set the detector knows)
const names = (file: string) =>
  readFileSync(join(root, 'resources', 'pii', file), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
const PERSON = `${names('first-names.txt')[200]} ${names('last-names.txt')[300]}`;

function cli(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
const ok = (res: ReturnType<typeof cli>, what: string) => {
  expect(res.code, `${what}:\n${res.stderr}\n${res.stdout}`).toBe(0);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
};

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(folder, e.name)) : e.isFile() ? [join(folder, e.name)] : [],
  );
}

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(filesUnder(folder).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex') + ':' + statSync(f).mtimeMs]));
}

const needles = (text: string) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text.toLowerCase(), 'utf8')];

describe('an encrypted workspace', () => {
  const ws = join(dir, 'ws');
  const pass = join(dir, 'pass.txt');
  const passFlags = ['--workspace', ws, '--workspace-passphrase-file', pass];

  it('holds no imported record, no name, in any file after import, training and export', async () => {
    requireTrainer();
    writeFileSync(pass, 'a long and private sentence\n');
    const model = await demoModel(dir);
    const csv = join(dir, 'notes.csv');
    const rows = ['question,answer'];
    for (let i = 0; i < 30; i++) rows.push(`"Question number ${i} about the clinic?","Answer ${i}: please call the front desk."`);
    rows.push(`"Who asked about the ${RECORD}?","${PERSON} asked about the ${RECORD} on Tuesday."`);
    writeFileSync(csv, rows.join('\n') + '\n');

    ok(cli(['projects', 'create', 'Clinic', '--workspace', ws, '--json']), 'create');
    const enc = ok(cli(['workspace', 'encrypt', ...passFlags, '--json']), 'encrypt');
    expect(enc['encrypted']).toBe(true);
    // without the passphrase nothing opens
    const locked = cli(['projects', 'list', '--workspace', ws]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/This workspace is encrypted: it opens only with its passphrase; give its passphrase with --workspace-passphrase-file/);

    const imported = ok(cli(['data', 'import', csv, ...passFlags, '--project', 'Clinic', '--json']), 'import');
    // rows set aside are kept encrypted too, and the CLI says so rather than point at a file nothing else opens
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `question,answer\n"Is the ${RECORD} ready?"\n"A good question?","A good answer."\n`);
    const skipped = cli(['data', 'import', bad, ...passFlags, '--project', 'Clinic', '--dataset', 'bad rows', '--skip-bad']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/1 bad row\(s\) set aside in .*rejected.* \(encrypted like the rest of the workspace: only Fieldtune opens it\)/);
    const versionId = (imported['version'] as { id: string }).id;
    const trained = ok(
      cli([
        'train',
        ...passFlags,
        '--project',
        'Clinic',
        '--dataset',
        versionId,
        '--base',
        model,
        '--preset',
        'quick',
        '--epochs',
        '1',
        '--threads',
        '2',
        '--json',
      ]),
      'train',
    );
    const run = trained['run'] as { id: string; status: string };
    expect(run.status).toBe('succeeded');
    const out = join(dir, 'exported.gguf');
    ok(cli(['adapters', 'export', ...passFlags, '--run', run.id, '--format', 'gguf', '--out', out, '--json']), 'export');
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('GGUF'); // the export itself is the user's plain file

    // the data is really there (so the search below means something): the version lists the record
    const shown = cli(['data', 'export', versionId, '--out', join(dir, 'check.jsonl'), ...passFlags, '--json']);
    ok(shown, 'data export');
    expect(readFileSync(join(dir, 'check.jsonl'), 'utf8')).toContain(RECORD);

    const files = filesUnder(ws);
    expect(files.some((f) => f.includes(`${join('files', 'runs')}`))).toBe(true);
    expect(files.some((f) => f.includes(`${join('', 'blobs', '')}`))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of [...needles(RECORD), ...needles(PERSON)]) expect(bytes.includes(needle), `${needle.toString()} found in ${file}`).toBe(false);
    }
    // no decrypted copy outlives the commands (RAM scratch folder on Linux, the workspace's own otherwise)
    const ram = join('/dev/shm', `fieldtune-${userInfo().uid}`);
    const left = filesUnder(ram).filter((f) => f.includes(`scratch-`));
    expect(left.filter((f) => readFileSync(f).includes(Buffer.from(RECORD)))).toEqual([]);
    expect(filesUnder(join(ws, 'private', 'scratch'))).toEqual([]);
  }, 600_000);

  it('refuses a wrong passphrase with a sentence and changes no byte of the workspace', () => {
    const before = snapshot(ws);
    const res = cli(['runs', 'list', '--workspace', ws, '--project', 'Clinic'], { FIELDTUNE_PASSPHRASE: 'not the passphrase' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('The passphrase is not the one this workspace was encrypted with. Nothing was opened or changed');
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+|SQLITE_NOTADB/);
    expect(snapshot(ws)).toEqual(before);
  });

  it('changes the passphrase: the old one stops working, the new one opens it', () => {
    const next = join(dir, 'next.txt');
    writeFileSync(next, 'another long private sentence');
    ok(cli(['workspace', 'change-passphrase', ...passFlags, '--new-passphrase-file', next, '--json']), 'change');
    expect(cli(['projects', 'list', ...passFlags]).code).toBe(1);
    const listed = ok(cli(['projects', 'list', '--workspace', ws, '--json'], { FIELDTUNE_PASSPHRASE: 'another long private sentence' }), 'list');
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Clinic' })]));
    const verified = ok(cli(['audit', 'verify', '--workspace', ws, '--workspace-passphrase-file', next, '--json']), 'audit verify');
    expect(JSON.stringify(verified)).toMatch(/workspace\.change-passphrase|intact|"ok":true/i);
  });
});
