import { useEffect, useState } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { templateKey, usePrivacyStore } from '../../stores/privacyStore.js';
import { TYPE_LABEL } from './labels.js';
import { JobProgress } from '../../components/JobProgress.js';
import { Messages } from '../../components/Messages.js';
import { useProjectsStore } from '../../stores/projectsStore.js';

/** A medical/legal/finance/education project's starting point: what is protected, a system prompt, sample data. */
export function TemplateOffer({ project }: { project: Project }) {
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const template = usePrivacyStore((s) => s.templates[templateKey(project.domain, variant)]);
  const fetchTemplate = usePrivacyStore((s) => s.fetchTemplate);
  const importSample = usePrivacyStore((s) => s.importSample);
  const sampleJobId = usePrivacyStore((s) => s.sampleJobId);
  const error = usePrivacyStore((s) => s.error);
  const notice = usePrivacyStore((s) => s.notice);
  const setSystemPrompt = useProjectsStore((s) => s.setSystemPrompt);

  useEffect(() => {
    void fetchTemplate(project.domain, variant);
  }, [fetchTemplate, project.domain, variant]);

  if (!template) return null;
  return (
    <section className="data-section template-offer" aria-labelledby="template-offer-title">
      <h3 id="template-offer-title">Starting point: {template.title}</h3>
      {template.variants.length > 1 && (
        <div className="field">
          <label htmlFor="template-variant">Kind of work</label>
          <select id="template-variant" value={template.variant} onChange={(e) => setVariant(e.target.value)}>
            {template.variants.map((v) => (
              <option key={v.variant} value={v.variant}>
                {v.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <p>{template.description}</p>
      <p>
        <strong>Personal data it removes before training:</strong> {template.identifierTypes.map((t) => TYPE_LABEL[t]).join(', ')}.
      </p>
      <details>
        <summary>Suggested system prompt</summary>
        <blockquote>{template.systemPrompt}</blockquote>
        {project.systemPrompt === template.systemPrompt ? (
          <p className="muted small">This project gives its model these instructions.</p>
        ) : (
          <button type="button" className="ghost" onClick={() => void setSystemPrompt(project.id, template.systemPrompt)}>
            Use as this project’s instructions
          </button>
        )}
      </details>
      <Messages error={error} notice={notice} />
      {sampleJobId ? (
        <JobProgress jobId={sampleJobId} label="Sample import progress" cancelLabel="Cancel" />
      ) : (
        <button type="button" className="ghost" onClick={() => void importSample(project.id, project.domain, template.variant)}>
          Import its {template.samples.length} sample conversations
        </button>
      )}
    </section>
  );
}
