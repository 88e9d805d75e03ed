// Worker entry when running from the TypeScript sources (tests, `tsx`): a worker thread does not inherit the
// parent's tsx loader, so it registers tsx itself before loading the real entry. Builds use engineWorker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./engineWorker.ts');
