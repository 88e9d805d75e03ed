// Where a copy leaves the workspace for a file the person named (a dataset export, a saved report): the path is
// expanded like every user path, its folder must exist, and a file already there is never replaced unless the caller
// says so (the app asks first, the CLI takes --force).
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FieldtuneError } from '../../../contract/errors.js';
import { resolveUserPath } from '../../data/userPath.js';

export async function userOutFile(outFile: string, overwrite: boolean): Promise<string> {
  const file = resolveUserPath(outFile).path;
  if (!(await stat(dirname(file)).catch(() => null))) throw new FieldtuneError('INVALID_INPUT', `The folder ${dirname(file)} does not exist.`);
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new FieldtuneError('INVALID_INPUT', `${file} is a folder; name a file to write.`);
  if (existing && !overwrite) {
    throw new FieldtuneError('CONFLICT', `A file named ${file} already exists.`, { details: { exists: true, file }, fix: { setting: 'overwrite' } });
  }
  return file;
}
