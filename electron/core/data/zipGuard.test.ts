// DOCX and XLSX zip bombs are refused before their parsers inflate them: an honest bomb by its declared size, a lying
// one by the bytes it really inflates to, an archive of too many parts by its count; a real file passes.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';
import { writeZipBomb } from '../../../test/unit/zipBomb.js';
import { importFile } from './importFile.js';
import { checkZipLimits } from './zipGuard.js';

const t = tempDir('fieldtune-zipguard-');
afterAll(() => t.cleanup());
const limits = { maxEntries: 50, maxUnpackedBytes: 8 * 1024 * 1024 };

describe('checkZipLimits', () => {
  it('passes a real XLSX and reports what it unpacks to', async () => {
    const file = join(t.dir, 'real.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Questions').addRows([
      ['Question', 'Answer'],
      ['When do you open?', 'At 9.'],
    ]);
    await book.xlsx.writeFile(file);
    expect(await checkZipLimits(file, 'XLSX', { limits })).toBeGreaterThan(1000);
  });

  it('refuses a bomb that declares its size, without inflating it', async () => {
    const file = join(t.dir, 'honest.xlsx');
    writeZipBomb(file, [{ name: 'xl/sharedStrings.xml', megabytes: 64 }]);
    await expect(checkZipLimits(file, 'XLSX', { limits })).rejects.toThrow('This XLSX file unpacks to more than 8 MB');
  });

  it('refuses a bomb that lies about its size once the real bytes cross the limit', async () => {
    const file = join(t.dir, 'lying.docx');
    writeZipBomb(file, [{ name: 'word/document.xml', megabytes: 64, declaredBytes: 1024 }]);
    await expect(checkZipLimits(file, 'DOCX', { limits })).rejects.toThrow(/This DOCX file (unpacks to more than 8 MB|is damaged)/);
  });

  it('refuses an archive of too many parts', async () => {
    const file = join(t.dir, 'parts.docx');
    writeZipBomb(file, [], Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}.xml`, '<a/>'])));
    await expect(checkZipLimits(file, 'DOCX', { limits })).rejects.toThrow('holds 60 parts, more than the 50');
  });
});

describe('importing a zip bomb', () => {
  it('refuses a 600 MB XLSX bomb and a lying DOCX bomb with the default limits, naming the file type', async () => {
    const xlsx = join(t.dir, 'bomb.xlsx');
    writeZipBomb(xlsx, [{ name: 'xl/worksheets/sheet1.xml', megabytes: 600 }], { '[Content_Types].xml': '<Types/>' });
    await expect(importFile(xlsx, {}, () => {})).rejects.toThrow('This XLSX file unpacks to more than 512 MB');

    const docx = join(t.dir, 'bomb.docx');
    writeZipBomb(docx, [{ name: 'word/document.xml', megabytes: 600, declaredBytes: 4096 }], { '[Content_Types].xml': '<Types/>' });
    await expect(importFile(docx, {}, () => {})).rejects.toThrow(/This DOCX file (unpacks to more than 512 MB|is damaged)/);
  });
});
