// Handlers for the 'audit:*' requests; inputs arrive validated.
import type { ParsedInput, RequestOutput, Requests } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { exportAudit, verifyAudit } from './audit.js';

type AuditMethod = Extract<keyof Requests, `audit:${string}`>;
type AuditHandlers = { [M in AuditMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const auditHandlers: AuditHandlers = {
  'audit:list': ({ limit, action, subject, since }, { ws }) => ws.audit.list({ limit, action, subject, since }),
  'audit:verify': (_input, { ws }) => verifyAudit(ws),
  'audit:export': ({ format }, { ws }) => exportAudit(ws, format),
};
