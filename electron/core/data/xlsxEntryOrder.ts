// exceljs's streaming reader (4.4.0) walks the archive once, front to back, and needs the workbook's parts (its rels,
// workbook.xml, shared strings, styles) before any worksheet. Files written by exceljs itself, openpyxl and others store
// workbook.xml last; the reader then parks each sheet in a temp file and awaits it, and on Node 18+ its paused unzip
// stream can drop the last entries meanwhile, so the read fails at random with "Cannot read properties of undefined
// (reading 'sheets')" (exceljs issue #3064, still open). Rather than fork the reader, the archive is re-packed with
// those parts first: the reader then never needs a temp file and never waits on a part that has not come yet.
import { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import yazl from 'yazl';

const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

function rank(path: string): number {
  const i = FIRST.indexOf(path);
  if (i >= 0) return i;
  return /^xl\/worksheets\/sheet\d+\.xml$/.test(path) ? FIRST.length + 1 : FIRST.length;
}

function sheetNumber(path: string): number {
  return Number(/sheet(\d+)\.xml$/.exec(path)?.[1] ?? 0);
}

async function collect(bytes: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const found: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** The same workbook as a zip stream whose workbook parts come before its worksheets (worksheets in sheet order). */
export async function xlsxWithPartsFirst(bytes: AsyncIterable<Buffer>): Promise<Readable> {
  const archive = await collect(bytes); // the compressed file only; yauzl needs random access to its directory
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(archive, { lazyEntries: true, validateEntrySizes: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const entries = (await listEntries(zip))
    .filter((e) => !e.fileName.endsWith('/'))
    .sort((a, b) => rank(a.fileName) - rank(b.fileName) || sheetNumber(a.fileName) - sheetNumber(b.fileName));
  const out = new yazl.ZipFile();
  for (const entry of entries) {
    // Deflate (not stored) so every entry ends itself: a streaming unzip cannot find the end of a stored entry whose
    // size is only in the trailing descriptor. Level 1: this archive lives for one read.
    out.addReadStreamLazy(entry.fileName, { compressionLevel: 1 }, (cb) => zip.openReadStream(entry, (error, stream) => cb(error, stream)));
  }
  out.end();
  return out.outputStream as Readable;
}
