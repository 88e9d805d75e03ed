import { useState } from 'react';
import { ReplaceFilePrompt } from '../../components/ReplaceFilePrompt.js';
import { SaveAsForm } from '../../components/SaveAsForm.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';

type Format = 'jsonl' | 'csv';
const FORMATS = [
  { value: 'csv', label: 'CSV (opens in Excel)' },
  { value: 'jsonl', label: 'JSONL (chat messages, for other tools)' },
] as const;

/** Saves the selected version as a file: JSONL (for other tools) or CSV (opens in Excel; split labels included). */
export function ExportForm() {
  const busy = useDatasetsStore((s) => s.busy);
  const runExport = useDatasetsStore((s) => s.runExport);
  const exists = useDatasetsStore((s) => s.exportExists);
  const cancelExport = useDatasetsStore((s) => s.cancelExport);
  const [last, setLast] = useState<{ format: Format; file: string } | null>(null);
  return (
    <>
      <SaveAsForm<Format>
        name="Export this version"
        fileLabel="Save this version as"
        formatLabel="File format"
        submitLabel="Export"
        placeholder="/home/me/Documents/examples.csv"
        idPrefix="export"
        formats={FORMATS}
        disabled={busy !== null}
        onSave={(format, file) => {
          setLast({ format, file });
          void runExport(format, file);
        }}
      />
      {exists && last && (
        <ReplaceFilePrompt file={exists} busy={busy !== null} onReplace={() => void runExport(last.format, last.file, true)} onKeep={cancelExport} />
      )}
    </>
  );
}
