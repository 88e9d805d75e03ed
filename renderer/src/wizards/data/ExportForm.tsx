import { useState, type FormEvent } from 'react';
import { useDatasetsStore } from '../../stores/datasetsStore.js';

/** Saves the selected version as a file: JSONL (for other tools) or CSV (opens in Excel; split labels included). */
export function ExportForm() {
  const busy = useDatasetsStore((s) => s.busy);
  const runExport = useDatasetsStore((s) => s.runExport);
  const [format, setFormat] = useState<'jsonl' | 'csv'>('csv');
  const [outFile, setOutFile] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (outFile.trim()) void runExport(format, outFile.trim());
  }
  return (
    <form className="row wrap" aria-label="Export this version" onSubmit={submit}>
      <label htmlFor="export-file">Save this version as</label>
      <input id="export-file" className="grow" value={outFile} placeholder="/home/me/Documents/examples.csv" onChange={(e) => setOutFile(e.target.value)} />
      <label htmlFor="export-format" className="visually-hidden">
        File format
      </label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as 'jsonl' | 'csv')}>
        <option value="csv">CSV (opens in Excel)</option>
        <option value="jsonl">JSONL (chat messages, for other tools)</option>
      </select>
      <button type="submit" className="ghost" disabled={!outFile.trim() || busy !== null}>
        Export
      </button>
    </form>
  );
}
