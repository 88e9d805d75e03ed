// The bad-input corpus (issue 16): every file in test/fixtures/bad-input, plus those too big to commit (a 10 MB single
// line, zip bombs, a bundle with '../' entries) made here, goes through every entry point that takes a file a person
// chose: `data import`, `models add`, `train` and `eval` on a model file, `adapters import`, `data generate` and
// `data augment` (issue 17: a document without text, a model that is not a chat model, a passage too long for it). Each must end with exit 1
// and one plain sentence on stderr (no stack trace, no INTERNAL error, never a crash), and leave the workspace's files
// as they were (every file but the database byte for byte, every table row for row; see snapshot()). A file that joins the corpus joins this test by its name.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openDatabaseReadOnly } from '../../electron/core/store/database.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { Core } from '../../electron/core/core.js';
import { writeZipBomb } from '../unit/zipBomb.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { requireTrainer, tempDir } from './trainerHelpers.js';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'bad-input');
const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
let dir = '';
const ws = () => join(dir, 'ws');
/** Registered models for `data generate`: a chat model (the demo's template) and one without a chat template. */
let chatModelId = '';
let baseModelId = '';
let versionId = '';

async function cli(...argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: await main(argv), stderr: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

/**
 * The workspace as a person's data: every file but the database byte for byte, and every row of every table. The
 * database file itself cannot stay byte-identical, and should not: a refused import is a job that failed, kept in the
 * job history with its reason so that the app's Jobs panel can say what happened. So `jobs` may gain failed rows,
 * and nothing else may change.
 */
function snapshot(root: string): { files: Record<string, string>; tables: Record<string, unknown[]> } {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/^fieldtune\.db(-wal|-shm)?$/.test(name)) files[relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  const db = openDatabaseReadOnly(join(root, 'fieldtune.db'));
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
    const tables = Object.fromEntries(names.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
    return { files, tables };
  } finally {
    db.close();
  }
}

function expectUnchanged(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): void {
  expect(after.files).toEqual(before.files);
  const { jobs: jobsBefore = [], ...restBefore } = before.tables;
  const { jobs: jobsAfter = [], ...restAfter } = after.tables;
  expect(restAfter).toEqual(restBefore);
  expect(jobsAfter.slice(0, jobsBefore.length)).toEqual(jobsBefore);
  for (const job of jobsAfter.slice(jobsBefore.length)) expect((job as { status: string }).status).toBe('failed');
}

async function refused(argv: string[], message: RegExp): Promise<void> {
  const before = snapshot(ws());
  const { code, stderr } = await cli(...argv, '--workspace', ws());
  expect(code, stderr).toBe(1);
  const said = stderr.split('\n').filter((l) => l.startsWith('fieldtune: '));
  expect(said.length, stderr).toBeGreaterThan(0);
  expect(said.join('\n')).toMatch(message);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+|INTERNAL|TypeError|RangeError/);
  expectUnchanged(before, snapshot(ws()));
}

const committed = (ext: string) => readdirSync(CORPUS).filter((f) => f.endsWith(ext));

/** What each committed data file must be told: specific to the file, not a generic failure. */
const DATA_MESSAGES: Record<string, RegExp> = {
  'empty.csv': /empty/,
  'empty.jsonl': /empty/,
  'header-only.csv': /no usable examples/,
  'unclosed-quote.csv': /Line 2/,
  'broken.jsonl': /Line 2: it is not valid JSON/,
  'not-json.json': /not a JSON array or object/,
  'png-named.csv': /not a text file/,
  'utf32.csv': /UTF-32/,
  'fake.xlsx': /XLSX file is damaged/,
  'fake.docx': /DOCX file is damaged/,
};

const GGUF_MESSAGES: Record<string, RegExp> = {
  'wrong-magic.gguf': /not a GGUF/,
  'truncated.gguf': /cut short|cannot be read|not a readable GGUF/,
  'absurd-tensor-count.gguf': /tensor count .* out of range|not a readable GGUF/,
  'absurd-kv-count.gguf': /key\/value count .* out of range|not a readable GGUF/,
  'version-99.gguf': /version 99|not a readable GGUF/,
  'absurd-dims.gguf': /cut short|not a readable GGUF/,
};

