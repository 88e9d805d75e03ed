// Extracts the real tokenizer vocabularies (models/ggml-vocab-*.gguf) and chat templates (models/templates/*.jinja)
// from the llama.cpp source that node-llama-cpp ships as a git bundle, into resources/vocab/. The demo model is built
// from these, so nothing is fetched at run time. Runs from postinstall: `node scripts/extract-vocab.mjs`.
// Idempotent: a stamp holds the bundle's sha256 and the file list; when it matches and every file exists we stop.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', 'node-llama-cpp', 'llama', 'gitRelease.bundle');
const outDir = join(root, 'resources', 'vocab');
const templatesDir = join(outDir, 'templates');
const stampPath = join(outDir, 'stamp.json');
const log = (msg) => console.log(`[extract-vocab] ${msg}`);

function fail(msg) {
  console.error(`[extract-vocab] error: ${msg}`);
  process.exit(1);
}

function sha256File(path) {
  return new Promise((res, rej) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', rej)
      .on('end', () => res(hash.digest('hex')));
  });
}

function git(gitDir, args, encoding = 'utf8') {
  // A large maxBuffer: the biggest vocabulary is ~16 MB and is read through stdout.
  const r = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { encoding, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`git could not run (${r.error.message}); git is needed to unpack the llama.cpp source bundle`);
  if (r.status !== 0) {
    // git's first "fatal:"/"error:" line names the cause; the lines after it are generic advice.
    const lines = String(r.stderr)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const cause = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `exit code ${r.status}`;
    throw new Error(`git ${args[0]} failed: ${cause}`);
  }
  return r.stdout;
}

/** Which outputs a stamp promises; every one must still exist for the stamp to count. */
function stampIsCurrent(bundleSha) {
  if (!existsSync(stampPath)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    return stamp.bundleSha256 === bundleSha && Array.isArray(stamp.files) && stamp.files.length > 0 && stamp.files.every((f) => existsSync(join(outDir, f)));
  } catch {
    return false;
  }
}

async function main() {
  if (!existsSync(bundle)) fail(`${bundle} not found; install dependencies first (node-llama-cpp ships it)`);
  const bundleSha = await sha256File(bundle);
  if (stampIsCurrent(bundleSha)) {
    log(`up to date (bundle ${bundleSha.slice(0, 12)})`);
    return;
  }
  const started = Date.now();
  log('unpacking the llama.cpp source bundle from node-llama-cpp');
  // A bare repository and `git fetch` from the bundle: no work tree, so only the blobs we ask for are ever written.
  const gitDir = mkdtempSync(join(tmpdir(), 'fieldtune-vocab-'));
  try {
    git(gitDir, ['init', '--quiet', '--bare']);
    git(gitDir, ['fetch', '--quiet', '--no-tags', bundle, '+HEAD:refs/heads/release']);
    const listing = git(gitDir, ['ls-tree', '-r', '--name-only', 'release', '--', 'models/']).split('\n');
    const vocabs = listing.filter((p) => /^models\/ggml-vocab-[^/]+\.gguf$/.test(p));
    const templates = listing.filter((p) => /^models\/templates\/[^/]+\.jinja$/.test(p));
    if (vocabs.length === 0) throw new Error('the bundle holds no models/ggml-vocab-*.gguf files');
    mkdirSync(templatesDir, { recursive: true });
    const files = [];
    for (const src of [...vocabs, ...templates]) {
      const rel = src.startsWith('models/templates/') ? join('templates', src.slice('models/templates/'.length)) : src.slice('models/'.length);
      const dest = join(outDir, rel);
      const data = git(gitDir, ['cat-file', 'blob', `release:${src}`], 'buffer');
      // Write then rename, so an interrupted run never leaves a truncated file that looks complete.
      writeFileSync(`${dest}.partial`, data);
      renameSync(`${dest}.partial`, dest);
      files.push(rel);
    }
    writeFileSync(stampPath, JSON.stringify({ bundleSha256: bundleSha, files }, null, 1) + '\n');
    log(`${vocabs.length} vocabularies and ${templates.length} chat templates -> resources/vocab (${Date.now() - started} ms)`);
  } finally {
    rmSync(gitDir, { recursive: true, force: true });
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
