import { create } from 'zustand';
import type { DomainTemplate, Project } from '../../../electron/contract/domain.js';
import { api } from '../transport/api.js';

interface ProjectsState {
  projects: Project[];
  loaded: boolean;
  selectedId: string | null;
  busy: boolean;
  error: string | null;
  load(): Promise<void>;
  replace(projects: Project[]): void;
  select(id: string | null): void;
  create(name: string, domain: DomainTemplate, locale?: string, systemPrompt?: string): Promise<Project | null>;
  /** Empty text removes the system prompt. */
  setSystemPrompt(id: string, systemPrompt: string): Promise<boolean>;
  setLocale(id: string, locale: string): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  remove(id: string, confirmName: string): Promise<boolean>;
  clearError(): void;
}

export const useProjectsStore = create<ProjectsState>((set, get) => {
  /** Runs one mutation, keeping busy/error consistent; returns undefined when it failed. */
  async function mutate<T>(work: () => Promise<T>): Promise<T | undefined> {
    set({ busy: true, error: null });
    try {
      const result = await work();
      await get().load();
      return result;
    } catch (error) {
      set({ error: (error as Error).message });
      return undefined;
    } finally {
      set({ busy: false });
    }
  }

  return {
    projects: [],
    loaded: false,
    selectedId: null,
    busy: false,
    error: null,
    async load() {
      try {
        get().replace(await api.call('projects:list', {}));
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    replace(projects) {
      const selected = get().selectedId;
      set({ projects, loaded: true, selectedId: projects.some((p) => p.id === selected) ? selected : null });
    },
    select(id) {
      set({ selectedId: id });
    },
    async create(name, domain, locale, systemPrompt) {
      const project = await mutate(() =>
        api.call('projects:create', { name, domain, ...(locale ? { locale } : {}), ...(systemPrompt?.trim() ? { systemPrompt } : {}) }),
      );
      if (project) set({ selectedId: project.id });
      return project ?? null;
    },
    async setLocale(id, locale) {
      return (await mutate(() => api.call('projects:set-locale', { id, locale }))) !== undefined;
    },
    async setSystemPrompt(id, systemPrompt) {
      return (await mutate(() => api.call('projects:update', { id, systemPrompt }))) !== undefined;
    },
    async rename(id, name) {
      return (await mutate(() => api.call('projects:rename', { id, name }))) !== undefined;
    },
    async remove(id, confirmName) {
      return (await mutate(() => api.call('projects:delete', { id, confirmName }))) !== undefined;
    },
    clearError() {
      set({ error: null });
    },
  };
});
