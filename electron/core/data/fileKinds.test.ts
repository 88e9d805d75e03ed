import { describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS, fileKindOf, isDocumentKind } from './fileKinds.js';

describe('fileKindOf', () => {
  it('names what a file holds by its extension, in any case, and nothing for others', () => {
    const kinds = ['a.jsonl', 'b.NDJSON', 'c.json', 'd.csv', 'e.TSV', 'f.tab', 'g.xlsx', 'h.txt', 'i.md', 'j.markdown', 'k.PDF', 'l.docx'].map(fileKindOf);
    expect(kinds).toEqual(['jsonl', 'jsonl', 'json', 'csv', 'tsv', 'tsv', 'xlsx', 'text', 'text', 'text', 'pdf', 'docx']);
    expect(['b.jsonl.txt', 'json', 'notes', 'sheet.xls', 'letter.doc'].map(fileKindOf)).toEqual(['text', undefined, undefined, undefined, undefined]);
    expect(['x.txt', 'x.md', 'x.pdf', 'x.docx'].map(fileKindOf).every(isDocumentKind)).toBe(true);
    expect([fileKindOf('x.csv'), undefined].some(isDocumentKind)).toBe(false);
    expect(DOCUMENT_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.pdf', '.docx']);
  });
});
