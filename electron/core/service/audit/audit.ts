// The audit log's operations: verify the chain, export it for a compliance officer.
import Papa from 'papaparse';
import type { AuditExportFormat, AuditVerdict } from '../../../contract/auditRequests.js';
import { readWorkspaceKey } from '../../store/workspaceKey.js';
import type { Workspace } from '../../workspace.js';

export function verifyAudit(ws: Workspace): AuditVerdict {
  const key = readWorkspaceKey(ws.dir);
  return { ...ws.audit.verify(key?.publicKey ?? null), signer: key?.fingerprint ?? null };
}

const COLUMNS = ['id', 'at', 'actor', 'action', 'subject', 'hashBefore', 'hashAfter', 'details'] as const;

export function exportAudit(ws: Workspace, format: AuditExportFormat): { format: AuditExportFormat; rows: number; content: string } {
  const entries = ws.audit.all();
  if (format === 'json') return { format, rows: entries.length, content: `${JSON.stringify(entries, null, 2)}\n` };
  const rows = entries.map((e) => COLUMNS.map((c) => (c === 'details' ? (e.details ? JSON.stringify(e.details) : '') : String(e[c] ?? ''))));
  // escapeFormulae: a subject or detail starting with '=' must not run as a formula in the officer's spreadsheet
  const content = Papa.unparse({ fields: [...COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: true });
  return { format, rows: entries.length, content: `${content}\r\n` };
}
