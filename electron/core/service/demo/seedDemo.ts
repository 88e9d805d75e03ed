import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_DATASET } from '../datasets/datasets.js';
import { importIntoWorkspace } from '../datasets/importCommit.js';
import { createProject } from '../projects/projects.js';
import { loadDomainTemplate } from '../../pii/templates.js';
import { fingerprintAndRecord } from '../models/models.js';
import type { Workspace } from '../../workspace.js';

export const DEMO_PROJECT_NAME = 'Demo: clinic front desk (random-weight model)';
export const DEMO_MODEL_LABEL = 'Demo model: random weights, for trying Fieldtune only (answers are gibberish)';
export const DEMO_DATASET_NAME = 'Clinic front desk (sample)';
const MARKER = '.demo-seeded';

/**
 * Fills a workspace, once, with a demo project, the bundled sample dataset (imported as a real dataset
 * version) and a generated random-weight
 * model, so a first start shows a working app without downloading anything. A marker file keeps a user
 * who deleted the demo from getting it back on every start.
 */
export async function seedDemo(ws: Workspace, log: (message: string) => void): Promise<boolean> {
  const marker = join(ws.dir, MARKER);
  if (existsSync(marker)) return false;
  log('First start: generating the random-weight demo model and demo project...');
  const { writeDemoModel } = await import('../../demoModel/index.js');
  const model = await writeDemoModel({ out: join(ws.filesDir, 'demo-model.gguf') });
  await fingerprintAndRecord(ws, model.path, { label: DEMO_MODEL_LABEL, isDemo: true });
  // The sample is a clinic's front desk: the medical field, so its personal-data kinds and templates fit.
  // ... and the front desk's suggested system prompt, so the prompting baseline and the Playground have one to use.
  const { systemPrompt } = loadDomainTemplate('medical', undefined, 'front-desk');
  const project = createProject(ws, DEMO_PROJECT_NAME, 'medical', true, undefined, systemPrompt);
  const imported = await importIntoWorkspace(ws, SAMPLE_DATASET, { projectId: project.id }, { datasetName: DEMO_DATASET_NAME });
  ws.audit.append({ actor: 'fieldtune', action: 'demo.seed', subject: project.id, hashAfter: imported.version.hash, details: { model: model.sha256 } });
  writeFileSync(marker, new Date().toISOString());
  return true;
}
