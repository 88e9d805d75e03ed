// Reads a share bundle's zip defensively. A bundle comes from someone else, so every entry is checked before and while
// it is inflated: only the names a bundle has (no folders, no '..', no absolute paths), no symlinks, at most a few
// entries, each under a size limit, and a compression ratio a real adapter never reaches. The sizes in a zip's headers
// are claims, so the limits are enforced on the bytes actually inflated, and inflating stops the moment one is passed.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { FieldtuneError } from '../../contract/errors.js';

export interface ZipLimits {
  /** The most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** The most bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /** Inflated / compressed, checked once an entry passes ratioFloorBytes (small text entries compress well). */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 3 * 1024 ** 3,
  maxRatio: 20,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 16,
};

const refuse = (message: string, entry?: string): never => {
  throw new FieldtuneError('INVALID_INPUT', message, entry === undefined ? {} : { details: { entry } });
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

function checkName(name: string, allowed: ReadonlySet<string>): void {
  if (name.includes('\\') || name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..')) {
    refuse(`The bundle has an entry that points outside where it would be unpacked ("${name}"); it was refused and nothing was written.`, name);
  }
  if (!allowed.has(name)) refuse(`The bundle has an entry a Fieldtune bundle never has ("${name}"); it was refused and nothing was written.`, name);
}

const openZip = (source: string | Buffer): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) => {
    const opts: yauzl.Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, opts, done);
    else yauzl.fromBuffer(source, opts, done);
  });

/** Every allowed entry, inflated into memory within the limits; refuses the whole zip at the first problem. */
export async function readZipEntries(
  source: string | Buffer,
  allowed: ReadonlySet<string>,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (error) {
    return refuse(`This is not a readable bundle (not a zip file: ${(error as Error).message}).`);
  }
  const out = new Map<string, Buffer>();
  let total = 0;
  try {
    if (zip.entryCount > limits.maxEntries) refuse(`The bundle has ${zip.entryCount} entries; a Fieldtune bundle has at most ${limits.maxEntries}.`);
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      }).catch((error: Error) => refuse(`The bundle is damaged: ${error.message}.`));
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (!entry) break;
      const name = Buffer.isBuffer(entry.fileName) ? (entry.fileName as Buffer).toString('utf8') : String(entry.fileName);
      const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (type === S_IFLNK) refuse(`The bundle has a symbolic link ("${name}"); bundles never contain links, so it was refused.`, name);
      if (type === S_IFDIR || name.endsWith('/')) refuse(`The bundle has a folder entry ("${name}"); bundles are flat, so it was refused.`, name);
      checkName(name, allowed);
      if (out.has(name)) refuse(`The bundle has "${name}" twice; it was refused.`, name);
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        refuse(`"${name}" would unpack to ${entry.uncompressedSize} bytes, over the ${limits.maxEntryBytes}-byte limit for one entry.`, name);
      }
      out.set(
        name,
        await inflate(
          zip,
          entry,
          name,
          limits,
          () => total,
          (n) => (total += n),
        ),
      );
    }
  } finally {
    zip.close();
  }
  return out;
}

async function inflate(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  limits: ZipLimits,
  total: () => number,
  add: (n: number) => void,
): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))));
  const chunks: Buffer[] = [];
  let size = 0;
  const compressed = Math.max(1, entry.compressedSize);
  const sink = new Writable({
    write(chunk: Buffer, _enc, next) {
      size += chunk.length;
      add(chunk.length);
      if (size > limits.maxEntryBytes) return next(new Error(`"${name}" unpacks to more than the ${limits.maxEntryBytes}-byte limit for one entry`));
      if (total() > limits.maxTotalBytes) return next(new Error(`the bundle unpacks to more than its ${limits.maxTotalBytes}-byte limit`));
      if (size > limits.ratioFloorBytes && size / compressed > limits.maxRatio) {
        return next(new Error(`"${name}" is compressed more than ${limits.maxRatio}:1, as zip bombs are`));
      }
      chunks.push(chunk);
      next();
    },
  });
  try {
    await pipeline(stream as NodeJS.ReadableStream & AsyncIterable<Buffer>, sink);
  } catch (error) {
    const message = (error as Error).message;
    // yauzl's own check (validateEntrySizes): more bytes came out than the entry's header declared
    const why = /too many bytes in the stream/.test(message) ? `"${name}" unpacks to more bytes than its header declares, as zip bombs do` : message;
    return refuse(`The bundle was refused and nothing was written: ${why}.`, name);
  }
  return Buffer.concat(chunks);
}
