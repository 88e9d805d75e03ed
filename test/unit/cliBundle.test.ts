// The CLI bundle (scripts/build-cli.mjs) and the bin that picks it (bin/fieldtune.mjs): fast when fresh, never
// stale, lazy about heavy packages, and still finding its files from dist/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const STALE = /running from source/;

describe('bin/fieldtune.mjs picks the bundle only while it is fresh', () => {
  // A copy of the bin in a fake checkout: the "bundle" and the "sources" each say which one ran.
  const t = tempDir('fieldtune-bin-');
  const T0 = new Date('2026-01-01T00:00:00Z');
  const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
  const file = (rel: string) => join(t.dir, rel);

  function put(rel: string, text: string, time: Date): void {
    mkdirSync(join(file(rel), '..'), { recursive: true });
    writeFileSync(file(rel), text);
    utimesSync(file(rel), time, time);
  }

  function run(env: Record<string, string> = {}) {
    const res = spawnSync(process.execPath, [file('bin/fieldtune.mjs'), 'projects', 'list'], {
      encoding: 'utf8',
      env: { ...process.env, FIELDTUNE_CLI_SOURCE: '', ...env },
    });
    return { ran: res.stdout.trim(), stderr: res.stderr, status: res.status };
  }

  beforeAll(() => {
    mkdirSync(file('bin'));
    copyFileSync(join(root, 'bin', 'fieldtune.mjs'), file('bin/fieldtune.mjs'));
    symlinkSync(join(root, 'node_modules'), file('node_modules'), 'dir');
    put('package.json', JSON.stringify({ name: 'fieldtune', type: 'module' }), T0);
    // Type annotations: only tsx can run this one, so "source" also proves the fallback transpiles.
    put(
      'electron/cli/main.ts',
      "export async function main(argv: string[]): Promise<number> { process.stdout.write(`source ${argv.join(' ')}`); return 4; }\n",
      T0,
    );
    put('electron/core/engine.ts', 'export const x: number = 1;\n', T0);
    for (const dir of ['electron/cli', 'electron/core', 'electron']) utimesSync(file(dir), T0, T0);
    put('dist/cli/main.mjs', "export async function main(argv) { process.stdout.write(`bundle ${argv.join(' ')}`); return 3; }\n", at(10));
  });
  afterAll(() => t.cleanup());

  it('runs the bundle, quietly, when it is newer than every source', () => {
    expect(run()).toEqual({ ran: 'bundle projects list', stderr: '', status: 3 });
  });

  it('falls back to the sources (saying so once on stderr) when a source is newer than the bundle', () => {
    utimesSync(file('electron/core/engine.ts'), at(20), at(20));
    const res = run();
    expect(res.ran).toBe('source projects list');
    expect(res.status).toBe(4);
    expect(res.stderr.match(/running from source/g)).toHaveLength(1);
    expect(res.stderr).toMatch(/changed since the CLI bundle was built/);
    utimesSync(file('electron/core/engine.ts'), T0, T0);
    expect(run().ran).toBe('bundle projects list');
  });

  it('falls back when a file was added or removed (its folder is newer), but not for a changed test file', () => {
    put('electron/core/engine.test.ts', 'export {};\n', at(30));
    utimesSync(file('electron/core'), T0, T0);
    expect(run().ran).toBe('bundle projects list');
    utimesSync(file('electron/core'), at(30), at(30));
    expect(run().ran).toBe('source projects list');
    utimesSync(file('electron/core'), T0, T0);
  });

  it('falls back when there is no bundle, or when FIELDTUNE_CLI_SOURCE=1 asks for the sources', () => {
    expect(run({ FIELDTUNE_CLI_SOURCE: '1' })).toMatchObject({ ran: 'source projects list', stderr: expect.stringMatching(STALE) });
    rmSync(file('dist'), { recursive: true });
    const res = run();
    expect(res.ran).toBe('source projects list');
    expect(res.stderr).toMatch(/no CLI bundle/);
  });
});

