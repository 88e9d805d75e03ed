import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { DomainTemplate, Project } from '../../../contract/domain.js';

interface ProjectRow {
  id: string;
  name: string;
  domain: string;
  locale: string;
  system_prompt: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain as DomainTemplate,
    locale: row.locale,
    systemPrompt: row.system_prompt,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class ProjectsRepository {
  private readonly listStmt: Statement<[], ProjectRow>;
  private readonly getStmt: Statement<[string], ProjectRow>;
  private readonly insertStmt: Statement<[ProjectRow]>;
  private readonly renameStmt: Statement<[{ id: string; name: string; updated_at: string }]>;
  private readonly deleteStmt: Statement<[string]>;
  private readonly localeStmt: Statement<[{ id: string; locale: string; updated_at: string }]>;
  private readonly systemPromptStmt: Statement<[{ id: string; system_prompt: string | null; updated_at: string }]>;

  constructor(db: Database) {
    this.listStmt = db.prepare('SELECT * FROM projects ORDER BY created_at, rowid');
    this.getStmt = db.prepare('SELECT * FROM projects WHERE id = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO projects (id, name, domain, locale, system_prompt, is_demo, created_at, updated_at) VALUES (@id, @name, @domain, @locale, @system_prompt, @is_demo, @created_at, @updated_at)',
    );
    this.renameStmt = db.prepare('UPDATE projects SET name = @name, updated_at = @updated_at WHERE id = @id');
    this.deleteStmt = db.prepare('DELETE FROM projects WHERE id = ?');
    this.localeStmt = db.prepare('UPDATE projects SET locale = @locale, updated_at = @updated_at WHERE id = @id');
    this.systemPromptStmt = db.prepare('UPDATE projects SET system_prompt = @system_prompt, updated_at = @updated_at WHERE id = @id');
  }

  list(): Project[] {
    return this.listStmt.all().map(toProject);
  }

  get(id: string): Project | undefined {
    const row = this.getStmt.get(id);
    return row ? toProject(row) : undefined;
  }

  /** systemPrompt may be left out (none): callers that build a project by hand need not know every setting. */
  insert(project: Omit<Project, 'systemPrompt'> & { systemPrompt?: string | null }): void {
    this.insertStmt.run({
      id: project.id,
      name: project.name,
      domain: project.domain,
      locale: project.locale,
      system_prompt: project.systemPrompt ?? null,
      is_demo: project.isDemo ? 1 : 0,
      created_at: project.createdAt,
      updated_at: project.updatedAt,
    });
  }

  rename(id: string, name: string, at: string): void {
    this.renameStmt.run({ id, name, updated_at: at });
  }

  setLocale(id: string, locale: string, at: string): void {
    this.localeStmt.run({ id, locale, updated_at: at });
  }

  setSystemPrompt(id: string, systemPrompt: string | null, at: string): void {
    this.systemPromptStmt.run({ id, system_prompt: systemPrompt, updated_at: at });
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
