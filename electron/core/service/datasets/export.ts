// Export of a stored version (JSONL or CSV). It walks the version in order without loading it whole; it writes to a temporary name and renames, so a cancelled export leaves no half file.
import { writeSync } from 'node:fs';
import Papa from 'papaparse';
import type { Sample } from '../../../contract/domain.js';
import type { SplitLabel } from '../../store/repositories/datasets.js';
import type { Workspace } from '../../workspace.js';
import { writeThroughTemp } from '../../disk/atomicWrite.js';
import { requireVersion, toMember, type Member } from './versions.js';
import { throwIfAborted } from '../../data/errors.js';
import { canonicalJson, isSample, type Example } from '../../data/example.js';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportOptions {
  format: ExportFormat;
  outFile: string;
  split?: SplitLabel;
  signal?: AbortSignal;
}

/** One conversation turn each for system/user/assistant when the sample is a single exchange; else the whole JSON. */
function singleTurn(s: Sample): { system: string; user: string; assistant: string } | null {
  const sys = s.messages.filter((m) => m.role === 'system');
  const rest = s.messages.filter((m) => m.role !== 'system');
  if (sys.length > 1 || rest.length !== 2 || rest[0]!.role !== 'user' || rest[1]!.role !== 'assistant') return null;
  return { system: sys[0]?.content ?? '', user: rest[0]!.content, assistant: rest[1]!.content };
}

export function exportVersion(ws: Workspace, versionId: string, options: ExportOptions): { file: string; examples: number; format: ExportFormat } {
  requireVersion(ws, versionId);
  const repo = ws.datasets;
  const keep = (m: Member) => !options.split || m.split === options.split;
  // CSV needs every metadata key as a column before the first row: one extra pass over the version.
  const metaKeys = new Set<string>();
  let kind: 'chat' | 'text' | null = null;
  let hasSplit = false;
  if (options.format === 'csv') {
    for (const row of repo.iterateMembers(versionId)) {
      const m = toMember(row);
      if (!keep(m)) continue;
      kind ??= isSample(m.example) ? 'chat' : 'text';
      if (m.split) hasSplit = true;
      if (isSample(m.example)) for (const k of Object.keys(m.example.metadata ?? {})) metaKeys.add(k);
    }
  }
  const keys = [...metaKeys].sort();
  let examples = 0;
  // escapeFormulae: a cell starting with = + - @ tab or CR gets a leading ' so a spreadsheet shows it as text instead
  // of running it (CSV injection: "=HYPERLINK(...)" in a user's answer would otherwise be live when opened).
  const csvLine = (cells: unknown[]) =>
    `${Papa.unparse([cells.map((c) => (c === null || c === undefined ? '' : String(c)))], { newline: '\r\n', escapeFormulae: true })}\r\n`;
  writeThroughTemp(
    options.outFile,
    (fd) => {
      let buffer: string[] = [];
      const flush = () => {
        if (buffer.length) writeSync(fd, buffer.join(''));
        buffer = [];
      };
      if (options.format === 'csv') {
        const header = kind === 'text' ? ['source', 'text'] : ['system', 'user', 'assistant', 'conversation', ...keys];
        buffer.push(`\uFEFF${csvLine(hasSplit ? ['split', ...header] : header)}`); // the BOM makes Excel read UTF-8
      }
      for (const row of repo.iterateMembers(versionId)) {
        const m = toMember(row);
        if (!keep(m)) continue;
        examples += 1;
        if (examples % 10_000 === 0) {
          throwIfAborted(options.signal);
          flush();
        }
        if (options.format === 'jsonl') {
          const e: Example = m.example;
          buffer.push(`${m.split && !options.split ? JSON.stringify({ ...JSON.parse(canonicalJson(e)), split: m.split }) : canonicalJson(e)}\n`);
          continue;
        }
        let cells: unknown[];
        const e = m.example;
        if (isSample(e)) {
          const t = singleTurn(e);
          cells = [t?.system ?? '', t?.user ?? '', t?.assistant ?? '', t ? '' : JSON.stringify(e.messages), ...keys.map((k) => e.metadata?.[k])];
        } else cells = [e.source ?? '', e.text];
        buffer.push(csvLine(hasSplit ? [m.split ?? '', ...cells] : cells));
      }
      flush();
    },
    { suffix: 'partial' },
  );
  return { file: options.outFile, examples, format: options.format };
}
