// The browser-mode file chooser: folders listed by the core (home folder and added places only). The desktop app
// uses the system's own dialog instead (api.pickPath).
import { create } from 'zustand';
import type { FolderListing } from '../../../electron/contract/fileRequests.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';

export type ChooseKind = 'file' | 'file-or-folder' | 'folder';

interface FilesState {
  /** What is being chosen, while the chooser is open. */
  choosing: { kind: ChooseKind; title: string; extensions: string[] | null } | null;
  listing: FolderListing | null;
  /** The entry clicked once (chosen with the main button, or by a double click). */
  selected: string | null;
  showHidden: boolean;
  error: string | null;
  open(options: { kind: ChooseKind; title: string; extensions?: string[] }, onChoose: (path: string) => void): Promise<void>;
  browse(path?: string): Promise<void>;
  select(path: string | null): void;
  setShowHidden(on: boolean): Promise<void>;
  addPlace(path: string): Promise<boolean>;
  removePlace(path: string): Promise<void>;
  choose(path: string): void;
  close(): void;
}

let onChosen: ((path: string) => void) | null = null;

export const useFilesStore = create<FilesState>((set, get) => ({
  choosing: null,
  listing: null,
  selected: null,
  showHidden: false,
  error: null,
  async open(options, onChoose) {
    onChosen = onChoose;
    set({ choosing: { kind: options.kind, title: options.title, extensions: options.extensions ?? null }, selected: null, error: null });
    // Reopen where the last choice was made: people pick several files from one folder.
    await get().browse(get().listing?.folder);
  },
  async browse(path) {
    try {
      const listing = await api.call('files:list', { ...(path ? { path } : {}), showHidden: get().showHidden });
      set({ listing, selected: null, error: null });
    } catch (e) {
      set({ error: errorText(e) });
      if (path && !get().listing) await get().browse(); // a folder that went away: start from home
    }
  },
  select: (selected) => set({ selected }),
  async setShowHidden(showHidden) {
    set({ showHidden });
    await get().browse(get().listing?.folder);
  },
  async addPlace(path) {
    try {
      await api.call('files:add-place', { path });
      await get().browse(path);
      return true;
    } catch (e) {
      set({ error: errorText(e) });
      return false;
    }
  },
  async removePlace(path) {
    try {
      await api.call('files:remove-place', { path });
      await get().browse();
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
  choose(path) {
    onChosen?.(path);
    get().close();
  },
  close() {
    onChosen = null;
    set({ choosing: null, selected: null, error: null });
  },
}));