describe('the CLI bundle', () => {
  // Built like postinstall builds dist/cli, into folders at the same depth under .cache/ (git-ignored, and not
  // packaged like dist/), so the real dist/cli, which other tests may be running, is left alone.
  const outdir = join(root, '.cache', `cli-test-${process.pid}`);
  const probeDir = join(root, '.cache', `cli-probe-${process.pid}`);
  const t = tempDir('fieldtune-bundle-');

  function build(args: string[]): void {
    const res = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), ...args], { encoding: 'utf8', cwd: root });
    expect(res.status, res.stderr).toBe(0);
  }

  /** Runs the bundled CLI's main(argv) with cwd outside the checkout, recording every module it loads. */
  function runBundled(argv: string[]): { stdout: string; stderr: string; status: number | null; loaded: string[] } {
    const trace = join(t.dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(trace, '');
    const code = `const { main } = await import(${JSON.stringify(pathToFileURL(join(outdir, 'main.mjs')).href)}); process.exitCode = await main(${JSON.stringify(argv)});`;
    const res = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(root, 'test', 'unit', 'traceImports.mjs')).href, '--input-type=module', '-e', code],
      {
        encoding: 'utf8',
        cwd: t.dir,
        env: { ...process.env, FIELDTUNE_TRACE_FILE: trace },
      },
    );
    return { stdout: res.stdout, stderr: res.stderr, status: res.status, loaded: readFileSync(trace, 'utf8').split('\n').filter(Boolean) };
  }

  const heavy = ['better-sqlite3-multiple-ciphers', 'better-sqlite3', 'node-llama-cpp', 'vite', 'esbuild', 'exceljs', 'unpdf', 'mammoth', 'tsx'];
  const heavyLoaded = (loaded: string[]) => heavy.filter((name) => loaded.some((url) => url.includes(`/node_modules/${name}/`)));

  beforeAll(() => {
    build(['--outdir', outdir]);
    build(['--entry', join(root, 'test', 'unit', 'bundleProbe.ts'), '--outdir', probeDir]);
  });
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(probeDir, { recursive: true, force: true });
    t.cleanup();
  });

  it('answers --help without loading sqlite, llama, vite, esbuild, xlsx, pdf, docx libraries or tsx', () => {
    const res = runBundled(['--help']);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Usage: fieldtune <command>/m);
    expect(res.loaded).toContain(pathToFileURL(join(outdir, 'main.mjs')).href);
    expect(heavyLoaded(res.loaded)).toEqual([]);
  });

  it('loads SQLite (better-sqlite3-multiple-ciphers) when a command opens a workspace (the trace sees lazy loads), and works from another cwd', () => {
    const ws = join(t.dir, 'ws');
    const created = runBundled(['projects', 'create', 'From the bundle', '--json', '--workspace', ws]);
    expect(created.status, created.stderr).toBe(0);
    expect(heavyLoaded(created.loaded)).toContain('better-sqlite3-multiple-ciphers');
    const listed = runBundled(['projects', 'list', '--json', '--workspace', ws]);
    expect(JSON.parse(listed.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'From the bundle' })]));
  });

  it("runs a long text's piece worker (piiPieceWorker.mjs) from dist/, loading the PII engine alone", () => {
    // Its static imports, followed from the entry: esbuild heads each bundled module with a comment naming its path.
    const graph = new Set<string>();
    const visit = (file: string) => {
      if (graph.has(file)) return;
      graph.add(file);
      for (const m of readFileSync(join(outdir, file), 'utf8').matchAll(/(?:from|import) "\.\/([\w.-]+\.mjs)"/g)) visit(m[1]!);
    };
    visit('piiPieceWorker.mjs');
    const code = [...graph].map((f) => readFileSync(join(outdir, f), 'utf8')).join('\n');
    expect(code).toMatch(/^\/\/ electron\/core\/pii\/detect\.ts$/m);
    for (const heavyPart of ['node_modules/zod/', 'electron/core/store/', 'electron/core/models/', 'electron/core/data/', 'electron/contract/wire.ts']) {
      expect(code.includes(`// ${heavyPart}`), heavyPart).toBe(false);
    }
    const run = `import { Worker } from 'node:worker_threads';
      const w = new Worker(${JSON.stringify(join(outdir, 'piiPieceWorker.mjs'))}, { execArgv: [], workerData: { input: { text: 'Call John Smith on 617-555-0101.' } } });
      w.on('message', (m) => { console.log(JSON.stringify(m)); void w.terminate(); });`;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', run], { encoding: 'utf8', cwd: t.dir });
    expect(res.status, res.stderr).toBe(0);
    const message = JSON.parse(res.stdout) as { type: string; result: { start: Record<string, number>; keys: string[] } };
    expect(message.type).toBe('done');
    expect(Object.keys(message.result.start).length).toBeGreaterThanOrEqual(2);
    expect(message.result.keys).toContain('smith');
  });

  it('finds resources, templates, PII lists, vocabularies and native/build from its place in dist/', () => {
    const env = { ...process.env };
    delete env['FIELDTUNE_NATIVE_BIN'];
    delete env['FIELDTUNE_VOCAB_DIR'];
    const res = spawnSync(process.execPath, [join(probeDir, 'main.mjs')], { encoding: 'utf8', cwd: t.dir, env });
    expect(res.status, res.stderr).toBe(0);
    const paths = JSON.parse(res.stdout) as Record<string, string>;
    expect(paths).toEqual({
      appRoot: root,
      resources: join(root, 'resources'),
      nativeBin: join(root, 'native', 'build', 'bin'),
      pii: join(root, 'resources', 'pii'),
      templates: join(root, 'resources', 'templates'),
      vocab: join(root, 'resources', 'vocab'),
      sampleDataset: join(root, 'resources', 'demo', 'sample-chat.jsonl'),
    });
    for (const path of [paths['sampleDataset']!, join(paths['pii']!, 'first-names.txt'), join(paths['templates']!, 'medical.json')]) {
      expect(existsSync(path), path).toBe(true);
    }
    // The real CLI bundle too: the vocabularies extracted at install time are found from dist/ (cwd elsewhere).
    const vocabs = runBundled(['demo-model', '--list-vocabs', '--json']);
    const vocabDir = join(root, 'resources', 'vocab');
    const extracted = existsSync(vocabDir) ? readdirSync(vocabDir).filter((f) => f.startsWith('ggml-vocab-')).length : 0;
    expect(extracted, 'resources/vocab is extracted by npm ci').toBeGreaterThan(0);
    expect((JSON.parse(vocabs.stdout) as { vocabs: string[] }).vocabs).toHaveLength(extracted);
  });
});
