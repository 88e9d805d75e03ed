import { create } from 'zustand';
import type { AppInfo } from '../../../electron/contract/domain.js';
import { api } from '../transport/api.js';

export type Theme = 'light' | 'dark';
export type View = 'projects' | 'models' | 'audit' | 'network' | 'workspace';
const THEME_KEY = 'fieldtune.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface AppState {
  info: AppInfo | null;
  connected: boolean;
  theme: Theme;
  view: View;
  error: string | null;
  load(): Promise<void>;
  setTheme(theme: Theme): void;
  setView(view: View): void;
  setConnected(connected: boolean): void;
  showError(message: string | null): void;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  connected: true,
  theme: initialTheme(),
  view: 'projects',
  error: null,
  async load() {
    try {
      set({ info: await api.call('app:info', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  setTheme(theme) {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setView(view) {
    set({ view });
  },
  setConnected(connected) {
    set({ connected });
  },
  showError(message) {
    set({ error: message });
  },
}));
