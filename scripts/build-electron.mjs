// npm run build:electron: bundles electron/main into dist/electron (used by `start` and electron-builder).
import { register } from 'tsx/esm/api';

register();
const { buildElectronMain } = await import('../electron/cli/electronBuild.ts');
await buildElectronMain((m) => console.log(m));
