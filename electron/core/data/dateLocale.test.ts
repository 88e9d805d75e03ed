import { describe, expect, it } from 'vitest';
import { dateOrder, formatSheetDate, readsDayFirst } from './dateLocale.js';

describe('dates in a project locale', () => {
  it('knows which way round each locale writes numeric dates', () => {
    expect(dateOrder('en-GB')).toBe('dmy');
    expect(dateOrder('en-US')).toBe('mdy');
    expect(dateOrder('de-DE')).toBe('dmy');
    expect(dateOrder('ja-JP')).toBe('ymd');
    expect(readsDayFirst('en-GB')).toBe(true);
    expect(readsDayFirst('en-US')).toBe(false);
    expect(readsDayFirst(undefined)).toBe(false);
  });

  it('writes a spreadsheet date as a person in the locale types it, with the time only when there is one', () => {
    const dob = new Date(Date.UTC(2015, 10, 2));
    expect(formatSheetDate(dob, 'en-GB')).toBe('02/11/2015');
    expect(formatSheetDate(dob, 'en-US')).toBe('11/02/2015');
    expect(formatSheetDate(new Date(Date.UTC(2024, 4, 3, 9, 30)), 'en-GB')).toBe('03/05/2024, 09:30');
  });
});
