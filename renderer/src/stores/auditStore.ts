import { create } from 'zustand';
import type { AuditVerdict, AuditExportFormat } from '../../../electron/contract/auditRequests.js';
import type { AuditEntry } from '../../../electron/contract/domain.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';

export interface AuditFilters {
  action: string;
  subject: string;
  /** yyyy-mm-dd from a date field, or '' */
  since: string;
}

interface AuditState {
  entries: AuditEntry[];
  filters: AuditFilters;
  verdict: AuditVerdict | null;
  checking: boolean;
  error: string | null;
  load(): Promise<void>;
  setFilters(filters: Partial<AuditFilters>): Promise<void>;
  verify(): Promise<void>;
  /** The whole log as a file's text, for the page to offer as a download. */
  exportText(format: AuditExportFormat): Promise<string | null>;
}

const PAGE = 500;

export const useAuditStore = create<AuditState>((set, get) => ({
  entries: [],
  filters: { action: '', subject: '', since: '' },
  verdict: null,
  checking: false,
  error: null,
  async load() {
    const { action, subject, since } = get().filters;
    try {
      const entries = await api.call('audit:list', {
        limit: PAGE,
        ...(action.trim() ? { action: action.trim() } : {}),
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(since ? { since: new Date(`${since}T00:00:00`).toISOString() } : {}),
      });
      set({ entries, error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  async setFilters(filters) {
    set({ filters: { ...get().filters, ...filters } });
    await get().load();
  },
  async verify() {
    set({ checking: true, error: null });
    try {
      set({ verdict: await api.call('audit:verify', {}) });
    } catch (error) {
      set({ error: errorText(error) });
    } finally {
      set({ checking: false });
    }
  },
  async exportText(format) {
    try {
      return (await api.call('audit:export', { format })).content;
    } catch (error) {
      set({ error: errorText(error) });
      return null;
    }
  },
}));
