import { useEffect } from 'react';
import type { Project } from '../../../../electron/contract/domain.js';
import { useDatasetsStore, type DataTab } from '../../stores/datasetsStore.js';
import { CleanPanel } from './CleanPanel.js';
import { ExampleTable } from './ExampleTable.js';
import { ExportForm } from './ExportForm.js';
import { LineageDialog } from './LineageDialog.js';
import { ImportPanel } from './ImportPanel.js';
import { SplitPanel } from './SplitPanel.js';
import { TokenPanel } from './TokenPanel.js';
import { VersionList } from './VersionList.js';
import { SuggestionsPanel } from './SuggestionsPanel.js';
import { FitCheck } from './FitCheck.js';
import { GeneratePanel } from './GeneratePanel.js';
import { PrivacySection } from '../privacy/PrivacySection.js';
import { Messages } from '../../components/Messages.js';

const TASKS: ReadonlyArray<{ id: DataTab; title: string; needsData: boolean }> = [
  { id: 'import', title: 'Import', needsData: false },
  { id: 'examples', title: 'Versions and examples', needsData: true },
  { id: 'clean', title: 'Clean', needsData: true },
  { id: 'split', title: 'Split', needsData: true },
  { id: 'tokens', title: 'Example lengths', needsData: true },
  { id: 'suggestions', title: 'Suggestions', needsData: false },
  { id: 'generate', title: 'More examples', needsData: false },
  { id: 'fit', title: 'Is fine-tuning right?', needsData: false },
];

/** The Data step: import, look through, clean, split and measure a project's training data. */
export function DataStep({ project }: { project: Project }) {
  const open = useDatasetsStore((s) => s.open);
  const tab = useDatasetsStore((s) => s.tab);
  const setTab = useDatasetsStore((s) => s.setTab);
  const hasData = useDatasetsStore((s) => s.datasets.length > 0);
  const error = useDatasetsStore((s) => s.error);
  const notice = useDatasetsStore((s) => s.notice);

  useEffect(() => {
    void open(project.id, { locale: project.locale });
  }, [open, project.id, project.locale]);

  return (
    <div className="data-step">
      <p>
        Bring in your examples (questions and the answers you want the model to give), then tidy them up. Every change makes a new
        <strong> version</strong>; earlier versions stay, so you can always see what a model was trained on.
      </p>
      <nav className="data-tasks" aria-label="Data tasks">
        {TASKS.map((t) => (
          <button
            key={t.id}
            type="button"
            className="ghost"
            aria-current={tab === t.id ? 'step' : undefined}
            disabled={t.needsData && !hasData}
            title={t.needsData && !hasData ? 'Import a dataset first' : undefined}
            onClick={() => setTab(t.id)}
          >
            {t.title}
          </button>
        ))}
      </nav>
      <Messages error={error} notice={notice} />
      {tab !== 'import' && tab !== 'suggestions' && tab !== 'fit' && hasData && <VersionList compact={tab !== 'examples'} />}
      <PrivacySection project={project} />
      {tab === 'import' && !hasData && (
        <p className="muted">
          Not sure fine-tuning is the right tool for this?{' '}
          <button type="button" className="ghost" onClick={() => setTab('fit')}>
            Take the one-minute check
          </button>
        </p>
      )}
      {tab === 'import' && <ImportPanel />}
      {tab === 'examples' && hasData && (
        <>
          <ExportForm />
          <ExampleTable />
          <LineageDialog />
        </>
      )}
      {tab === 'clean' && hasData && <CleanPanel />}
      {tab === 'split' && hasData && <SplitPanel />}
      {tab === 'tokens' && hasData && <TokenPanel />}
      {tab === 'suggestions' && <SuggestionsPanel projectId={project.id} />}
      {tab === 'generate' && <GeneratePanel projectId={project.id} />}
      {tab === 'fit' && <FitCheck project={project} />}
    </div>
  );
}
