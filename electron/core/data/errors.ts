// Import failures a specialist can act on: every one names where (line) and why (reason) in one sentence.
import { FieldtuneError, type ErrorFix } from '../../contract/errors.js';

export class DataImportError extends FieldtuneError {
  constructor(
    message: string,
    /** 1-based physical line (JSONL/CSV) or sheet row (XLSX); null when the whole file is at fault. */
    readonly line: number | null = null,
    readonly reason: string = message,
    fix?: ErrorFix,
  ) {
    super('INVALID_INPUT', message, { details: { line, reason }, ...(fix ? { fix } : {}) });
    this.name = 'DataImportError';
  }
}

export function badRowError(line: number, reason: string, unit = 'Line'): DataImportError {
  return new DataImportError(`${unit} ${line}: ${reason}.`, line, reason, { setting: 'skipBad' });
}

export function cancelledError(message = 'The import was cancelled; nothing was saved.'): FieldtuneError {
  return new FieldtuneError('CANCELLED', message);
}

export function throwIfAborted(signal: AbortSignal | undefined, message?: string): void {
  if (signal?.aborted) throw cancelledError(message);
}
