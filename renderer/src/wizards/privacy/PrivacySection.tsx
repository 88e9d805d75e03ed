import { useEffect, useState } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { PII_TYPE_NAMES } from '../../../../electron/contract/pii.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { usePrivacyStore } from '../../stores/privacyStore.js';
import { ApplyPanel } from './ApplyPanel.js';
import { TYPE_LABEL } from './labels.js';
import { MapPanel } from './MapPanel.js';
import { JobProgress } from '../../components/JobProgress.js';
import { ReportView } from './ReportView.js';
import { ReviewPanel } from './ReviewPanel.js';
import { TemplateOffer } from './TemplateOffer.js';
import { Messages } from '../../components/Messages.js';

/** The Data step's privacy section (mounted once in DataStep): template offer on Import, personal data elsewhere. */
export function PrivacySection({ project }: { project: Project }) {
  const tab = useDatasetsStore((s) => s.tab);
  const versionId = useDatasetsStore((s) => s.versionId);
  const sync = usePrivacyStore((s) => s.sync);
  const status = usePrivacyStore((s) => s.status);
  const report = usePrivacyStore((s) => s.report);
  const scan = usePrivacyStore((s) => s.scan);
  const scanJobId = usePrivacyStore((s) => s.scanJobId);
  const error = usePrivacyStore((s) => s.error);
  const notice = usePrivacyStore((s) => s.notice);
  const defaultPolicyFor = usePrivacyStore((s) => s.defaultPolicyFor);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void sync(versionId);
  }, [sync, versionId]);
  useEffect(() => {
    void defaultPolicyFor(project.domain); // the template's identifier types become the default policy
  }, [defaultPolicyFor, project.domain]);

  if (tab === 'import') return <TemplateOffer project={project} />;
  if (!versionId) return null;
  const found = status?.scan ? PII_TYPE_NAMES.reduce((n, t) => n + (status.current?.[t] ?? 0), 0) : null;
  const surrogates = status?.scan?.surrogates ?? 0;
  const summary = report
    ? report.versionId === versionId
      ? `This version was redacted (${report.report.totalRedacted} replaced).`
      : `Made from a redacted version (${report.report.totalRedacted} replaced there)${found ? `; ${found} new to review` : ''}.`
    : scanJobId
      ? 'Checking for personal data…'
      : !status
        ? ''
        : found === null
          ? 'Not checked yet.'
          : `${found} to replace in ${status?.scan?.examplesWithSpans ?? 0} examples.`;

  return (
    <section className="data-section privacy" aria-labelledby="privacy-title">
      <div className="row">
        <h3 id="privacy-title">Personal data</h3>
        <span className="muted">{summary}</span>
        <span className="spacer" />
        <button type="button" className="ghost" aria-expanded={open} aria-controls="privacy-body" onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Protect personal data'}
        </button>
      </div>
      {open && (
        <div id="privacy-body">
          <p>
            Before training, remove what could identify a patient, client or student: the model can repeat what it was trained on. Fieldtune looks for{' '}
            {PII_TYPE_NAMES.slice(0, 8)
              .map((t) => TYPE_LABEL[t].toLowerCase())
              .join(', ')}
            , record, account and case numbers and every other kind of detail that US health-privacy rules count as identifying (the 18 identifiers of HIPAA’s
            “Safe Harbor” method), on this computer only. It leaves drug doses, lab values, codes, statute citations, times and years alone. You review every
            finding before anything changes.
          </p>
          <Messages error={error} notice={notice} />
          {report && <ReportView stored={report} locale={project.locale} inherited={report.versionId !== versionId} />}
          {surrogates > 0 && <p className="muted">{surrogates} pseudonym(s) Fieldtune wrote earlier were recognised and are not listed as findings.</p>}
          {scanJobId ? (
            <JobProgress jobId={scanJobId} label="Personal data check progress" cancelLabel="Cancel the check" />
          ) : (
            <button type="button" className={status?.scan ? 'ghost' : undefined} onClick={() => void scan()}>
              {status?.scan ? 'Check this version again' : 'Check this version for personal data'}
            </button>
          )}
          {status?.scan && (
            <>
              <ReviewPanel />
              <ApplyPanel />
            </>
          )}
          <MapPanel />
        </div>
      )}
    </section>
  );
}
