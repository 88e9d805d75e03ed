// A spreadsheet column's value is searched with its column name in front as a label, and what is found is placed
// back on the value itself.
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';
import { fieldsOf, searchText, spansOnField } from './exampleFields.js';
import type { Field } from './exampleFields.js';
import { loadPiiResources } from './resources.js';
import type { PiiSpan } from './types.js';

const resources = loadPiiResources();
const found = (f: Field) => spansOnField(f, detectPii(searchText(f), { resources }));

describe('fields searched with their column name', () => {
  it('finds a lone city or postal code in its column, which the value alone does not show', () => {
    const example = {
      messages: [{ role: 'user' as const, content: 'Seen at the clinic.' }],
      metadata: { city: 'Springfield', zip_code: '62701', Town: 'Dayton', ward: 'B', country: 'Ireland', visits: 3 },
    };
    const fields = fieldsOf(example);
    const byField = Object.fromEntries(fields.map((f) => [f.field, found(f).map((s) => `${s.type}:${s.text}`)]));
    expect(byField).toEqual({
      m0: [],
      'meta:city': ['LOCATION:Springfield'],
      'meta:zip_code': ['ZIP:62701'],
      'meta:Town': ['LOCATION:Dayton'],
      'meta:ward': [],
      'meta:country': [],
    });
    // Alone, the values say nothing of what they are.
    expect(['Springfield', '62701', 'Dayton'].flatMap((t) => detectPii(t, { resources }))).toEqual([]);
    for (const f of fields) for (const s of found(f)) expect(f.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads camelCase and snake_case names as words, and leaves messages and documents as they are', () => {
    const f = (field: string, text: string): Field => ({ field, label: field.replace(/^meta:/, ''), text });
    expect(searchText(f('meta:patientName', 'Maria Kowalski'))).toBe('Patient Name: Maria Kowalski');
    expect(searchText(f('meta:date_of-birth', '14/03/1951'))).toBe('Date of birth: 14/03/1951');
    expect(searchText({ field: 'm0', label: 'Question', text: 'Springfield' })).toBe('Springfield');
    expect(searchText({ field: 'text', label: 'Text', text: 'Springfield' })).toBe('Springfield');
  });

  it('drops what fell on the column name and cuts a span that began in it', () => {
    const field: Field = { field: 'meta:city', label: 'city', text: 'Springfield' };
    const shift = 'City: '.length;
    const span = (start: number, end: number): PiiSpan => ({ start, end, type: 'LOCATION', text: '', confidence: 0.9, source: 'context' });
    expect(spansOnField(field, [span(0, 4), span(2, shift + 6), span(shift, shift + 11)])).toEqual([
      { ...span(0, 6), text: 'Spring' },
      { ...span(0, 11), text: 'Springfield' },
    ]);
  });
});
