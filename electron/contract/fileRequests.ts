// The 'files:*' requests: a file and folder chooser served by the core, for browser mode (which has no native file
// dialog). It lists folders inside the person's home folder and the places they added, nothing else. Pure: zod only.
import { z } from 'zod';

export const FilePlace = z.object({
  label: z.string(),
  path: z.string(),
  /** The home folder is always there; added places can be taken off the list. */
  removable: z.boolean(),
});
export type FilePlace = z.infer<typeof FilePlace>;

export const FileEntry = z.object({
  name: z.string(),
  /** Absolute, with symbolic links resolved. */
  path: z.string(),
  kind: z.enum(['file', 'folder']),
  sizeBytes: z.number().int().nonnegative().nullable(),
  modifiedAt: z.string().nullable(),
});
export type FileEntry = z.infer<typeof FileEntry>;

export const FolderListing = z.object({
  /** The folder listed: absolute, symbolic links resolved. */
  folder: z.string(),
  /** The folder above, while it is still inside a place; null at a place's top. */
  parent: z.string().nullable(),
  places: z.array(FilePlace),
  /** Folders first, then files, by name; hidden ones (starting with '.') only when asked for. */
  entries: z.array(FileEntry),
  /** Entries left out because the folder holds more than the chooser shows. */
  truncated: z.number().int().nonnegative(),
});
export type FolderListing = z.infer<typeof FolderListing>;

const FolderPath = z.string().trim().min(1).max(4096);

export const fileRequests = {
  /** Lists a folder inside an allowed place (default: the home folder). A path outside every place is refused. */
  'files:list': {
    input: z.object({ path: FolderPath.optional(), showHidden: z.boolean().default(false) }).strict(),
    output: FolderListing,
  },
  /** Adds a folder the chooser may show (a shared drive, a data disk). It must exist. */
  'files:add-place': { input: z.object({ path: FolderPath }).strict(), output: z.array(FilePlace) },
  'files:remove-place': { input: z.object({ path: FolderPath }).strict(), output: z.array(FilePlace) },
} as const;
