#!/usr/bin/env node
// Builds the personal-data detectors compiled ahead of time (native/pii/src) into a Node-API add-on,
// native/build/pii/fieldtune_pii.node, which electron/core/pii/nativeDetectors.ts loads when it is there (the
// TypeScript detectors run otherwise, and stay the reference the tests compare it with).
//
// Plain compiler calls, no CMake or node-gyp: a few C++ files, QuickJS's regex engine (third_party/quickjs, C) and
// the Node-API headers are all it needs, and node-gyp and cmake-js would fetch Node's headers from the network, which
// these machines cannot reach. The headers come from the node-api-headers package (installed with node-llama-cpp's
// cmake-js) or from Node's own include/node.
//
// Cache: the add-on is reused only when the stamp beside it holds the sha256 of every source, this script, the
// compiler's version and the platform; any change rebuilds. Plain Node, no dependencies (runs from postinstall).
// Windows is not built yet (it needs an import library for node.exe's symbols); the TypeScript detectors run there.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SRC = path.join(HERE, 'src');
const THIRD_PARTY = path.join(HERE, 'third_party', 'quickjs');
/** QuickJS's regex engine and the Unicode tables it reads: C, compiled as such. */
const C_SOURCES = ['libregexp.c', 'libunicode.c'].map((f) => path.join(THIRD_PARTY, f));
export const ADDON_DIR = path.join(ROOT, 'native', 'build', 'pii');
export const ADDON = path.join(ADDON_DIR, 'fieldtune_pii.node');
const STAMP = ADDON + '.stamp';

function log(line) {
  process.stderr.write(`[fieldtune pii] ${line}\n`);
}

function headersDir() {
  try {
    const pkg = createRequire(path.join(ROOT, 'package.json')).resolve('node-api-headers/package.json');
    const dir = path.join(path.dirname(pkg), 'include');
    if (fs.existsSync(path.join(dir, 'node_api.h'))) return dir;
  } catch {
    // not installed: Node's own headers below
  }
  const own = path.join(path.dirname(process.execPath), '..', 'include', 'node');
  if (fs.existsSync(path.join(own, 'node_api.h'))) return own;
  throw new Error('the Node-API headers (node_api.h) were not found: install node-api-headers or a Node with include/node');
}

function sources() {
  const list = (dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => /\.(cpp|c|h)$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  return [...list(SRC), ...list(THIRD_PARTY)];
}

function compile(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error((r.stderr || r.stdout || `${cmd} failed`).trim().split('\n').slice(0, 20).join('\n'));
}

export function main(env = process.env) {
  if (env.FIELDTUNE_SKIP_NATIVE === '1') {
    log('skipped (FIELDTUNE_SKIP_NATIVE=1): the TypeScript detectors will run');
    return 0;
  }
  if (process.platform === 'win32') {
    log('not built on Windows yet: the TypeScript detectors will run');
    return 0;
  }
  const cxx = env.CXX ?? 'c++';
  const cc = env.CC ?? 'cc';
  const version = spawnSync(cxx, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || spawnSync(cc, ['--version']).status !== 0) {
    log(`no C and C++ compiler (${cc}, ${cxx}): the TypeScript detectors will run`);
    return 1;
  }
  let include;
  try {
    include = headersDir();
  } catch (e) {
    log(`${e.message}: the TypeScript detectors will run`);
    return 1;
  }
  const h = createHash('sha256');
  for (const f of [...sources(), fileURLToPath(import.meta.url)]) h.update(path.basename(f)).update('\0').update(fs.readFileSync(f));
  h.update(version.stdout).update(process.platform + process.arch);
  const key = h.digest('hex');
  if (fs.existsSync(ADDON) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === key) {
    log(`up to date: ${path.relative(ROOT, ADDON)}`);
    return 0;
  }
  fs.mkdirSync(ADDON_DIR, { recursive: true });
  // Built beside the target and renamed: a failed build leaves no add-on (never a stale one with a fresh stamp).
  const tmp = `${ADDON}.${process.pid}.tmp`;
  fs.rmSync(STAMP, { force: true });
  const started = Date.now();
  try {
    // the third-party C with its own warnings silenced (it is compiled as published); ours with -Wall -Wextra
    const objects = C_SOURCES.map((f) => path.join(ADDON_DIR, path.basename(f, '.c') + '.o'));
    C_SOURCES.forEach((f, i) => compile(cc, ['-O2', '-std=gnu11', '-fPIC', '-fvisibility=hidden', '-w', '-c', f, '-o', objects[i]]));
    const cpp = sources().filter((f) => f.endsWith('.cpp'));
    const link = process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : [];
    compile(cxx, ['-O2', '-std=c++17', '-shared', '-fPIC', '-fvisibility=hidden', '-Wall', '-Wextra', '-I', include, ...cpp, ...objects, ...link, '-o', tmp]);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(ADDON, { force: true });
    log(`build failed:\n${e.message}`);
    return 1;
  }
  fs.renameSync(tmp, ADDON);
  fs.writeFileSync(STAMP, key);
  log(`built ${path.relative(ROOT, ADDON)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
