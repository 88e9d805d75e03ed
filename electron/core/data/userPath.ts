// How a path typed or pasted into the app becomes a file on disk. People paste what their system gives them:
// Windows' 'Copy as path' wraps it in double quotes, a file manager may hand over a file:// URL, and '~' means home
// on every shell. A relative path has no sensible working folder in a desktop app (the server's is the install
// folder), so it is read from the home folder, and the screen says so.
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldtuneError } from '../../contract/errors.js';

export interface UserPath {
  /** The absolute path. */
  path: string;
  /** 'home' when a relative path was read from the home folder (the screen tells the person). */
  base: 'absolute' | 'home';
}

/** Strips one pair of matching quotes around the whole path ("C:\My data\q.csv" or 'q.csv'). */
function unquote(text: string): string {
  const m = /^(["'])(.*)\1$/s.exec(text);
  return m ? m[2]!.trim() : text;
}

export function resolveUserPath(raw: string, home: string = homedir()): UserPath {
  let text = unquote(raw.trim());
  if (/^file:/i.test(text)) {
    try {
      return { path: resolve(fileURLToPath(text)), base: 'absolute' };
    } catch {
      throw new FieldtuneError('INVALID_INPUT', `${text} is not a file address this computer can open.`);
    }
  }
  if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) text = home + text.slice(1);
  if (isAbsolute(text)) return { path: resolve(text), base: 'absolute' };
  return { path: resolve(home, text), base: 'home' };
}
