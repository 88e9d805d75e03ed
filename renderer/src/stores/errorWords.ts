// The app's words for the settings an error names (electron/contract/errors.ts): the controls on screen, never the
// CLI's flags. Every message the stores show passes through here.
import { wordError, type ErrorPayload, type FixWords } from '../../../electron/contract/errors.js';
import { ApiError } from '../transport/transport.js';

export const APP_FIX_WORDS: FixWords = {
  skipBad: () => 'fix it, or tick “Skip bad rows” to import the rest and set such rows aside',
  encoding: (v) => `re-save it as UTF-8, or import it with the text encoding ${v ?? 'it was saved in'} (choose it under “Text encoding”)`,
  format: () => 'choose what the file holds under “Format”',
  map: () => 'choose which column holds it in the column choices below',
  overwrite: () => 'name another file, or choose “Replace it”',
  passphrase: () => 'check the passphrase and type it again',
};

export const appMessage = (p: Pick<ErrorPayload, 'message' | 'fix'>): string => wordError(p, APP_FIX_WORDS);

/** What to show for anything a store caught: typed errors in app words, anything else as it is. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return appMessage(e.payload);
  return e instanceof Error ? e.message : String(e);
}
