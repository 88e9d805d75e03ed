// Shifts a date written in one of the forms the detector finds by a number of days and writes it back in the same
// form, so intervals within a record survive pseudonymization. Returns undefined for text it cannot read; callers
// then mask the date instead of guessing.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Year used for dates written without one; a leap year, so "Feb 29" stays valid. */
const NO_YEAR = 2000;

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)) && m.startsWith(w === 'sept' ? 'sep' : w));
}

function addDays(y: number, m: number, d: number, days: number): Date {
  return new Date(Date.UTC(y, m, d + days));
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m, d));
  return dt.getUTCMonth() === m && dt.getUTCDate() === d;
}

/** Writes a month name in the style of the original ("March", "Mar.", "MARCH", "Sept"). */
function monthLike(original: string, m: number): string {
  const full = MONTHS[m] ?? '';
  const bare = original.replace(/\.$/, '');
  const wasFull = MONTHS.includes(bare.toLowerCase());
  let out = wasFull ? full : (SHORT[m] ?? '');
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (bare === bare.toUpperCase()) out = out.toUpperCase();
  return out + (original.endsWith('.') ? '.' : '');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ordinal = (d: number, like: string) => {
  if (!like) return '';
  const s = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return like === like.toUpperCase() ? s.toUpperCase() : s;
};

/**
 * `dayFirst`: how an ambiguous numeric date (both numbers 12 or under) is read, from the project's locale: 02/11/2015
 * is 2 November in en-GB. A date whose first number cannot be a month is read day first whatever the locale, and
 * one whose second cannot be a month month first. The output keeps the input's own order and separators.
 */
export function shiftDateText(text: string, days: number, dayFirst = false): string | undefined {
  let m: RegExpExecArray | null;
  // ISO-like: 2024-03-14, 2024/03/14
  if ((m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text))) {
    const [, y, sep, mo, d] = m;
    if (!validDay(+y!, +mo! - 1, +d!)) return undefined;
    const t = addDays(+y!, +mo! - 1, +d!, days);
    return `${t.getUTCFullYear()}${sep}${pad(t.getUTCMonth() + 1, mo!.length)}${sep}${pad(t.getUTCDate(), d!.length)}`;
  }
  // Numeric with year last: month first unless the first number cannot be a month.
  if ((m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text))) {
    const [, a, sep, b, yRaw] = m;
    const readDayFirst = +a! > 12 || (+b! <= 12 && dayFirst);
    const mo = readDayFirst ? +b! : +a!;
    const d = readDayFirst ? +a! : +b!;
    const y = yRaw!.length === 2 ? 2000 + +yRaw! - (+yRaw! > 50 ? 100 : 0) : +yRaw!;
    if (!validDay(y, mo - 1, d)) return undefined;
    const t = addDays(y, mo - 1, d, days);
    const first = readDayFirst ? t.getUTCDate() : t.getUTCMonth() + 1;
    const second = readDayFirst ? t.getUTCMonth() + 1 : t.getUTCDate();
    const yOut = yRaw!.length === 2 ? pad(t.getUTCFullYear() % 100, 2) : String(t.getUTCFullYear());
    return `${pad(first, a!.length)}${sep}${pad(second, b!.length)}${sep}${yOut}`;
  }
  // Month/day without a year: 3/14 (day/month in a day-first locale: 14/3)
  if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(text))) {
    const [, a, b] = m;
    const readDayFirst = +a! > 12 || (+b! <= 12 && dayFirst);
    const mo = readDayFirst ? +b! : +a!;
    const d = readDayFirst ? +a! : +b!;
    if (!validDay(NO_YEAR, mo - 1, d)) return undefined;
    const t = addDays(NO_YEAR, mo - 1, d, days);
    const [first, second] = readDayFirst ? [t.getUTCDate(), t.getUTCMonth() + 1] : [t.getUTCMonth() + 1, t.getUTCDate()];
    return `${pad(first, a!.length)}/${pad(second, b!.length)}`;
  }
  // March 3, 2024 / Mar. 3 / Sept 14th 2023
  if ((m = /^([A-Za-z]+\.?)(\s+)(\d{1,2})(st|nd|rd|th|ST|ND|RD|TH)?(?:(,?\s+)(\d{4}))?$/.exec(text))) {
    const [, mon, sp, d, ord = '', sep2, y] = m;
    const mo = monthIndex(mon!);
    const year = y ? +y : NO_YEAR;
    if (mo < 0 || !validDay(year, mo, +d!)) return undefined;
    const t = addDays(year, mo, +d!, days);
    const tail = y ? `${sep2}${t.getUTCFullYear()}` : '';
    return `${monthLike(mon!, t.getUTCMonth())}${sp}${t.getUTCDate()}${ordinal(t.getUTCDate(), ord)}${tail}`;
  }
  // 14 March 2024 / 3rd of March / 8th day of March, 2024
  if ((m = /^(\d{1,2})(st|nd|rd|th|ST|ND|RD|TH)?(\s+(?:day\s+)?(?:of\s+)?)([A-Za-z]+\.?)(?:(,?\s+)(\d{4}))?$/.exec(text))) {
    const [, d, ord = '', mid, mon, sep2, y] = m;
    const mo = monthIndex(mon!);
    const year = y ? +y : NO_YEAR;
    if (mo < 0 || !validDay(year, mo, +d!)) return undefined;
    const t = addDays(year, mo, +d!, days);
    const tail = y ? `${sep2}${t.getUTCFullYear()}` : '';
    return `${t.getUTCDate()}${ordinal(t.getUTCDate(), ord)}${mid}${monthLike(mon!, t.getUTCMonth())}${tail}`;
  }
  // June 2021 / March of 2020: shift the middle of the month, keep the month-year form.
  if ((m = /^([A-Za-z]+\.?)(,?\s+(?:of\s+)?)(\d{4})$/.exec(text))) {
    const [, mon, mid, y] = m;
    const mo = monthIndex(mon!);
    if (mo < 0) return undefined;
    const t = addDays(+y!, mo, 15, days);
    return `${monthLike(mon!, t.getUTCMonth())}${mid}${t.getUTCFullYear()}`;
  }
  return undefined;
}
