// Regression for exceljs issue #3064: a workbook written by exceljs stores workbook.xml last, and the streaming reader
// then failed about one read in twenty here ("reading 'sheets'"), and now and then crashed the process with an ENOENT
// from a temp file it had already deleted. Re-packed, every read of every sheet succeeds.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';
import { xlsxRows } from './sheets.js';

const tmp = tempDir('fieldtune-xlsx-order-');
afterAll(() => tmp.cleanup());

it('reads any sheet of a workbook that stores its index last, every time, and never crashes the process', async () => {
  const wb = new ExcelJS.Workbook();
  for (let i = 0; i < 4; i++)
    wb.addWorksheet(`Sheet ${i}`).addRows([
      ['question', 'answer'],
      [`q${i}`, `a${i}`],
    ]);
  const book = join(tmp.dir, 'book.xlsx');
  await wb.xlsx.writeFile(book);
  const crashes: unknown[] = [];
  const onCrash = (e: unknown) => crashes.push(e);
  process.on('uncaughtException', onCrash);
  try {
    for (let round = 0; round < 40; round++) {
      for (const i of [3, 0, 2]) {
        const rows = [];
        for await (const row of xlsxRows(createReadStream(book), { sheet: `Sheet ${i}` })) rows.push(row);
        expect(rows.map((r) => r.cells)).toEqual([
          ['question', 'answer'],
          [`q${i}`, `a${i}`],
        ]);
      }
    }
    await new Promise((r) => setTimeout(r, 100)); // a late stream error would surface here
  } finally {
    process.off('uncaughtException', onCrash);
  }
  expect(crashes).toEqual([]);
}, 60_000);
