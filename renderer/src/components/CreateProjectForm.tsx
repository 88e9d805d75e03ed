import { useState, type FormEvent } from 'react';
import type { DomainTemplate } from '../../../electron/contract/domain.js';
import { useProjectsStore } from '../stores/projectsStore.js';
import { TemplateHint } from '../wizards/privacy/TemplateHint.js';
import { browserLocale, LocaleSelect } from './LocaleSelect.js';
import { SystemPromptField } from './SystemPromptField.js';

const DOMAINS: Array<{ value: DomainTemplate; label: string }> = [
  { value: 'general', label: 'General' },
  { value: 'medical', label: 'Medical' },
  { value: 'legal', label: 'Legal' },
  { value: 'finance', label: 'Finance' },
  { value: 'education', label: 'Education' },
];

export function CreateProjectForm() {
  const create = useProjectsStore((s) => s.create);
  const busy = useProjectsStore((s) => s.busy);
  const [name, setName] = useState('');
  const [domain, setDomain] = useState<DomainTemplate>('general');
  const [locale, setLocale] = useState(browserLocale);
  const [systemPrompt, setSystemPrompt] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    if (await create(name.trim(), domain, locale, systemPrompt)) {
      setName('');
      setSystemPrompt('');
    }
  }

  return (
    <form className="create-project" aria-label="Create a project" onSubmit={(e) => void submit(e)}>
      <label htmlFor="new-project-name">New project</label>
      <input id="new-project-name" value={name} placeholder="e.g. Discharge letters" maxLength={120} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="new-project-domain">Field</label>
      <select id="new-project-domain" value={domain} onChange={(e) => setDomain(e.target.value as DomainTemplate)}>
        {DOMAINS.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </select>
      <label htmlFor="new-project-locale">Dates</label>
      <LocaleSelect id="new-project-locale" value={locale} onChange={setLocale} />
      <TemplateHint domain={domain} />
      <details className="create-project-prompt">
        <summary>Instructions for the model (optional)</summary>
        <SystemPromptField id="new-project-system-prompt" value={systemPrompt} onChange={setSystemPrompt} domain={domain} />
      </details>
      <button type="submit" disabled={busy || !name.trim()}>
        Create project
      </button>
    </form>
  );
}
