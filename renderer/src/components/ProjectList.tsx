import { useAppStore } from '../stores/appStore.js';
import { useProjectsStore } from '../stores/projectsStore.js';
import { CreateProjectForm } from './CreateProjectForm.js';

export function ProjectList() {
  const projects = useProjectsStore((s) => s.projects);
  const loaded = useProjectsStore((s) => s.loaded);
  const selectedId = useProjectsStore((s) => s.selectedId);
  const select = useProjectsStore((s) => s.select);
  const setView = useAppStore((s) => s.setView);

  return (
    <nav className="sidebar" aria-label="Projects">
      <h2>Projects</h2>
      {loaded && projects.length === 0 && <p className="muted">No projects yet. Create your first one below.</p>}
      <ul className="project-list">
        {projects.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={p.id === selectedId ? 'project selected' : 'project'}
              aria-current={p.id === selectedId ? 'page' : undefined}
              onClick={() => {
                select(p.id);
                setView('projects');
              }}
            >
              <span className="project-name">{p.name}</span>
              <span className="project-meta">
                {p.domain}
                {p.isDemo ? ' · demo' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <CreateProjectForm />
    </nav>
  );
}
