import { useEffect, useRef, useState } from 'react';
import type { FileEntry } from '../../../electron/contract/fileRequests.js';
import { useFilesStore } from '../stores/filesStore.js';

function size(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Browser mode's file chooser (mounted once in App): the home folder and the places the person added, folders to
 * open, files to pick. Files of other types are shown greyed, so a folder never looks emptier than it is.
 */
export function FileChooser() {
  const choosing = useFilesStore((s) => s.choosing);
  const listing = useFilesStore((s) => s.listing);
  const selected = useFilesStore((s) => s.selected);
  const showHidden = useFilesStore((s) => s.showHidden);
  const error = useFilesStore((s) => s.error);
  const { browse, select, setShowHidden, addPlace, removePlace, choose, close } = useFilesStore.getState();
  const [place, setPlace] = useState('');
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (choosing && !ref.current?.open) ref.current?.showModal();
    if (!choosing && ref.current?.open) ref.current.close();
  }, [choosing]);

  if (!choosing) return null;
  const fits = (e: FileEntry) =>
    e.kind === 'folder' || (choosing.kind !== 'folder' && (!choosing.extensions || choosing.extensions.some((x) => e.name.toLowerCase().endsWith(`.${x}`))));
  const picked = listing?.entries.find((e) => e.path === selected);
  const canChooseFolder = choosing.kind !== 'file';
  const open = (e: FileEntry) => (e.kind === 'folder' ? void browse(e.path) : fits(e) && choose(e.path));

  return (
    <dialog ref={ref} className="chooser" aria-labelledby="chooser-title" onClose={close}>
      <h2 id="chooser-title">{choosing.title}</h2>
      <div className="chooser-body">
        <nav aria-label="Places" className="chooser-places">
          <ul>
            {listing?.places.map((p) => (
              <li key={p.path} className="row">
                <button
                  type="button"
                  className="ghost"
                  aria-current={listing.folder.startsWith(p.path) ? 'location' : undefined}
                  onClick={() => void browse(p.path)}
                >
                  {p.label}
                </button>
                {p.removable && (
                  <button type="button" className="ghost" aria-label={`Remove the place ${p.label}`} onClick={() => void removePlace(p.path)}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void addPlace(place).then((ok) => ok && setPlace(''));
            }}
          >
            <label htmlFor="chooser-place">Add a folder outside your home folder</label>
            <input id="chooser-place" value={place} placeholder="/mnt/shared" onChange={(e) => setPlace(e.target.value)} />
            <button type="submit" className="ghost" disabled={!place.trim()}>
              Add place
            </button>
          </form>
        </nav>
        <div className="chooser-main">
          <div className="row">
            <button type="button" className="ghost nowrap" disabled={!listing?.parent} onClick={() => listing?.parent && void browse(listing.parent)}>
              Up one folder
            </button>
            <span className="chooser-folder" title={listing?.folder}>
              {listing?.folder}
            </span>
            <span className="spacer" />
            <label className="nowrap">
              <input type="checkbox" checked={showHidden} onChange={(e) => void setShowHidden(e.target.checked)} /> Show hidden files
            </label>
          </div>
          {error && (
            <p className="danger-text" role="alert">
              {error}
            </p>
          )}
          <ul className="chooser-list" aria-label="Files and folders">
            {listing?.entries.length === 0 && <li className="muted">This folder is empty.</li>}
            {listing?.entries.map((e) => (
              <li key={e.path}>
                <button
                  type="button"
                  className={e.path === selected ? 'ghost chooser-entry selected' : 'ghost chooser-entry'}
                  aria-pressed={e.path === selected}
                  disabled={!fits(e)}
                  onClick={() => select(e.path)}
                  onDoubleClick={() => open(e)}
                >
                  <span className={e.kind === 'folder' ? 'chooser-name folder' : 'chooser-name'}>{e.name}</span>
                  <span className="muted">{e.kind === 'folder' ? 'folder' : size(e.sizeBytes)}</span>
                </button>
              </li>
            ))}
            {listing && listing.truncated > 0 && <li className="muted">and {listing.truncated} more not shown</li>}
          </ul>
        </div>
      </div>
      <div className="row">
        <span className="spacer" />
        <button type="button" className="ghost" onClick={close}>
          Cancel
        </button>
        {picked?.kind === 'folder' && (
          <button type="button" className="ghost" onClick={() => void browse(picked.path)}>
            Open folder
          </button>
        )}
        {canChooseFolder && listing && (!picked || picked.kind === 'folder') && (
          <button type="button" onClick={() => choose(picked?.path ?? listing.folder)}>
            Use this folder
          </button>
        )}
        {picked?.kind === 'file' && (
          <button type="button" onClick={() => choose(picked.path)}>
            Choose this file
          </button>
        )}
      </div>
    </dialog>
  );
}
