// PDFs for generation tests, written with pdfkit at test time: one with headed sections of text, and one with only
// a drawing (no text layer, as a scanned page has).
import { writeFileSync } from 'node:fs';

export async function writePdf(path: string, sections: ReadonlyArray<{ heading: string; text: string }>): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 48 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  if (sections.length === 0) doc.rect(100, 100, 200, 100).fill('#888888');
  for (const s of sections) {
    doc.fontSize(14).text(s.heading.toUpperCase());
    doc.moveDown(0.5);
    doc.fontSize(11).text(s.text);
    doc.moveDown(1);
  }
  doc.end();
  await done;
  writeFileSync(path, Buffer.concat(chunks));
}
