import { useState, type FormEvent } from 'react';
import type { Project } from '../../../electron/contract/domain.js';
import { useProjectsStore } from '../stores/projectsStore.js';
import { DeleteProjectDialog } from './DeleteProjectDialog.js';
import { LocaleSelect } from './LocaleSelect.js';
import { SystemPromptDialog } from './SystemPromptDialog.js';

export function ProjectHeader({ project }: { project: Project }) {
  const rename = useProjectsStore((s) => s.rename);
  const setLocale = useProjectsStore((s) => s.setLocale);
  const busy = useProjectsStore((s) => s.busy);
  const clearError = useProjectsStore((s) => s.clearError);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const [deleting, setDeleting] = useState(false);
  const [prompting, setPrompting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await rename(project.id, name.trim())) setEditing(false);
  }

  return (
    <header className="project-header">
      {editing ? (
        <form className="row" aria-label="Rename project" onSubmit={(e) => void submit(e)}>
          <label htmlFor="rename-input" className="visually-hidden">
            Project name
          </label>
          <input
            id="rename-input"
            value={name}
            maxLength={120}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              // Esc cancels, as in every other rename field people know.
              if (e.key === 'Escape') {
                e.preventDefault();
                clearError();
                setEditing(false);
              }
            }}
          />
          <button type="submit" disabled={!name.trim()}>
            Save name
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              clearError();
              setEditing(false);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          <h1>{project.name}</h1>
          <div className="row">
            <label htmlFor="project-locale" className="muted small">
              Dates in this project
            </label>
            <LocaleSelect id="project-locale" value={project.locale} disabled={busy} onChange={(l) => void setLocale(project.id, l)} />
            <button
              type="button"
              className="ghost"
              title={project.systemPrompt ?? 'No instructions yet'}
              aria-label={project.systemPrompt ? 'Instructions for the model (set)' : 'Instructions for the model (none yet)'}
              onClick={() => setPrompting(true)}
            >
              Instructions…
            </button>
            <button
              type="button"
              className="ghost"
              onClick={() => {
                setName(project.name);
                setEditing(true);
              }}
            >
              Rename
            </button>
            <button type="button" className="ghost danger-text" onClick={() => setDeleting(true)}>
              Delete…
            </button>
          </div>
        </>
      )}
      {deleting && <DeleteProjectDialog project={project} onClose={() => setDeleting(false)} />}
      {prompting && <SystemPromptDialog project={project} onClose={() => setPrompting(false)} />}
    </header>
  );
}
