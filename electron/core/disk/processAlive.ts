/**
 * Whether a process with this pid runs (another user's counts: EPERM). The workspace's leftovers (temp files, scratch
 * folders, jobs) are their owner's while it runs and anyone's to clean up after.
 */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
