import { useEffect } from 'react';
import type { DomainTemplate } from '../../../electron/contract/domain.js';
import { usePrivacyStore } from '../stores/privacyStore.js';
import './systemPrompt.css';

/**
 * The project's system prompt as a text area, with the field's suggested one a click away (from its template).
 * Used by the new-project form and the project's settings, so both say the same thing the same way.
 */
export function SystemPromptField({ id, value, onChange, domain }: { id: string; value: string; onChange(v: string): void; domain: DomainTemplate }) {
  const template = usePrivacyStore((s) => (domain === 'general' ? undefined : s.templates[domain]));
  const fetchTemplate = usePrivacyStore((s) => s.fetchTemplate);
  useEffect(() => {
    void fetchTemplate(domain);
  }, [fetchTemplate, domain]);
  return (
    <div className="field system-prompt-field">
      <label htmlFor={id}>Instructions for the model (system prompt, optional)</label>
      <p className="muted small" id={`${id}-help`}>
        Given to the model before every conversation: who it is and how it should answer. Used when comparing with plain prompting, in the Playground and in
        exports.
      </p>
      <textarea id={id} rows={3} maxLength={8000} value={value} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.value)} />
      {template && template.systemPrompt !== value && (
        <button type="button" className="ghost small" onClick={() => onChange(template.systemPrompt)}>
          Use the suggested instructions for {template.title.toLowerCase()}
        </button>
      )}
    </div>
  );
}
