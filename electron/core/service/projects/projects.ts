import { randomUUID } from 'node:crypto';
import type { DomainTemplate, Project } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { Workspace } from '../../workspace.js';
import { systemLocale } from '../../data/dateLocale.js';
import { pseudonymMapsOfProject } from '../pii/maps.js';

export function requireProject(ws: Workspace, id: string): Project {
  const project = ws.projects.get(id);
  if (!project) throw new FieldtuneError('NOT_FOUND', `No project with id ${id}`);
  return project;
}

/** Two projects with one name cannot be told apart in the list or on the command line (which takes names). */
function requireFreeName(ws: Workspace, name: string, except?: string): void {
  const key = name.trim().toLocaleLowerCase();
  const clash = ws.projects.list().find((p) => p.id !== except && p.name.trim().toLocaleLowerCase() === key);
  if (clash) throw new FieldtuneError('CONFLICT', `There is already a project called '${clash.name}'. Choose another name.`);
}

export function createProject(
  ws: Workspace,
  name: string,
  domain: DomainTemplate,
  isDemo = false,
  locale?: string,
  systemPrompt: string | null = null,
): Project {
  requireFreeName(ws, name);
  const now = new Date().toISOString();
  const project: Project = {
    id: randomUUID(),
    name,
    domain,
    locale: checkedLocale(locale ?? systemLocale()),
    systemPrompt,
    isDemo,
    createdAt: now,
    updatedAt: now,
  };
  ws.db.transaction(() => {
    ws.projects.insert(project);
    ws.audit.append({ actor: 'user', action: 'project.create', subject: project.id, details: { name, domain, locale: project.locale, systemPrompt } });
  })();
  return project;
}

/** A locale Intl knows, in its canonical spelling (en-gb -> en-GB); anything else is refused, nothing changed. */
function checkedLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical) return canonical;
  } catch {
    /* worded below */
  }
  throw new FieldtuneError('INVALID_INPUT', `"${locale}" is not a locale this computer knows; name one such as en-GB or en-US.`);
}

export function setProjectLocale(ws: Workspace, id: string, locale: string): Project {
  const before = requireProject(ws, id);
  const next = checkedLocale(locale);
  ws.db.transaction(() => {
    ws.projects.setLocale(id, next, new Date().toISOString());
    ws.audit.append({ actor: 'user', action: 'project.locale', subject: id, details: { from: before.locale, to: next } });
  })();
  return requireProject(ws, id);
}

/** Changes the settings named (a field left undefined stays); one audit row says what changed from what. */
export function updateProject(ws: Workspace, id: string, changes: { systemPrompt?: string | null }): Project {
  const before = requireProject(ws, id);
  if (changes.systemPrompt === undefined || changes.systemPrompt === before.systemPrompt) return before;
  const next = changes.systemPrompt;
  ws.db.transaction(() => {
    ws.projects.setSystemPrompt(id, next, new Date().toISOString());
    ws.audit.append({ actor: 'user', action: 'project.system-prompt', subject: id, details: { from: before.systemPrompt, to: next } });
  })();
  return requireProject(ws, id);
}

export function renameProject(ws: Workspace, id: string, name: string): Project {
  const before = requireProject(ws, id);
  requireFreeName(ws, name, id);
  ws.db.transaction(() => {
    ws.projects.rename(id, name, new Date().toISOString());
    ws.audit.append({ actor: 'user', action: 'project.rename', subject: id, details: { from: before.name, to: name } });
  })();
  return requireProject(ws, id);
}

/**
 * Deletes a project and every blob only it referenced. The caller must repeat the project's name.
 * Rows go in one transaction; files are removed only after it committed, so a failure loses nothing.
 */
export async function deleteProject(ws: Workspace, id: string, confirmName: string): Promise<{ id: string; removedBlobs: number }> {
  const project = requireProject(ws, id);
  if (confirmName !== project.name) {
    throw new FieldtuneError('INVALID_INPUT', `To delete '${project.name}', type its name exactly to confirm.`);
  }
  const running = ws.jobs.list(id).filter((j) => j.status === 'running' || j.status === 'queued');
  if (running.length > 0) {
    throw new FieldtuneError('CONFLICT', `'${project.name}' has ${running.length} running job(s); cancel them before deleting it.`);
  }
  // Pseudonym maps are files outside the database: noted now, removed with the blobs once the rows are gone.
  const removeMaps = pseudonymMapsOfProject(ws, id);
  const orphans = ws.db.transaction(() => {
    ws.projects.delete(id); // cascades to its jobs, blob references and datasets
    const removed = ws.blobs.collectOrphanRows();
    const examples = ws.datasets.collectOrphanExamples();
    ws.audit.append({
      actor: 'user',
      action: 'project.delete',
      subject: id,
      details: { name: project.name, removedBlobs: removed, removedExamples: examples },
    });
    return removed;
  })();
  await ws.blobs.removeFiles(orphans);
  removeMaps();
  return { id, removedBlobs: orphans.length };
}
