// Zip bombs for tests, built in milliseconds: the deflate stream of one megabyte of zeros (about 1 kB) is flushed to a
// byte boundary without ending the stream, so copies of it can be joined into one valid stream that inflates to as
// many megabytes as there are copies. A library cannot do this (they compress what they are given, which would take
// seconds and the whole size in memory), so the few zip records are written here, after the zip specification.
import { writeFileSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';

const MEGABYTE_OF_ZEROS = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

export interface BombEntry {
  name: string;
  /** Megabytes of zeros the entry inflates to. */
  megabytes: number;
  /** The size the archive claims (a lying bomb claims little); defaults to the true size. */
  declaredBytes?: number;
}

/** Writes a zip whose entries inflate to the given sizes; small entries (text) can be given as plain content. */
export function writeZipBomb(file: string, bombs: BombEntry[], texts: Record<string, string> = {}): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const add = (name: string, method: number, data: Buffer, crc: number, size: number) => {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  };
  for (const [name, text] of Object.entries(texts)) {
    const data = Buffer.from(text);
    add(name, 0, data, crc32(data), data.length);
  }
  for (const bomb of bombs) {
    const data = Buffer.concat([...Array.from({ length: bomb.megabytes }, () => MEGABYTE_OF_ZEROS), FINAL_EMPTY_BLOCK]);
    const size = bomb.megabytes * 1024 * 1024;
    // CRC left 0: the guard under test must refuse before any parser would get to check it
    add(bomb.name, 8, data, 0, Math.min(bomb.declaredBytes ?? size, 0xffffffff));
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, centralDir, end]));
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
