// Blocked network attempts, written to the audit log (tamper-evident, and where a security officer already looks).
import type { NetworkSource, NetworkStatus } from '../../../contract/networkRequests.js';
import { networkGuarded } from '../../network/guard.js';
import type { Workspace } from '../../workspace.js';

export const BLOCKED_ACTION = 'network.blocked';

/** Where a request went, without its query or fragment: those may carry the very data that must not leave. */
function destination(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.slice(0, 200);
  } catch {
    return url.split(/[?#]/)[0]!.slice(0, 200);
  }
}

// one row per destination and source while the process lives: a page retrying in a loop must not flood the log
const seen = new WeakMap<Workspace, Set<string>>();

export function recordBlocked(ws: Workspace, url: string, source: NetworkSource): NetworkStatus {
  const subject = destination(url);
  const key = `${source} ${subject}`;
  const logged = seen.get(ws) ?? new Set<string>();
  seen.set(ws, logged);
  if (!logged.has(key)) {
    logged.add(key);
    ws.audit.append({ actor: 'fieldtune', action: BLOCKED_ACTION, subject, details: { source } });
  }
  return networkStatus(ws);
}

export function networkStatus(ws: Workspace): NetworkStatus {
  return { blocked: ws.audit.countAction(BLOCKED_ACTION), guarded: networkGuarded() };
}
