// Bundled by cliBundle.test.ts exactly as the CLI is (scripts/build-cli.mjs), at the CLI bundle's depth, then run:
// prints where the code that locates files relative to its own module ends up looking from inside a bundle.
import { appRoot, resourcePath } from '../../electron/core/appPaths.js';
import { SAMPLE_DATASET } from '../../electron/core/service/datasets/datasets.js';
import { vocabDir } from '../../electron/core/demoModel/vocab.js';
import { defaultResourceDir } from '../../electron/core/pii/resources.js';
import { defaultTemplateDir } from '../../electron/core/pii/templates.js';
import { nativeBinDir } from '../../electron/core/train/supervisor.js';

process.stdout.write(
  JSON.stringify({
    appRoot: appRoot(),
    resources: resourcePath(),
    nativeBin: nativeBinDir(),
    pii: defaultResourceDir(),
    templates: defaultTemplateDir(),
    vocab: vocabDir(),
    sampleDataset: SAMPLE_DATASET,
  }),
);
