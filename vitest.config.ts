import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/native/**/*.test.ts', 'renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native modules (better-sqlite3, node-llama-cpp) are safest in forked processes.
    pool: 'forks',
    setupFiles: ['test/unit/tempFolders.setup.ts'],
    reporters: ['default', './scripts/vitest-count-reporter.ts'],
  },
});
