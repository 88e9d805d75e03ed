// The workspace's own Ed25519 signing key (store/workspaceKey.ts: made on first use, a 0600 file inside the workspace,
// never in the database) and the signers it knows: trusted, revoked, or seen once on an imported bundle.
import type { SigningKey } from '../../../contract/adapters.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { fingerprintOf, publicDerOf, showFingerprint } from '../../export/seal.js';
import type { SigningKeyRow } from '../../store/repositories/adapters.js';
import { loadOrCreateWorkspaceKey } from '../../store/workspaceKey.js';
import type { Workspace } from '../../workspace.js';
import { adaptersRepo } from './repo.js';

export function ownKey(ws: Workspace): { privatePem: string; publicDer: Buffer; fingerprint: string } {
  // one key per workspace: the same one signs the audit log's head (store/workspaceKey.ts)
  const privatePem = loadOrCreateWorkspaceKey(ws.dir).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicDer = publicDerOf(privatePem);
  const fingerprint = fingerprintOf(publicDer);
  const repo = adaptersRepo(ws);
  if (repo.key(fingerprint)?.status !== 'own') {
    repo.putKey(fingerprint, publicDer.toString('base64'), 'own', 'this workspace');
    ws.audit.append({ actor: 'user', action: 'keys.create', subject: fingerprint });
  }
  return { privatePem, publicDer, fingerprint };
}

export const toKey = (r: SigningKeyRow): SigningKey => ({
  fingerprint: r.fingerprint,
  shown: showFingerprint(r.fingerprint),
  label: r.label,
  status: r.status,
  addedAt: r.added_at,
});

export function listKeys(ws: Workspace): SigningKey[] {
  ownKey(ws);
  return adaptersRepo(ws).keys().map(toKey);
}

function findKey(ws: Workspace, ref: string): SigningKeyRow {
  const want = ref.replace(/\s+/g, '').toLowerCase();
  const matches = adaptersRepo(ws)
    .keys()
    .filter((k) => k.fingerprint.startsWith(want));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new FieldtuneError('CONFLICT', `More than one known key starts with ${ref}; give more of the fingerprint.`);
  throw new FieldtuneError('NOT_FOUND', `No known signing key has the fingerprint ${ref}. A signer becomes known when one of their bundles is imported.`, {
    details: { fingerprint: ref },
  });
}

function setStatus(ws: Workspace, ref: string, status: 'trusted' | 'revoked', label?: string): SigningKey {
  const key = findKey(ws, ref);
  if (key.status === 'own') throw new FieldtuneError('CONFLICT', 'This is the workspace’s own key; it is always trusted and cannot be revoked here.');
  ws.db.transaction(() => {
    adaptersRepo(ws).putKey(key.fingerprint, key.public_key, status, label ?? null);
    ws.audit.append({ actor: 'user', action: `keys.${status === 'trusted' ? 'trust' : 'revoke'}`, subject: key.fingerprint, details: { before: key.status } });
  })();
  return toKey(adaptersRepo(ws).key(key.fingerprint)!);
}

export const trustKey = (ws: Workspace, ref: string, label?: string): SigningKey => setStatus(ws, ref, 'trusted', label);
export const revokeKey = (ws: Workspace, ref: string): SigningKey => setStatus(ws, ref, 'revoked');
