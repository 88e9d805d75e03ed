// Encryption at rest for the open workspace (issue 16 item 5): unlock an encrypted workspace the app was started on,
// encrypt a plain one, change the passphrase. Passphrases cross the boundary only in these requests, never in events.
import { z } from 'zod';

/** At least 8 characters (core/store/workspaceEncryption.ts says the same); at most 1024, so a pasted book is refused. */
export const Passphrase = z.string().min(1).max(1024);

export const WorkspaceLockState = z.object({
  encrypted: z.boolean(),
  /** Encrypted and not yet opened with its passphrase: every other request is refused until it is. */
  locked: z.boolean(),
});
export type WorkspaceLockState = z.infer<typeof WorkspaceLockState>;

export const workspaceRequests = {
  'workspace:unlock': {
    // remember: the desktop app keeps the passphrase in the system keychain (main/keychain.ts); the core ignores it
    input: z.object({ passphrase: Passphrase, remember: z.boolean().optional() }).strict(),
    output: WorkspaceLockState,
  },
  'workspace:encrypt': { input: z.object({ passphrase: Passphrase }).strict(), output: WorkspaceLockState },
  'workspace:change-passphrase': { input: z.object({ passphrase: Passphrase, newPassphrase: Passphrase }).strict(), output: WorkspaceLockState },
} as const;
