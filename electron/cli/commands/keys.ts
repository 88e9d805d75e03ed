// `fieldtune keys list|trust|revoke`: the signers this workspace knows (its own key, and keys seen on imported bundles).
import { FieldtuneError } from '../../contract/errors.js';
import type { CliCommand } from '../command.js';
import { withCore, workspaceOption } from '../coreSession.js';

export const keysListCommand: CliCommand = {
  name: 'keys list',
  summary: 'Signing keys: this workspace’s own, trusted, revoked, and seen on imported bundles',
  usage: 'Usage: fieldtune keys list --workspace DIR [--json]',
  options: workspaceOption,
  async run(args, out) {
    const keys = await withCore(args, (core) => core.call('keys:list'));
    out.result(keys, keys.map((k) => `${k.status.padEnd(8)} ${k.shown}${k.label ? `  ${k.label}` : ''}`).join('\n'));
    return 0;
  },
};

const fingerprintAt = (positionals: string[]): string => {
  const fp = positionals.join('');
  if (!fp) throw new FieldtuneError('BAD_REQUEST', 'Missing the key FINGERPRINT (see fieldtune keys list; its first 16 digits will do)');
  return fp;
};

export const keysTrustCommand: CliCommand = {
  name: 'keys trust',
  summary: 'Trust a signer whose bundle was imported (check the fingerprint with them first)',
  usage: 'Usage: fieldtune keys trust FINGERPRINT --workspace DIR [--label NAME] [--json]',
  options: { ...workspaceOption, label: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const label = args.values['label'];
    const key = await withCore(args, (core) =>
      core.call('keys:trust', { fingerprint: fingerprintAt(args.positionals), ...(typeof label === 'string' ? { label } : {}) }),
    );
    out.result(key, `Trusted ${key.shown}`);
    return 0;
  },
};

export const keysRevokeCommand: CliCommand = {
  name: 'keys revoke',
  summary: 'Revoke a signer: their bundles are refused from now on',
  usage: 'Usage: fieldtune keys revoke FINGERPRINT --workspace DIR [--json]',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const key = await withCore(args, (core) => core.call('keys:revoke', { fingerprint: fingerprintAt(args.positionals) }));
    out.result(key, `Revoked ${key.shown}`);
    return 0;
  },
};
