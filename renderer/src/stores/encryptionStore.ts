// Encryption at rest of the open workspace (issue 16 item 5): the passphrase screen and the Workspace page's settings.
// Passphrases live only in the components' fields until sent; the store keeps none.
import { create } from 'zustand';
import { api } from '../transport/api.js';
import { useAppStore } from './appStore.js';
import { errorText } from './errorWords.js';
import { loadAll } from './events.js';
import { useNetworkStore } from './networkStore.js';
import { useProjectsStore } from './projectsStore.js';

interface EncryptionState {
  busy: boolean;
  error: string | null;
  notice: string | null;
  /** remember: desktop only, the passphrase goes to the system keychain (main/keychain.ts). */
  unlock(passphrase: string, remember?: boolean): Promise<boolean>;
  encrypt(passphrase: string): Promise<boolean>;
  changePassphrase(passphrase: string, newPassphrase: string): Promise<boolean>;
  clear(): void;
}

export const useEncryptionStore = create<EncryptionState>((set) => {
  const run = async (work: () => Promise<unknown>, notice: string | null): Promise<boolean> => {
    set({ busy: true, error: null, notice: null });
    try {
      await work();
      set({ busy: false, notice });
      return true;
    } catch (error) {
      set({ busy: false, error: errorText(error) });
      return false;
    } finally {
      await useAppStore.getState().load();
    }
  };
  return {
    busy: false,
    error: null,
    notice: null,
    unlock: (passphrase, remember) =>
      run(async () => {
        await api.call('workspace:unlock', { passphrase, ...(remember !== undefined ? { remember } : {}) });
        // what the locked workspace could not answer at start-up, and the refusals it gave then
        useProjectsStore.getState().clearError();
        useAppStore.getState().showError(null);
        await Promise.all([loadAll(), useNetworkStore.getState().load()]);
      }, null),
    encrypt: (passphrase) =>
      run(() => api.call('workspace:encrypt', { passphrase }), 'This workspace is now encrypted. Fieldtune will ask for the passphrase each time it opens it.'),
    changePassphrase: (passphrase, newPassphrase) =>
      run(
        () => api.call('workspace:change-passphrase', { passphrase, newPassphrase }),
        'The passphrase is changed. The old one no longer opens this workspace.',
      ),
    clear: () => set({ error: null, notice: null }),
  };
});
