import { create } from 'zustand';
import type { AuditEntry } from '../../../electron/contract/domain.js';
import type { NetworkStatus } from '../../../electron/contract/networkRequests.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';

interface NetworkState {
  status: NetworkStatus | null;
  /** Blocked attempts, newest first (audit rows 'network.blocked'). */
  entries: AuditEntry[];
  error: string | null;
  load(): Promise<void>;
  /** Reports what the page's Content-Security-Policy refused; returns the function that stops listening. */
  watchPage(): () => void;
}

export const useNetworkStore = create<NetworkState>((set, get) => ({
  status: null,
  entries: [],
  error: null,
  async load() {
    try {
      const [status, entries] = await Promise.all([api.call('network:status', {}), api.call('audit:list', { limit: 500, action: 'network.blocked' })]);
      set({ status, entries, error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  watchPage() {
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      // 'inline' and 'eval' are not network requests; only a refused address is worth a row
      if (!/^[a-z]+:/i.test(event.blockedURI)) return;
      void api
        .call('network:report', { url: event.blockedURI, source: 'page' })
        .then(() => get().load())
        .catch(() => undefined);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  },
}));
