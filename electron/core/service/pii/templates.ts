// Domain starting points (resources/templates): what a new medical/legal/finance/education project is offered —
// which identifiers to remove, a suggested system prompt, and a small sample dataset to import in one click.
import { mkdirSync } from 'node:fs';
import { writeFileAtomic } from '../../disk/atomicWrite.js';
import { join } from 'node:path';
import type { JobOf } from '../../../contract/jobs.js';
import type { DomainTemplateInfo } from '../../../contract/pii.js';
import { importIntoWorkspace } from '../datasets/importCommit.js';
import { loadDomainTemplate, MAIN_VARIANT, templateVariants, type TemplateDomain } from '../../pii/templates.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';

export function templateInfo(domain: TemplateDomain, variant = MAIN_VARIANT): DomainTemplateInfo {
  const t = loadDomainTemplate(domain, undefined, variant);
  const variants = templateVariants(domain).map((v) => ({ variant: v, title: v === variant ? t.title : loadDomainTemplate(domain, undefined, v).title }));
  return {
    domain: t.domain,
    variant,
    variants,
    title: t.title,
    description: t.description,
    identifierTypes: t.identifierTypes,
    systemPrompt: t.systemPrompt,
    samples: t.samples,
  };
}

/** Imports the template's samples through the ordinary import (same checks, version, audit row) as a job. */
export function importTemplateSample(ws: Workspace, projectId: string, domain: TemplateDomain, variant = MAIN_VARIANT): JobOf<'template.sample'> {
  requireProject(ws, projectId);
  const t = loadDomainTemplate(domain, undefined, variant);
  const dir = join(ws.filesDir, 'templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${domain}${variant === MAIN_VARIANT ? '' : `-${variant}`}-sample.jsonl`);
  // the template's samples ship with the app (nobody's data): plain even in an encrypted workspace, so the import reads them
  writeFileAtomic(file, t.samples.map((s) => JSON.stringify(s)).join('\n') + '\n', { plain: true });
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
