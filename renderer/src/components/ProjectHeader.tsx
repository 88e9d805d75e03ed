import { useState, type FormEvent } from 'react';
import type { Project } from '../../../electron/contract/domain.js';
import { useProjectsStore } from '../stores/projectsStore.js';
import { DeleteProjectDialog } from './DeleteProjectDialog.js';

export function ProjectHeader({ project }: { project: Project }) {
  const rename = useProjectsStore((s) => s.rename);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const [deleting, setDeleting] = useState(false);

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
          <input id="rename-input" value={name} maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            Save name
          </button>
          <button type="button" className="ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <h1>{project.name}</h1>
          <div className="row">
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
    </header>
  );
}
