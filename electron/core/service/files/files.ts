// The browser-mode file chooser. It shows only folders inside the person's home folder and the places they added
// (a shared drive, a data disk): every path is expanded (~, file://, quotes), refused when it climbs with '..', and
// resolved through symbolic links before it is compared with the places, so a link cannot lead the chooser out.
// The added places are kept in the workspace folder (file-places.json), not in the database: they are a preference
// of this workspace's user, not data.
import { readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, sep } from 'node:path';
import { FieldtuneError } from '../../../contract/errors.js';
import type { FileEntry, FilePlace, FolderListing } from '../../../contract/fileRequests.js';
import { resolveUserPath } from '../../data/userPath.js';
import type { Workspace } from '../../workspace.js';

const PLACES_FILE = 'file-places.json';
/** A folder with more entries than this shows the first ones and says how many were left out. */
const MAX_ENTRIES = 2000;

const inside = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

async function addedPlaces(ws: Workspace): Promise<string[]> {
  try {
    const saved = JSON.parse(await readFile(join(ws.dir, PLACES_FILE), 'utf8')) as { places?: unknown };
    return Array.isArray(saved.places) ? saved.places.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return []; // none added yet (or an unreadable file: the home folder still works)
  }
}

/** The home folder, then each added place that still exists, with links resolved. */
export async function listPlaces(ws: Workspace): Promise<FilePlace[]> {
  const home = await realpath(homedir());
  const places: FilePlace[] = [{ label: 'Home folder', path: home, removable: false }];
  for (const added of await addedPlaces(ws)) {
    const real = await realpath(added).catch(() => null);
    if (real && !places.some((p) => p.path === real)) places.push({ label: basename(real) || real, path: real, removable: true });
  }
  return places;
}

/** Expands a path from the chooser and resolves its links; refuses '..' (the chooser never sends one). */
async function realFolder(raw: string): Promise<string> {
  if (raw.split(/[\\/]+/).includes('..')) throw new FieldtuneError('INVALID_INPUT', "The file chooser does not accept paths with '..' in them.");
  const path = resolveUserPath(raw).path;
  const real = await realpath(path).catch(() => null);
  if (!real) throw new FieldtuneError('NOT_FOUND', `There is no folder at ${path}.`);
  if (!(await stat(real)).isDirectory()) throw new FieldtuneError('INVALID_INPUT', `${path} is a file, not a folder.`);
  return real;
}

async function entryOf(folder: string, name: string, places: FilePlace[]): Promise<FileEntry | null> {
  try {
    const real = await realpath(join(folder, name));
    if (!places.some((p) => inside(p.path, real))) return null; // a link that leads out of every place
    const info = await stat(real);
    if (!info.isDirectory() && !info.isFile()) return null;
    const kind = info.isDirectory() ? 'folder' : 'file';
    return { name, path: real, kind, sizeBytes: kind === 'file' ? info.size : null, modifiedAt: info.mtime.toISOString() };
  } catch {
    return null; // unreadable or a broken link: nothing to choose
  }
}

export async function listFolder(ws: Workspace, input: { path?: string | undefined; showHidden: boolean }): Promise<FolderListing> {
  const places = await listPlaces(ws);
  const folder = input.path ? await realFolder(input.path) : places[0]!.path;
  const place = places.filter((p) => inside(p.path, folder)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!place) {
    throw new FieldtuneError('INVALID_INPUT', `${folder} is outside your home folder and the places you added. Add it as a place first.`);
  }
  const names = (await readdir(folder)).filter((n) => input.showHidden || !n.startsWith('.'));
  const entries = (await Promise.all(names.slice(0, MAX_ENTRIES).map((n) => entryOf(folder, n, places)))).filter((e): e is FileEntry => e !== null);
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) : a.kind === 'folder' ? -1 : 1));
  return {
    folder,
    parent: folder === place.path ? null : dirname(folder),
    places,
    entries,
    truncated: Math.max(0, names.length - MAX_ENTRIES),
  };
}

async function savePlaces(ws: Workspace, places: string[]): Promise<void> {
  await writeFile(join(ws.dir, PLACES_FILE), JSON.stringify({ places }, null, 2) + '\n');
}

export async function addPlace(ws: Workspace, raw: string): Promise<FilePlace[]> {
  const real = await realFolder(raw);
  if (parse(real).root === real) throw new FieldtuneError('INVALID_INPUT', 'Add a specific folder (a shared drive, a data folder), not the whole disk.');
  const added = await addedPlaces(ws);
  if (!added.includes(real)) await savePlaces(ws, [...added, real]);
  return listPlaces(ws);
}

export async function removePlace(ws: Workspace, raw: string): Promise<FilePlace[]> {
  const path = resolveUserPath(raw).path;
  const real = (await realpath(path).catch(() => null)) ?? path;
  const added = await addedPlaces(ws);
  await savePlaces(
    ws,
    added.filter((p) => p !== path && p !== real),
  );
  return listPlaces(ws);
}
