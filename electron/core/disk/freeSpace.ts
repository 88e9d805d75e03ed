// Free disk space, checked before big writes so a full disk is a clear message up front instead of a failure halfway.
import { statfsSync } from 'node:fs';
import { FieldtuneError } from '../../contract/errors.js';

/** Bytes free to this user on the disk holding `path`; null where the platform cannot tell. */
export function freeDiskBytes(path: string): number | null {
  try {
    const s = statfsSync(path);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1e6))} MB`;

/** Refuses work that would need more than the free space (`free` is injectable for tests). */
export function assertFreeSpace(folder: string, neededBytes: number, what: string, free: number | null = freeDiskBytes(folder)): void {
  if (free === null || neededBytes <= free) return;
  throw new FieldtuneError(
    'INVALID_INPUT',
    `Not enough free disk space to ${what}: it needs about ${mb(neededBytes)} and ${mb(free)} is free where ${folder} is. Free some space, or choose another place, and try again.`,
    { details: { reason: 'disk-space', neededBytes, freeBytes: free } },
  );
}
