import { useEffect } from 'react';
import type { DomainTemplate } from '../../../../electron/contract/domain.js';
import { usePrivacyStore } from '../../stores/privacyStore.js';

/** One line under the project form's Field choice: what the domain's starting point brings. */
export function TemplateHint({ domain }: { domain: DomainTemplate }) {
  const template = usePrivacyStore((s) => (domain === 'general' ? undefined : s.templates[domain]));
  const fetchTemplate = usePrivacyStore((s) => s.fetchTemplate);
  useEffect(() => {
    void fetchTemplate(domain);
  }, [fetchTemplate, domain]);
  if (!template) return null;
  return (
    <p className="muted small template-hint">
      {template.title}: removes {template.identifierTypes.length} kinds of personal data before training, with a suggested system prompt and{' '}
      {template.samples.length} sample conversations, offered in the Data step.
    </p>
  );
}
