// `fieldtune audit verify|export`: check the workspace's signed audit chain, or hand the log to a compliance officer.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuditExportFormat } from '../../contract/auditRequests.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { CliCommand } from '../command.js';
import { withCore, workspaceOption } from '../coreSession.js';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'Check that no row of the audit log was edited, deleted or reordered (exit 0 intact, 1 not)',
  usage: [
    'Usage: fieldtune audit verify --workspace DIR [--json]',
    '',
    "Each row's hash covers the row and the row before it; the last one is signed with the workspace's key.",
    'Exit 0 when the chain is intact, 1 when it is not (the first bad row is named).',
  ].join('\n'),
  options: workspaceOption,
  async run(args, out) {
    const verdict = await withCore(args, (core) => core.call('audit:verify', {}));
    const signer = verdict.signer ? `\nsigned by key ${verdict.signer.slice(0, 16)}…` : '';
    out.result(verdict, `${verdict.ok ? 'Intact' : 'NOT INTACT'}: ${verdict.reason}${signer}`);
    return verdict.ok ? 0 : 1;
  },
};

export const auditExportCommand: CliCommand = {
  name: 'audit export',
  summary: 'Write the whole audit log, oldest first, as CSV or JSON',
  usage: 'Usage: fieldtune audit export --workspace DIR --format csv|json --out FILE [--json]',
  options: { ...workspaceOption, format: { type: 'string' }, out: { type: 'string' } },
  async run(args, out) {
    const file = args.values['out'];
    if (typeof file !== 'string' || !file) throw new FieldtuneError('BAD_REQUEST', 'Missing --out FILE');
    const format = AuditExportFormat.safeParse(args.values['format']);
    if (!format.success) throw new FieldtuneError('BAD_REQUEST', '--format must be csv or json');
    const result = await withCore(args, (core) => core.call('audit:export', { format: format.data }));
    const target = resolve(file);
    // written whole or not at all: a half-written log handed to an officer would look like a tampered one
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, result.content, { flush: true });
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw new FieldtuneError('INVALID_INPUT', `Cannot write ${target}: ${(error as Error).message}`);
    }
    out.result({ file: target, format: result.format, rows: result.rows }, `Wrote ${result.rows} audit row(s) to ${target}`);
    return 0;
  },
};
