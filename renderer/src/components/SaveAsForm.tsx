// "Save ... as [path] [format] [button]": the dataset export and the report copy ask the same two things. The
// destination is typed (browser mode has no native file dialog); a file already there is handled by the caller with
// ReplaceFilePrompt.
import { useState, type FormEvent } from 'react';

export interface SaveFormat<F extends string> {
  value: F;
  label: string;
}

export interface SaveAsFormProps<F extends string> {
  /** The form's accessible name ("Export this version"). */
  name: string;
  /** The path field's label ("Save this version as"). */
  fileLabel: string;
  /** The format menu's label (read by screen readers only). */
  formatLabel: string;
  submitLabel: string;
  placeholder: string;
  formats: readonly SaveFormat<F>[];
  /** A prefix for the fields' ids, unique on the page. */
  idPrefix: string;
  disabled?: boolean;
  onSave: (format: F, file: string) => void;
}

export function SaveAsForm<F extends string>(p: SaveAsFormProps<F>) {
  const [format, setFormat] = useState<F>(p.formats[0]!.value);
  const [file, setFile] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file.trim()) p.onSave(format, file.trim());
  };
  return (
    <form className="row wrap" aria-label={p.name} onSubmit={submit}>
      <label htmlFor={`${p.idPrefix}-file`}>{p.fileLabel}</label>
      <input id={`${p.idPrefix}-file`} className="grow" value={file} placeholder={p.placeholder} onChange={(e) => setFile(e.target.value)} />
      <label htmlFor={`${p.idPrefix}-format`} className="visually-hidden">
        {p.formatLabel}
      </label>
      <select id={`${p.idPrefix}-format`} value={format} onChange={(e) => setFormat(e.target.value as F)}>
        {p.formats.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <button type="submit" className="ghost" disabled={!file.trim() || p.disabled}>
        {p.submitLabel}
      </button>
    </form>
  );
}
