// The address reflects where a person is (view, project, step, Data tab), so a reload returns there and Back goes to
// the previous place instead of leaving the app. Hash addresses work in browser mode and in the desktop window alike
// (the server and the file protocol never see the part after '#').
import { useAppStore } from './appStore.js';
import { useDatasetsStore, type DataTab } from './datasetsStore.js';
import { useProjectsStore } from './projectsStore.js';
import { useWizardStore, WIZARD_STEPS, type WizardStep } from './wizardStore.js';

const DATA_TABS: readonly DataTab[] = ['import', 'examples', 'clean', 'split', 'tokens', 'suggestions', 'fit', 'generate'];

export type Route =
  | { view: 'models' }
  | { view: 'audit' }
  | { view: 'network' }
  | { view: 'workspace' }
  | { view: 'projects'; projectId: null }
  | { view: 'projects'; projectId: string; step: WizardStep; tab: DataTab | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'models') return { view: 'models' };
  if (parts[0] === 'audit') return { view: 'audit' };
  if (parts[0] === 'network') return { view: 'network' };
  if (parts[0] === 'workspace') return { view: 'workspace' };
  if (parts[0] !== 'projects' || !parts[1]) return { view: 'projects', projectId: null };
  const step = WIZARD_STEPS.includes(parts[2] as WizardStep) ? (parts[2] as WizardStep) : 'data';
  const tab = step === 'data' && DATA_TABS.includes(parts[3] as DataTab) ? (parts[3] as DataTab) : null;
  return { view: 'projects', projectId: parts[1], step, tab };
}

export function formatRoute(route: Route): string {
  if (route.view === 'models') return '#/models';
  if (route.view === 'audit') return '#/audit';
  if (route.view === 'network') return '#/network';
  if (route.view === 'workspace') return '#/workspace';
  if (!route.projectId) return '#/projects';
  const base = `#/projects/${encodeURIComponent(route.projectId)}/${route.step}`;
  return route.tab ? `${base}/${route.tab}` : base;
}

/** Where the stores say the person is now. */
export function currentRoute(): Route {
  const view = useAppStore.getState().view;
  if (view === 'models' || view === 'audit' || view === 'network' || view === 'workspace') return { view };
  const projectId = useProjectsStore.getState().selectedId;
  if (!projectId) return { view: 'projects', projectId: null };
  const step = useWizardStore.getState().stepByProject[projectId] ?? 'data';
  const data = useDatasetsStore.getState();
  // The Data tab belongs to the address only once the Data step shows this project.
  const tab = step === 'data' && data.projectId === projectId ? data.tab : null;
  return { view: 'projects', projectId, step, tab };
}

/** Moves the stores to a route; a project that no longer exists falls back to the project list. */
export async function applyRoute(route: Route): Promise<void> {
  if (route.view === 'models' || route.view === 'audit' || route.view === 'network' || route.view === 'workspace') {
    useAppStore.getState().setView(route.view);
    return;
  }
  useAppStore.getState().setView('projects');
  const known = route.projectId && useProjectsStore.getState().projects.some((p) => p.id === route.projectId);
  if (!route.projectId || !known) {
    useProjectsStore.getState().select(null);
    return;
  }
  useProjectsStore.getState().select(route.projectId);
  useWizardStore.getState().setStep(route.projectId, route.step);
  if (route.step === 'data') await useDatasetsStore.getState().open(route.projectId, { tab: route.tab ?? undefined });
}

/**
 * Starts following the address: applies it once the projects have loaded, then writes every move as a history entry
 * and applies Back and Forward. A tab that settles right after a project opens (its first load picks it) replaces
 * the entry instead of adding one, so Back does not stop on an in-between address.
 */
export function connectRouter(): () => void {
  let ready = false;
  let applying = false;
  let lastProjectChange = 0;
  const apply = async (hash: string) => {
    applying = true;
    try {
      await applyRoute(parseRoute(hash));
    } finally {
      applying = false;
      write();
    }
  };
  const write = () => {
    if (!ready || applying) return;
    const next = formatRoute(currentRoute());
    if (next === location.hash) return;
    const before = parseRoute(location.hash);
    const after = parseRoute(next);
    const sameProject = before.view === 'projects' && after.view === 'projects' && before.projectId === after.projectId;
    const settling = sameProject && before.view === 'projects' && before.projectId !== null && (before.tab === null || Date.now() - lastProjectChange < 1500);
    if (!sameProject) lastProjectChange = Date.now();
    if (settling) history.replaceState(null, '', next);
    else history.pushState(null, '', next);
  };
  const start = () => {
    if (ready || !useProjectsStore.getState().loaded) return;
    ready = true;
    // A bare address (first start) names no place: keep wherever the person already went while the list loaded.
    if (location.hash.replace(/^#\/?/, '')) void apply(location.hash);
    else write();
  };
  const unsubscribers = [useAppStore, useProjectsStore, useWizardStore, useDatasetsStore].map((store) =>
    (store.subscribe as (listener: () => void) => () => void)(() => {
      start();
      write();
    }),
  );
  const onPop = () => void apply(location.hash);
  window.addEventListener('popstate', onPop);
  start();
  return () => {
    unsubscribers.forEach((off) => off());
    window.removeEventListener('popstate', onPop);
  };
}
