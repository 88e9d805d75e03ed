// piiPieceWorker.ts from the TypeScript sources (tests, `tsx`): registers tsx in the thread first, as
// engineWorker.dev.mjs does. Builds use piiPieceWorker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./piiPieceWorker.ts');
