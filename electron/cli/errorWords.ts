// The CLI's words for the settings an error names (contract/errors.ts): its flags. The app has its own words.
import { wordError, type ErrorPayload, type FixWords } from '../contract/errors.js';
import { ImportFormat } from '../contract/datasets.js';

export const CLI_FIX_WORDS: FixWords = {
  skipBad: () => 'fix it, or run again with --skip-bad to import the rest and set such rows aside',
  encoding: (v) => `re-save it as UTF-8, or import it with --encoding ${v ?? 'NAME'} (or the encoding it was saved in)`,
  format: () => `name the format with --format (one of ${ImportFormat.options.join(', ')})`,
  map: (v) => (v ? `choose the columns with --map, e.g. --map "${v}"` : 'choose the columns with --map COLUMN=FIELD,...'),
  overwrite: () => 'name another file, or run again with --force to replace it',
  passphrase: () => 'give its passphrase with --workspace-passphrase-file FILE or the FIELDTUNE_PASSPHRASE environment variable',
};

export const cliMessage = (p: Pick<ErrorPayload, 'message' | 'fix'>): string => wordError(p, CLI_FIX_WORDS);
