// The project's candidate inbox as the Data step's "Suggestions" shows it: load, accept (with the answer as the
// specialist left it), reject, and add the accepted ones to a dataset as a new version.
import { create } from 'zustand';
import type { InboxItem } from '../../../electron/contract/inboxRequests.js';
import { api } from '../transport/api.js';
import { useDatasetsStore } from './datasetsStore.js';

interface InboxState {
  projectId: string | null;
  items: InboxItem[];
  loading: boolean;
  /** The item being decided, or 'commit'. */
  busy: string | null;
  error: string | null;
  notice: string | null;
  open(projectId: string): Promise<void>;
  reload(): Promise<void>;
  /** `answer` is the text in the box: sent as the correction only when the specialist changed it. */
  accept(id: string, answer: string, question?: string): Promise<boolean>;
  reject(id: string): Promise<boolean>;
  commit(datasetId: string): Promise<boolean>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useInboxStore = create<InboxState>((set, get) => {
  async function decide(id: string, work: () => Promise<InboxItem>): Promise<boolean> {
    set({ busy: id, error: null, notice: null });
    try {
      const updated = await work();
      set((s) => ({ items: s.items.map((i) => (i.id === id ? updated : i)) }));
      return true;
    } catch (e) {
      set({ error: message(e) });
      return false;
    } finally {
      set({ busy: null });
    }
  }

  return {
    projectId: null,
    items: [],
    loading: false,
    busy: null,
    error: null,
    notice: null,
    async open(projectId) {
      if (get().projectId !== projectId) set({ projectId, items: [], error: null, notice: null });
      await get().reload();
    },
    async reload() {
      const projectId = get().projectId;
      if (!projectId) return;
      set({ loading: true });
      try {
        const items = await api.call('inbox:list', { projectId });
        if (get().projectId === projectId) set({ items });
      } catch (e) {
        set({ error: message(e) });
      } finally {
        set({ loading: false });
      }
    },
    accept(id, answer, question) {
      const item = get().items.find((i) => i.id === id);
      const edited = answer.trim() && answer.trim() !== (item?.answer ?? '').trim();
      // a rewritten question is sent only for a generated suggestion whose question the specialist changed
      const asked = item?.prompt.at(-1)?.content.trim() ?? '';
      const rewritten = question !== undefined && question.trim() && question.trim() !== asked;
      return decide(id, () =>
        api.call('inbox:decide', { id, decision: 'accepted', ...(edited ? { correction: answer } : {}), ...(rewritten ? { question } : {}) }),
      );
    },
    reject(id) {
      return decide(id, () => api.call('inbox:decide', { id, decision: 'rejected' }));
    },
    async commit(datasetId) {
      const projectId = get().projectId;
      if (!projectId) return false;
      set({ busy: 'commit', error: null, notice: null });
      try {
        const acceptedIds = new Set(
          get()
            .items.filter((i) => i.status === 'accepted')
            .map((i) => i.id),
        );
        const version = await api.call('inbox:commit', { projectId, datasetId });
        const added = Number(version.details['added'] ?? 0);
        const dataset = useDatasetsStore.getState().datasets.find((d) => d.id === datasetId);
        const number = (dataset?.versions.length ?? 0) + 1;
        const existing = dataset?.versions.some((v) => v.id === version.id) ?? false;
        await Promise.all([get().reload(), useDatasetsStore.getState().reload(version.id)]);
        // The core rejects a generated suggestion that copies a test example instead of adding it: say so here.
        const leaked = get().items.filter((i) => acceptedIds.has(i.id) && i.status === 'rejected').length;
        const leakNote =
          leaked > 0 ? ` ${leaked} left out because ${leaked === 1 ? 'it copied' : 'they copied'} a test example (listed under "Decided earlier").` : '';
        set({
          notice:
            existing && leaked === acceptedIds.size
              ? `Nothing was added:${leakNote}`
              : existing
                ? `Those suggestions are already in ${dataset?.name ?? 'the dataset'}; no new version was needed.${leakNote}`
                : `Added ${added} suggestion${added === 1 ? '' : 's'} to ${dataset?.name ?? 'the dataset'}: version ${number} now has ${version.examples} examples` +
                  (Number(version.details['synthetic'] ?? 0) > 0
                    ? `, ${String(version.details['synthetic'])} of the new ones synthetic (written by a model).`
                    : '.') +
                  leakNote,
        });
        return true;
      } catch (e) {
        set({ error: message(e) });
        return false;
      } finally {
        set({ busy: null });
      }
    },
  };
});
