// Dates in a project's locale: which way round an ambiguous numeric date is read (02/11/2015 is 2 November in en-GB,
// 11 February in en-US), and how a spreadsheet's date cell is written as text. Intl knows every locale's order, so
// no table is kept here.

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** The computer's own locale: the default for a new project. */
export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

const orderCache = new Map<string, DateOrder>();

/** The order of day, month and year in the locale's short numeric dates. Unknown locales fall back to en-US. */
export function dateOrder(locale: string): DateOrder {
  const hit = orderCache.get(locale);
  if (hit) return hit;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
      new Date(Date.UTC(2015, 10, 22)),
    );
  } catch {
    return 'mdy';
  }
  const seq = parts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  const order: DateOrder = seq === 'dmy' || seq === 'ymd' ? seq : 'mdy';
  orderCache.set(locale, order);
  return order;
}

/** True when an ambiguous d/m vs m/d date is read day first in this locale. */
export const readsDayFirst = (locale: string | undefined): boolean => locale !== undefined && dateOrder(locale) === 'dmy';

/**
 * A spreadsheet date (a UTC Date, as exceljs gives it) as the text a person in this locale types: 02/11/2015 in
 * en-GB, 11/02/2015 in en-US, 2015-11-02 in sv-SE; the time is added only when the cell holds one.
 */
export function formatSheetDate(date: Date, locale: string): string {
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  const options: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
  if (hasTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return date.toISOString().slice(0, hasTime ? 16 : 10);
  }
}
