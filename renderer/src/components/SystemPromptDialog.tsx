import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../electron/contract/domain.js';
import { useProjectsStore } from '../stores/projectsStore.js';
import { SystemPromptField } from './SystemPromptField.js';

/** Edits the project's system prompt; emptying the box removes it. */
export function SystemPromptDialog({ project, onClose }: { project: Project; onClose(): void }) {
  const setSystemPrompt = useProjectsStore((s) => s.setSystemPrompt);
  const busy = useProjectsStore((s) => s.busy);
  const [text, setText] = useState(project.systemPrompt ?? '');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  async function save() {
    if (await setSystemPrompt(project.id, text)) onClose();
  }

  return (
    <dialog ref={ref} className="system-prompt-dialog" aria-labelledby="system-prompt-title" onClose={onClose}>
      <h2 id="system-prompt-title">Instructions for the model</h2>
      <SystemPromptField id="project-system-prompt" value={text} onChange={setText} domain={project.domain} />
      <div className="row">
        <button type="button" className="ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" disabled={busy} onClick={() => void save()}>
          Save instructions
        </button>
      </div>
    </dialog>
  );
}
