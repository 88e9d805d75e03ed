import { create } from 'zustand';
import { ERASE_CONFIRM_WORD, type ErasureResult, type Lineage } from '../../../electron/contract/lineageRequests.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';
import { useDatasetsStore } from './datasetsStore.js';

/** What the lineage view is about: an example (a place in a version), or a file imported into a project. */
export type LineageTarget = { kind: 'example'; versionId: string; position: number } | { kind: 'file'; projectId: string; fileName: string };

interface LineageState {
  target: LineageTarget | null;
  lineage: Lineage | null;
  /** 'view': where the example is used; 'erase': the erasure form with its typed confirmation. */
  mode: 'view' | 'erase';
  loading: boolean;
  erasing: boolean;
  confirm: string;
  reason: string;
  result: ErasureResult | null;
  error: string | null;
  show(target: LineageTarget, mode?: 'view' | 'erase'): Promise<void>;
  setMode(mode: 'view' | 'erase'): void;
  setConfirm(confirm: string): void;
  setReason(reason: string): void;
  erase(): Promise<void>;
  close(): void;
}

const initial = { target: null, lineage: null, mode: 'view' as const, loading: false, erasing: false, confirm: '', reason: '', result: null, error: null };

/** True when the typed word confirms an erasure (the core checks it again). */
export const confirmed = (text: string): boolean => text.trim().toLowerCase() === ERASE_CONFIRM_WORD;

export const useLineageStore = create<LineageState>((set, get) => ({
  ...initial,
  async show(target, mode = 'view') {
    set({ ...initial, target, mode, loading: true });
    try {
      const lineage =
        target.kind === 'example'
          ? await api.call('lineage:example', { versionId: target.versionId, position: target.position })
          : await api.call('lineage:file', { projectId: target.projectId, fileName: target.fileName });
      if (get().target === target) set({ lineage, loading: false });
    } catch (error) {
      if (get().target === target) set({ error: errorText(error), loading: false });
    }
  },
  setMode: (mode) => set({ mode, error: null }),
  setConfirm: (confirm) => set({ confirm }),
  setReason: (reason) => set({ reason }),
  async erase() {
    const { target, confirm, reason } = get();
    // Only a single example is erased: a whole file's data is removed with Clean or by deleting the project.
    if (target?.kind !== 'example' || !confirmed(confirm)) return;
    set({ erasing: true, error: null });
    try {
      const result = await api.call('lineage:erase', {
        versionId: target.versionId,
        position: target.position,
        confirm,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      set({ result, erasing: false, confirm: '' });
      // The Data step shows the new newest version (of the dataset on screen when it got one).
      const shown = useDatasetsStore.getState();
      const next = result.newVersions.find((v) => shown.datasets.some((d) => d.id === v.datasetId))?.versionId;
      void shown.reload(next);
    } catch (error) {
      set({ error: errorText(error), erasing: false });
    }
  },
  close: () => set({ ...initial }),
}));