beforeAll(async () => {
  requireTrainer();
  dir = tempDir('ft-bad-input-');
  const core = new Core({ workspaceDir: ws(), mode: 'cli' });
  try {
    const project = await core.call('projects:create', { name: 'Front desk' });
    const job = await core.call('datasets:import', { projectId: project.id, path: SAMPLE });
    await core.ws.jobs.wait(job.id);
    versionId = (await core.call('datasets:list', { projectId: project.id }))[0]!.versions[0]!.id;
    const tiny = { layers: 1, embd: 32, heads: 2, ff: 32 };
    const register = async (path: string) => {
      const j = await core.call('models:register', { path });
      await core.ws.jobs.wait(j.id);
      return (await core.call('models:list', {})).find((m) => m.path === path)!.id;
    };
    chatModelId = await register((await writeDemoModel({ out: join(dir, 'chat.gguf'), ...tiny })).path);
    baseModelId = await register((await writeDemoModel({ out: join(dir, 'base.gguf'), vocab: 'llama-spm', ...tiny })).path);
  } finally {
    await core.close();
  }
  // too big to commit, made here
  writeFileSync(join(dir, 'one-line.csv'), `Question,Answer\n${'x'.repeat(10 * 1024 * 1024)},y\n`);
  writeFileSync(join(dir, 'one-line.jsonl'), `{"messages":[{"role":"user","content":"${'x'.repeat(10 * 1024 * 1024)}"},{"role":"assistant","content":"y"}]}\n`);
  writeZipBomb(join(dir, 'bomb.docx'), [{ name: 'word/document.xml', megabytes: 600 }], { '[Content_Types].xml': '<Types/>' });
  writeZipBomb(join(dir, 'bomb.xlsx'), [{ name: 'xl/worksheets/sheet1.xml', megabytes: 600, declaredBytes: 1 }], { '[Content_Types].xml': '<Types/>' });
  writeZipBomb(join(dir, 'bomb.ftadapter'), [{ name: 'adapter.gguf', megabytes: 600, declaredBytes: 1 }], { 'manifest.json': '{}' });
  writeZipBomb(join(dir, 'traversal.ftadapter'), [], { 'manifest.json': '{}', '../../escaped.txt': 'owned' });
  writeFileSync(join(dir, 'guide.md'), '# Opening hours\nThe clinic opens at eight in the morning and closes at six in the evening.\n');
  writeFileSync(join(dir, 'long.md'), `# Everything\n${'The waiting room is on the left of the reception desk, past the lifts. '.repeat(60)}`);
}, 120_000);

describe('data import', () => {
  it.each(committed('.csv').concat(committed('.jsonl'), committed('.json'), committed('.xlsx'), committed('.docx')))('refuses %s', async (name) => {
    expect(DATA_MESSAGES[name], `${name} has no expected message in this test`).toBeDefined();
    await refused(['data', 'import', join(CORPUS, name), '--project', 'Front desk'], DATA_MESSAGES[name]!);
  });

  it.each([
    ['one-line.csv', /Line 2: this one example holds 10\.0 MB/],
    ['one-line.jsonl', /Line 1: this one example holds 10\.0 MB/],
    ['bomb.docx', /unpack|entries|MB/],
    ['bomb.xlsx', /damaged|unpack|entries|MB/],
  ])('refuses %s (made by the test)', async (name, message) => {
    await refused(['data', 'import', join(dir, name), '--project', 'Front desk'], message);
  });
});

describe('model files', () => {
  it.each(committed('.gguf'))('models add, train and eval refuse %s', async (name) => {
    expect(GGUF_MESSAGES[name], `${name} has no expected message in this test`).toBeDefined();
    const file = join(CORPUS, name);
    await refused(['models', 'add', file], GGUF_MESSAGES[name]!);
    await refused(['train', '--base', file, '--data', SAMPLE, '--out', join(dir, 'adapter.gguf')], GGUF_MESSAGES[name]!);
    await refused(['eval', '--base', file, '--data', SAMPLE], GGUF_MESSAGES[name]!);
  });
});

describe('adapters import', () => {
  it.each([
    ['fake.docx', CORPUS, /bundle|zip|damaged|PEFT/i],
    ['bomb.ftadapter', null, /unpack|too large|limit|MB/i],
    ['traversal.ftadapter', null, /\.\.\/|outside|entry|not part of/i],
  ])('refuses %s', async (name, where, message) => {
    await refused(['adapters', 'import', join(where ?? dir, name)], message);
  });
});

/** What `data generate` must say about each committed document of the corpus. */
const DOCUMENT_MESSAGES: Record<string, RegExp> = {
  'scanned.pdf': /scanned\.pdf has no text \(a scanned PDF has no text layer; run it through OCR first\)/,
  'fake.docx': /DOCX file is damaged/,
};

describe('data generate and augment', () => {
  const generate = (...rest: string[]) => ['data', 'generate', ...rest, '--project', 'Front desk'];
  it.each(committed('.pdf').concat(committed('.docx')))('data generate refuses %s', async (name) => {
    expect(DOCUMENT_MESSAGES[name], `${name} has no expected message in this test`).toBeDefined();
    await refused(generate(join(CORPUS, name), '--model', chatModelId), DOCUMENT_MESSAGES[name]!);
  });

  it('refuses a model that is not a chat model (generate and augment)', async () => {
    await refused(generate(join(dir, 'guide.md'), '--model', baseModelId), /is not a chat model \(its file has no chat template\)/);
    await refused(['data', 'augment', versionId, '--project', 'Front desk', '--model', baseModelId], /is not a chat model/);
  });

  it('refuses a passage too long for the model’s context', async () => {
    await refused(
      generate(join(dir, 'long.md'), '--model', chatModelId, '--passage-chars', '50000', '--max-tokens', '8'),
      /1 passage is too long for .+ to read with room for its reply \(the first: "Everything" in long\.md\)/,
    );
  });
});
