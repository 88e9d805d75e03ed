import { useEffect } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { usePrivacyStore } from '../../stores/privacyStore.js';
import { TYPE_LABEL } from './labels.js';
import { JobProgress } from '../../components/JobProgress.js';

/** A medical/legal/finance/education project's starting point: what is protected, a system prompt, sample data. */
export function TemplateOffer({ project }: { project: Project }) {
  const template = usePrivacyStore((s) => s.templates[project.domain]);
  const fetchTemplate = usePrivacyStore((s) => s.fetchTemplate);
  const importSample = usePrivacyStore((s) => s.importSample);
  const sampleJobId = usePrivacyStore((s) => s.sampleJobId);
  const error = usePrivacyStore((s) => s.error);
  const notice = usePrivacyStore((s) => s.notice);

  useEffect(() => {
    void fetchTemplate(project.domain);
  }, [fetchTemplate, project.domain]);

  if (!template) return null;
  return (
    <section className="data-section template-offer" aria-labelledby="template-offer-title">
      <h3 id="template-offer-title">Starting point: {template.title}</h3>
      <p>{template.description}</p>
      <p>
        <strong>Personal data it removes before training:</strong> {template.identifierTypes.map((t) => TYPE_LABEL[t]).join(', ')}.
      </p>
      <details>
        <summary>Suggested system prompt</summary>
        <blockquote>{template.systemPrompt}</blockquote>
      </details>
      {error && (
        <p className="danger-text" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {sampleJobId ? (
        <JobProgress jobId={sampleJobId} label="Sample import progress" cancelLabel="Cancel" />
      ) : (
        <button type="button" className="ghost" onClick={() => void importSample(project.id, project.domain)}>
          Import its {template.samples.length} sample conversations
        </button>
      )}
    </section>
  );
}
