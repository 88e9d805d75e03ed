#!/usr/bin/env node
// Builds the native tools (fieldtune-train, llama-export-lora, llama-quantize) from the llama.cpp source that
// node-llama-cpp ships as a git bundle, with native/patches applied. Plain Node, no dependencies: it runs from
// scripts/postinstall.mjs before anything else is guaranteed to be installed.
//
// Cache: the key is a sha256 over every native source, every patch, the bundle and the build flags. The tools in
// native/build/bin are reused only when the stamp there holds exactly that key and every binary exists, so a cached
// result always corresponds to the current inputs; any change rebuilds (incrementally, in a per-variant tree).
//
// Environment: FIELDTUNE_RELEASE=1 (no -march=native: ggml picks a CPU variant at run time),
// FIELDTUNE_GPU=cuda|vulkan|metal (GPU only when asked, never because a toolkit is on PATH),
// FIELDTUNE_BUILD_JOBS (default 2), FIELDTUNE_SKIP_NATIVE=1 (skip entirely), FIELDTUNE_BUILD_BIN (where the tools
// go, default native/build/bin: native/gpu-check.sh builds a GPU variant next to the CPU one, which it compares with).
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NATIVE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(NATIVE);
const LLAMA = path.join(NATIVE, 'llama.cpp');
const BUILD = path.join(NATIVE, 'build');
// a function, not a constant: the tests and native/gpu-check.sh build into another folder without touching this one
const binDir = (env = process.env) => path.resolve(env.FIELDTUNE_BUILD_BIN || path.join(BUILD, 'bin'));
const EXE = process.platform === 'win32' ? '.exe' : '';
export const TOOLS = ['fieldtune-train', 'llama-export-lora', 'llama-quantize', 'llama-bench'];

class BuildError extends Error {}

function log(line) {
  process.stderr.write(`[fieldtune native] ${line}\n`);
}

