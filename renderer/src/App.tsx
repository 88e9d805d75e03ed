import { useEffect } from 'react';
import { FileChooser } from './components/FileChooser.js';
import { JobsPanel } from './components/JobsPanel.js';
import { AuditPage } from './components/AuditPage.js';
import { ModelsPage } from './components/ModelsPage.js';
import { NetworkLogPage } from './components/NetworkLogPage.js';
import { ProjectHeader } from './components/ProjectHeader.js';
import { ProjectList } from './components/ProjectList.js';
import { ThemeToggle } from './components/ThemeToggle.js';
import { UnlockScreen } from './components/UnlockScreen.js';
import { WorkspacePage } from './components/WorkspacePage.js';
import { useAppStore } from './stores/appStore.js';
import { connectEvents, loadAll } from './stores/events.js';
import { useNetworkStore } from './stores/networkStore.js';
import { useProjectsStore } from './stores/projectsStore.js';
import { connectRouter } from './stores/router.js';
import { WizardFrame } from './wizards/WizardFrame.js';

export function App() {
  const theme = useAppStore((s) => s.theme);
  const info = useAppStore((s) => s.info);
  const connected = useAppStore((s) => s.connected);
  const appError = useAppStore((s) => s.error);
  const projectError = useProjectsStore((s) => s.error);
  const clearProjectError = useProjectsStore((s) => s.clearError);
  const showAppError = useAppStore((s) => s.showError);
  // Both messages can be up at once; Dismiss clears whichever is shown (the app's first, then the project's).
  const dismissError = () => (appError ? showAppError(null) : clearProjectError());
  const selected = useProjectsStore((s) => s.projects.find((p) => p.id === s.selectedId));
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const network = useNetworkStore((s) => s.status);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  useEffect(() => {
    const off = connectEvents();
    const offRouter = connectRouter();
    const offNetwork = useNetworkStore.getState().watchPage();
    void loadAll();
    void useNetworkStore.getState().load();
    return () => {
      off();
      offRouter();
      offNetwork();
    };
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Fieldtune</span>
        {info?.mode === 'browser' && (
          <span className="badge" title={info.modeReason ?? undefined}>
            Browser mode
          </span>
        )}
        {!info?.locked && (
          <>
            <nav className="topnav" aria-label="Sections">
              <button type="button" className="ghost" aria-current={view === 'projects' ? 'page' : undefined} onClick={() => setView('projects')}>
                Projects
              </button>
              <button type="button" className="ghost" aria-current={view === 'models' ? 'page' : undefined} onClick={() => setView('models')}>
                Models
              </button>
              <button type="button" className="ghost" aria-current={view === 'audit' ? 'page' : undefined} onClick={() => setView('audit')}>
                Audit log
              </button>
              <button type="button" className="ghost" aria-current={view === 'workspace' ? 'page' : undefined} onClick={() => setView('workspace')}>
                Workspace
              </button>
            </nav>
            <span className="spacer" />
            <button
              type="button"
              className="ghost"
              aria-current={view === 'network' ? 'page' : undefined}
              title="Fieldtune works offline; this lists anything it stopped from reaching the network"
              onClick={() => setView('network')}
            >
              {network === null ? 'Offline' : network.blocked === 0 ? 'Offline · nothing blocked' : `Offline · ${network.blocked} blocked`}
            </button>
          </>
        )}
        <ThemeToggle />
      </header>
      {!connected && (
        <div className="banner warning" role="alert">
          Lost the connection to Fieldtune. Trying to reconnect…
        </div>
      )}
      {info?.demoModelId && (
        <div className="banner" role="note">
          This workspace includes a <strong>demo model with random weights</strong>. It is there so you can try every step; its answers are gibberish by design.
          Add your own model to get real results.
        </div>
      )}
      {!info?.locked && (appError ?? projectError) && (
        <div className="banner error" role="alert">
          {appError ?? projectError}{' '}
          <button type="button" className="ghost" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {info?.locked ? (
        // an encrypted workspace shows nothing until its passphrase opens it
        <UnlockScreen workspace={info.workspace} desktop={info.mode === 'electron'} />
      ) : (
        <div className="layout">
          <ProjectList />
          <main className="content">
            {view === 'models' ? (
              <ModelsPage />
            ) : view === 'audit' ? (
              <AuditPage />
            ) : view === 'network' ? (
              <NetworkLogPage />
            ) : view === 'workspace' ? (
              <WorkspacePage />
            ) : selected ? (
              <>
                <ProjectHeader key={selected.id} project={selected} />
                <WizardFrame project={selected} />
              </>
            ) : (
              <div className="welcome">
                <h1>Welcome to Fieldtune</h1>
                <p>Turn a local AI model into a specialist for your field, on this computer. Your data never leaves it.</p>
                <p>Open a project on the left, or create a new one.</p>
              </div>
            )}
            <JobsPanel projectId={view === 'projects' && selected ? selected.id : null} />
          </main>
        </div>
      )}
      <FileChooser />
    </div>
  );
}
