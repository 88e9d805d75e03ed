// `fieldtune workspace encrypt|change-passphrase`: encryption at rest for a whole workspace (issue 16 item 5). Both
// work on a closed workspace (no app or command may have it open) and write an audit row afterwards, without any key.
import { FieldtuneError } from '../../contract/errors.js';
import { Core } from '../../core/core.js';
import { changePassphrase, encryptWorkspace } from '../../core/store/workspaceEncryption.js';
import type { CliCommand } from '../command.js';
import { workspaceDirFrom, workspaceOption } from '../coreSession.js';
import { passphraseFrom } from '../passphrase.js';

const required = (value: string | undefined, where: string): string => {
  if (value === undefined) throw new FieldtuneError('BAD_REQUEST', `Missing the passphrase: give ${where}.`);
  return value;
};

async function audit(dir: string, passphrase: string, action: string, details: Record<string, string | number>): Promise<void> {
  const core = new Core({ workspaceDir: dir, mode: 'cli', passphrase });
  try {
    core.ws.audit.append({ actor: 'user', action, subject: 'workspace', details });
  } finally {
    await core.close();
  }
}

export const workspaceEncryptCommand: CliCommand = {
  name: 'workspace encrypt',
  summary: 'Encrypt a workspace with a passphrase (database and every file); a lost passphrase means lost data',
  usage: `Usage: fieldtune workspace encrypt --workspace DIR (--workspace-passphrase-file FILE | FIELDTUNE_PASSPHRASE=...) [--json]

Encrypts the workspace's database and every file it keeps (datasets, adapters, checkpoints, pseudonym maps, reports,
its signing key) so that they cannot be read without the passphrase. From now on every command needs the passphrase.
There is no way back in if it is lost: keep it somewhere safe. Close the app first. A command killed midway is
finished by the next command that opens the workspace with the same passphrase.`,
  options: workspaceOption,
  async run(args, out) {
    const dir = workspaceDirFrom(args);
    const passphrase = required(passphraseFrom(args), '--workspace-passphrase-file FILE or FIELDTUNE_PASSPHRASE');
    const { files } = encryptWorkspace(dir, passphrase);
    await audit(dir, passphrase, 'workspace.encrypt', { files });
    out.result(
      { workspace: dir, encrypted: true, files },
      `Encrypted ${dir} (the database and ${files} files). Keep the passphrase safe: without it the data cannot be read.`,
    );
    return 0;
  },
};

export const workspaceChangePassphraseCommand: CliCommand = {
  name: 'workspace change-passphrase',
  summary: 'Change the passphrase of an encrypted workspace',
  usage: `Usage: fieldtune workspace change-passphrase --workspace DIR (--workspace-passphrase-file OLD | FIELDTUNE_PASSPHRASE)
                                     (--new-passphrase-file NEW | FIELDTUNE_NEW_PASSPHRASE) [--json]

The old passphrase stops working at once; the data itself is not rewritten (it is encrypted with a key that the
passphrase unlocks).`,
  options: { ...workspaceOption, 'new-passphrase-file': { type: 'string' } },
  async run(args, out) {
    const dir = workspaceDirFrom(args);
    const oldPassphrase = required(passphraseFrom(args), '--workspace-passphrase-file FILE or FIELDTUNE_PASSPHRASE (the current one)');
    const newPassphrase = required(
      passphraseFrom(args, 'new-passphrase-file', 'FIELDTUNE_NEW_PASSPHRASE'),
      '--new-passphrase-file FILE or FIELDTUNE_NEW_PASSPHRASE',
    );
    changePassphrase(dir, oldPassphrase, newPassphrase);
    await audit(dir, newPassphrase, 'workspace.change-passphrase', {});
    out.result({ workspace: dir, changed: true }, 'The passphrase is changed; the old one no longer opens this workspace.');
    return 0;
  },
};
