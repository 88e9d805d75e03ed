// DOCX and XLSX files are zip archives, and their parsers (mammoth, exceljs) inflate whatever the archive holds: a
// zip bomb (a few kB that unpack to gigabytes) would keep an import busy for minutes or exhaust memory. Before
// parsing, the archive is walked with yauzl and every entry really inflated through a counter, stopping at the first
// limit crossed; the sizes an archive declares are checked too, but not trusted, since a bomb can lie about them.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DataImportError, throwIfAborted } from './errors.js';

export interface ZipLimits {
  /** Entries in the archive (a real XLSX or DOCX has tens to a few thousands). */
  maxEntries: number;
  /** Bytes of all entries once unpacked. */
  maxUnpackedBytes: number;
}

export const DOCUMENT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxUnpackedBytes: 512 * 1024 * 1024 };

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function open(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

function entries(zip: ZipFile): AsyncGenerator<Entry> {
  return (async function* () {
    for (;;) {
      const next = await new Promise<Entry | null>((resolve, reject) => {
        const onEntry = (entry: Entry) => {
          zip.off('end', onEnd);
          zip.off('error', onError);
          resolve(entry);
        };
        const onEnd = () => {
          zip.off('entry', onEntry);
          zip.off('error', onError);
          resolve(null);
        };
        const onError = (error: Error) => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          reject(error);
        };
        zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
        zip.readEntry();
      });
      if (!next) return;
      yield next;
    }
  })();
}

function openStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
}

/** Throws a DataImportError naming the limit a file crosses; returns the unpacked size when it crosses none. */
export async function checkZipLimits(path: string, kind: string, options: { signal?: AbortSignal | undefined; limits?: ZipLimits } = {}): Promise<number> {
  const limits = options.limits ?? DOCUMENT_ZIP_LIMITS;
  const tooBig = () =>
    new DataImportError(
      `This ${kind} file unpacks to more than ${MB(limits.maxUnpackedBytes)}, far more than a real ${kind} holds: it was refused before reading.`,
    );
  let zip: ZipFile;
  try {
    zip = await open(path);
  } catch (error) {
    throw new DataImportError(`This ${kind} file is damaged (${(error as Error).message}).`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new DataImportError(
      `This ${kind} file holds ${zip.entryCount} parts, more than the ${limits.maxEntries} a real ${kind} has: it was refused before reading.`,
    );
  }
  let unpacked = 0;
  try {
    for await (const entry of entries(zip)) {
      throwIfAborted(options.signal);
      if (entry.fileName.endsWith('/')) continue;
      if (unpacked + entry.uncompressedSize > limits.maxUnpackedBytes) throw tooBig();
      const counter = new Writable({
        write(chunk: Buffer, _encoding, done) {
          unpacked += chunk.length;
          done(unpacked > limits.maxUnpackedBytes ? tooBig() : undefined);
        },
      });
      await pipeline(await openStream(zip, entry), counter, ...(options.signal ? [{ signal: options.signal }] : []));
    }
  } catch (error) {
    zip.close();
    if (error instanceof DataImportError || (error as Error).name === 'FieldtuneError') throw error;
    if ((error as Error).name === 'AbortError') throwIfAborted(options.signal);
    throw new DataImportError(`This ${kind} file is damaged (${(error as Error).message}).`);
  }
  return unpacked;
}