function bundlePath() {
  const p = path.join(ROOT, 'node_modules', 'node-llama-cpp', 'llama', 'gitRelease.bundle');
  if (!fs.existsSync(p)) throw new BuildError(`llama.cpp source bundle not found at ${p} (is node-llama-cpp installed?)`);
  return p;
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function hashFiles(files, h) {
  for (const f of files) {
    h.update(path.relative(NATIVE, f).split(path.sep).join('/'));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
}

/** The build variant and its CMake flags, from the environment. */
export function buildConfig(env = process.env) {
  const gpu = (env.FIELDTUNE_GPU ?? '').toLowerCase();
  if (gpu && !['cuda', 'vulkan', 'metal'].includes(gpu)) {
    throw new BuildError(`FIELDTUNE_GPU must be cuda, vulkan or metal (got "${gpu}")`);
  }
  const release = env.FIELDTUNE_RELEASE === '1';
  const flags = ['-DCMAKE_BUILD_TYPE=Release', '-DGGML_CUDA=OFF', '-DGGML_VULKAN=OFF', '-DGGML_METAL=OFF'];
  if (release) {
    // Runtime CPU-variant selection: one shared ggml-cpu library per instruction-set level, loaded by ggml.
    flags.push('-DFIELDTUNE_RELEASE=ON', '-DGGML_NATIVE=OFF', '-DGGML_BACKEND_DL=ON', '-DGGML_CPU_ALL_VARIANTS=ON');
  } else {
    flags.push('-DGGML_NATIVE=ON');
  }
  if (gpu) flags.push(`-DGGML_${gpu.toUpperCase()}=ON`);
  const variant = `${gpu || 'cpu'}-${release ? 'release' : 'native'}`;
  return { variant, flags, jobs: Number(env.FIELDTUNE_BUILD_JOBS ?? 2) || 2 };
}

export function cacheKey(config) {
  const h = createHash('sha256');
  hashFiles([path.join(NATIVE, 'CMakeLists.txt'), path.join(NATIVE, 'build.mjs')], h);
  hashFiles(listFiles(path.join(NATIVE, 'src')), h);
  hashFiles(listFiles(path.join(NATIVE, 'patches')), h);
  h.update(fs.readFileSync(bundlePath()));
  h.update(JSON.stringify({ flags: config.flags, variant: config.variant, platform: process.platform, arch: process.arch }));
  return h.digest('hex');
}

function need(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new BuildError(`${what} not found: install it and run \`node native/build.mjs\` again`);
  return r.stdout;
}

function checkTools(config) {
  need('git', ['--version'], 'git (needed to unpack the llama.cpp bundle)');
  need('cmake', ['--version'], 'CMake (>= 3.14)');
  const cxx = process.env.CXX ?? (process.platform === 'win32' ? 'cl' : spawnSync('c++', ['--version']).status === 0 ? 'c++' : 'g++');
  if (process.platform !== 'win32') need(cxx, ['--version'], `a C++ compiler (${cxx}; e.g. build-essential or Xcode command line tools)`);
  if (config.variant.startsWith('vulkan')) checkVulkanTools();
  if (config.variant.startsWith('cuda')) need('nvcc', ['--version'], 'nvcc (the CUDA toolkit; on PATH, e.g. /usr/local/cuda/bin)');
  return spawnSync('ninja', ['--version']).status === 0;
}

/**
 * ggml-vulkan's CMake needs glslc (shaders), the Vulkan loader's headers and SPIRV-Headers' CMake package; without
 * the last it stops with a find_package error that names none of the packages to install, so check all three here.
 */
function checkVulkanTools() {
  const sdk = process.env.VULKAN_SDK;
  const hint = 'Debian/Ubuntu: apt-get install libvulkan-dev glslc spirv-headers; or the LunarG Vulkan SDK with VULKAN_SDK set';
  need('glslc', ['--version'], `glslc (the Vulkan shader compiler; ${hint})`);
  const prefixes = [sdk, '/usr', '/usr/local', '/opt/homebrew'].filter(Boolean);
  const has = (rel) => prefixes.some((p) => fs.existsSync(path.join(p, rel)));
  if (!has('include/vulkan/vulkan.h')) throw new BuildError(`the Vulkan headers (vulkan/vulkan.h) were not found (${hint})`);
  const spirv = ['share/cmake/SPIRV-Headers', 'lib/cmake/SPIRV-Headers', 'share/SPIRV-Headers'];
  if (!spirv.some(has)) throw new BuildError(`SPIRV-Headers' CMake package was not found (${hint})`);
}

function git(args, cwd = LLAMA) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new BuildError(`git ${args.join(' ')} failed: ${(r.stderr || '').trim().split('\n').pop()}`);
  return r.stdout.trim();
}

/** A clean clone of the bundle with every patch applied; redone only when the bundle or the patch set changes. */
function sourceKey() {
  const patches = listFiles(path.join(NATIVE, 'patches')).filter((f) => f.endsWith('.patch'));
  const h = createHash('sha256');
  h.update(fs.readFileSync(bundlePath()));
  hashFiles(patches, h);
  return { key: h.digest('hex'), patches };
}

/** For native/regen-patches.sh: the checkout already holds exactly the patched source, so mark it as such. */
export function markSourcePatched() {
  fs.writeFileSync(path.join(LLAMA, '.fieldtune-source'), sourceKey().key);
}

function prepareSource() {
  const bundle = bundlePath();
  const { key: want, patches } = sourceKey();
  const stampFile = path.join(LLAMA, '.fieldtune-source');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === want) return;
  if (!fs.existsSync(path.join(LLAMA, '.git'))) {
    log('unpacking llama.cpp from the node-llama-cpp bundle');
    fs.rmSync(LLAMA, { recursive: true, force: true });
    git(['clone', '--quiet', bundle, LLAMA], NATIVE);
  } else {
    log('resetting llama.cpp to the bundle commit');
    git(['reset', '--quiet', '--hard', 'HEAD']);
    git(['clean', '-fdq']);
  }
  for (const p of patches) {
    log(`applying ${path.basename(p)}`);
    git(['apply', '--whitespace=nowarn', p]);
  }
  fs.writeFileSync(stampFile, want);
}

/** Runs a command with its output going to the log; prints [n/m] progress every 10%. */
function run(cmd, args, logFile, phase) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd: NATIVE, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastDecile = -1;
    let buffered = '';
    const onData = (chunk) => {
      fs.writeSync(out, chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^\[\s*(\d+)\/(\d+)\]/.exec(line) ?? /^\[\s*(\d+)%\]/.exec(line);
        if (!m) continue;
        const pct = m[2] ? (100 * Number(m[1])) / Number(m[2]) : Number(m[1]);
        const decile = Math.floor(pct / 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          log(`${phase} ${Math.round(pct)}%`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(new BuildError(`${phase}: ${e.message}`)));
    child.on('close', (code) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const text = fs.readFileSync(logFile, 'utf8').split('\n');
      const first = text.find((l) => /\berror\b|CMake Error|fatal/i.test(l)) ?? text.filter(Boolean).pop() ?? '';
      reject(new BuildError(`${phase} failed: ${first.trim().slice(0, 300)} (full log: ${logFile})`));
    });
  });
}

