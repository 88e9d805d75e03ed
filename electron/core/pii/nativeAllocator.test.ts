// The add-on's largeAllocationsFromHeap, which data redact calls before it reads a large file: after it, glibc serves
// a 64 MB buffer from its heap (no mapping of its own), where by default it maps one. Each case runs in a child
// process, since the setting is the whole process's.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nativeAddonPath, nativeDetectors, nativeDetectorsStatus } from './nativeDetectors.js';

const glibc =
  process.platform === 'linux' && Boolean((process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);
const skipped = !glibc || !nativeDetectors()?.largeAllocationsFromHeap;
if (skipped) console.log(`[nativeAllocator.test] skipped: needs glibc (${process.platform}) and the add-on (${nativeDetectorsStatus()})`);

/** Mappings of 64 MB or more that a 64 MB malloc added, in a fresh process, with or without the setting first. */
function newLargeMappings(set: boolean): number {
  const code = `
    const { readFileSync } = require('node:fs');
    const addon = require(${JSON.stringify(nativeAddonPath())});
    // the start of each writable mapping of 64 MB or more: a heap that grows keeps its start, a buffer mapped apart
    // adds one (other threads' malloc arenas reserve 64 MB unreadable regions: not counted)
    const starts = (least) => new Set(readFileSync('/proc/self/maps', 'utf8').split('\\n').flatMap((l) => {
      const [range, perms] = l.split(' ');
      const [from, to] = (range || '0-0').split('-').map((h) => parseInt(h, 16));
      return to - from >= least && perms?.startsWith('rw') ? [from] : [];
    }));
    if (${set} && !addon.largeAllocationsFromHeap(1 << 30)) throw new Error('not set');
    const before = starts(0);
    const kept = Buffer.allocUnsafeSlow(64 << 20).fill(1);
    console.log([...starts(64 << 20)].filter((m) => !before.has(m)).length, kept.length);`;
  const res = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  return Number(res.stdout.split(' ')[0]);
}

describe.skipIf(skipped)("the add-on's largeAllocationsFromHeap", () => {
  it('has a 64 MB buffer come from the heap, not a mapping of its own', () => {
    expect(newLargeMappings(false)).toBe(1);
    expect(newLargeMappings(true)).toBe(0);
  });
});
