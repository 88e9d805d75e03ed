// The audit log: what happened in the workspace, as a signed hash chain a security officer can check and export.
import { z } from 'zod';
import { AuditEntry } from './domain.js';

export const AuditVerdict = z.object({
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  /** The first row that fails, or null when the rows check and only the signed head does not (or all is well). */
  firstBadRow: z.number().int().nullable(),
  reason: z.string(),
  /** sha256 of the workspace's public signing key, or null when the workspace has none. */
  signer: z.string().nullable(),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const AuditExportFormat = z.enum(['csv', 'json']);
export type AuditExportFormat = z.infer<typeof AuditExportFormat>;

export const auditRequests = {
  /** Newest first. action matches a prefix ('dataset.' finds every dataset action); since is an ISO time. */
  'audit:list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(1000).default(100),
        action: z.string().max(100).optional(),
        subject: z.string().max(200).optional(),
        since: z.iso.datetime().optional(),
      })
      .strict(),
    output: z.array(AuditEntry),
  },
  /** Checks every row's link and the signed head; never changes anything. */
  'audit:verify': { input: z.object({}).strict(), output: AuditVerdict },
  /** The whole log, oldest first, as the text of a CSV or JSON file (the host saves it where the person chose). */
  'audit:export': {
    input: z.object({ format: AuditExportFormat }).strict(),
    output: z.object({ format: AuditExportFormat, rows: z.number().int().nonnegative(), content: z.string() }),
  },
} as const;