export async function main(env = process.env) {
  if (env.FIELDTUNE_SKIP_NATIVE === '1') {
    log('skipped (FIELDTUNE_SKIP_NATIVE=1)');
    return 0;
  }
  const config = buildConfig(env);
  const key = cacheKey(config);
  const BIN = binDir(env);
  const stamp = path.join(BIN, 'fieldtune-build.json');
  const have = fs.existsSync(stamp) ? JSON.parse(fs.readFileSync(stamp, 'utf8')) : null;
  if (have?.key === key && TOOLS.every((t) => fs.existsSync(path.join(BIN, t + EXE)))) {
    log(`up to date (${config.variant}, key ${key.slice(0, 12)})`);
    return 0;
  }
  // the folder is emptied before the new tools go in: never empty one this script did not fill
  if (fs.existsSync(BIN) && fs.readdirSync(BIN).length > 0 && !fs.existsSync(stamp)) {
    throw new BuildError(`${BIN} holds files but no fieldtune-build.json: choose an empty or new FIELDTUNE_BUILD_BIN`);
  }
  const ninja = checkTools(config);
  prepareSource();
  const dir = path.join(BUILD, config.variant);
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'build.log');
  fs.writeFileSync(logFile, '');
  const t0 = Date.now();
  log(`configuring (${config.variant})`);
  await run('cmake', ['-S', NATIVE, '-B', dir, ...(ninja ? ['-G', 'Ninja'] : []), ...config.flags], logFile, 'configure');
  log(`compiling with ${config.jobs} jobs (a first build takes several minutes)`);
  await run('cmake', ['--build', dir, '--config', 'Release', '-j', String(config.jobs), '--target', ...TOOLS], logFile, 'compile');
  fs.rmSync(BIN, { recursive: true, force: true });
  fs.mkdirSync(BIN, { recursive: true });
  installTools(path.join(dir, 'bin'), BIN);
  for (const t of TOOLS) if (!fs.existsSync(path.join(BIN, t + EXE))) throw new BuildError(`${t} was not produced (see ${logFile})`);
  for (const f of fs.readdirSync(BIN)) fs.chmodSync(path.join(BIN, f), 0o755);
  fs.writeFileSync(stamp, JSON.stringify({ key, variant: config.variant, flags: config.flags, builtAt: new Date().toISOString() }, null, 2));
  log(`built ${TOOLS.join(', ')} in ${Math.round((Date.now() - t0) / 1000)} s -> ${path.relative(ROOT, BIN) || BIN}`);
  return 0;
}

/** A shared library by its name: libx.so, a versioned libx.so.0 / libx.so.0.4.0, libx.0.dylib, x.dll. */
const SHARED_LIBRARY = /\.(?:so(?:\.\d+)*|dylib|dll)$/;

/**
 * Copies the executables and the shared ggml/llama libraries a release (GGML_BACKEND_DL) build loads next to them
 * from a build's bin folder into `to`. Linux libraries come as a file with the full version (libllama.so.0.4.0) and
 * links to it under the names the executables ask for (libllama.so.0, its soname): the files are copied and the
 * links made again beside them. Copying only regular files named *.so left every soname out, and a release
 * executable could not start ("libllama.so.0: cannot open shared object file").
 */
export function installTools(from, to) {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dest = path.join(to, e.name);
    const tool = TOOLS.some((t) => e.name === t + EXE);
    if (!tool && !SHARED_LIBRARY.test(e.name)) continue;
    if (e.isSymbolicLink() && !tool) fs.symlinkSync(fs.readlinkSync(src), dest);
    else if (e.isFile() || e.isSymbolicLink()) fs.copyFileSync(src, dest);
  }
}

/** Where the built tools live (for the core and tests). */
export function toolPath(name) {
  return path.join(binDir(), name + EXE);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      const msg = err instanceof BuildError ? err.message : `unexpected failure: ${err?.stack ?? err}`;
      process.stderr.write(`fieldtune native build failed: ${msg}\n`);
      process.exit(1);
    },
  );
}
