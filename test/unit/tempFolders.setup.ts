// Runs before every test file (vitest.config.ts setupFiles): the folders the file made through tempFolder() are
// removed after its tests. A hook in helpers.ts itself would break the benches that import test helpers outside vitest.
import { afterAll } from 'vitest';
import { removeTempFolders } from './helpers.js';

afterAll(removeTempFolders);
