import type { Migration } from './types.js';

// A project reads ambiguous dates (02/11/2015) and writes its reports in its own locale. Projects made before this
// migration get the locale of the computer that opens the workspace first: the best guess at what their files use,
// and editable afterwards (projects:set-locale).
export function projectLocaleMigration(systemLocale: () => string): Migration {
  return {
    version: 7,
    name: 'project-locale',
    up(db) {
      db.exec("ALTER TABLE projects ADD COLUMN locale TEXT NOT NULL DEFAULT 'en-US'");
      db.prepare('UPDATE projects SET locale = ?').run(systemLocale());
    },
  };
}
