// Domain starting points (resources/templates): what a new medical/legal/finance/education project is offered —
// which identifiers to remove, a suggested system prompt, and a small sample dataset to import in one click.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobOf } from '../../../contract/jobs.js';
import type { DomainTemplateInfo } from '../../../contract/pii.js';
import { importIntoWorkspace } from '../datasets/importCommit.js';
import { loadDomainTemplate, type TemplateDomain } from '../../pii/templates.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';

export function templateInfo(domain: TemplateDomain): DomainTemplateInfo {
  const t = loadDomainTemplate(domain);
  return { domain: t.domain, title: t.title, description: t.description, identifierTypes: t.identifierTypes, systemPrompt: t.systemPrompt, samples: t.samples };
}

/** Imports the template's samples through the ordinary import (same checks, version, audit row) as a job. */
export function importTemplateSample(ws: Workspace, projectId: string, domain: TemplateDomain): JobOf<'template.sample'> {
  requireProject(ws, projectId);
  const t = loadDomainTemplate(domain);
  const dir = join(ws.filesDir, 'templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${domain}-sample.jsonl`);
  writeFileSync(file, t.samples.map((s) => JSON.stringify(s)).join('\n') + '\n');
  return ws.jobs.start({ kind: 'template.sample', projectId, params: { domain } }, ({ signal, onProgress }) =>
    importIntoWorkspace(
      ws,
      file,
      { projectId },
      {
        datasetName: `${t.title} (sample)`,
        signal,
        onProgress: (u) => onProgress({ phase: 'Importing the sample', current: u.current, total: u.total }),
      },
    ),
  );
}
