import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../electron/contract/domain.js';
import { useProjectsStore } from '../stores/projectsStore.js';

interface Props {
  project: Project;
  onClose(): void;
}

/** Deleting removes data for good, so the user types the project's name, as the core also requires. */
export function DeleteProjectDialog({ project, onClose }: Props) {
  const remove = useProjectsStore((s) => s.remove);
  const busy = useProjectsStore((s) => s.busy);
  const [typed, setTyped] = useState('');
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  async function confirm() {
    if (await remove(project.id, typed)) onClose();
  }

  return (
    <dialog ref={ref} aria-labelledby="delete-title" onClose={onClose}>
      <h2 id="delete-title">Delete “{project.name}”?</h2>
      <p>This removes the project, its datasets, adapters and reports from this workspace. Base models stay where they are.</p>
      <label htmlFor="delete-confirm">Type the project's name to confirm</label>
      <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
      <div className="row">
        <button type="button" className="ghost" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="danger" disabled={busy || typed !== project.name} onClick={() => void confirm()}>
          Delete project
        </button>
      </div>
    </dialog>
  );
}
