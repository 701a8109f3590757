/**
 * Dates as people type them in a spreadsheet, turned into the story's dates with their precision:
 * `2016-09-18`, `18/09/2016` (day first or month first, as the author says; a day over 12
 * decides by itself), `18.09.2016`, `18 September 2016`, `September 18, 2016`, `Sept. 2016`,
 * `2016-09`, `2016`. Anything else is a problem that says what was expected.
 */
import type { DatePrecision } from '$lib/story/schema';

export type DateOrder = 'day-first' | 'month-first';

export type TypedDate = { date: string; precision: DatePrecision } | { problem: string };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month's number from its English name or abbreviation ("Sep", "Sept."), or 0. */
function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  return MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september')) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayDate(year: number, month: number, day: number, written: string): TypedDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { problem: `"${written}" is no date of the calendar` };
  }
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

const EXPECTED = 'write it as 2016-09-18, 18/09/2016, 18 September 2016, September 2016 or 2016';

export function parseTypedDate(written: string, order?: DateOrder): TypedDate {
  const s = written.trim().replace(/\s+/g, ' ');
  if (!s) return { problem: 'no date' };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return { date: m[1]!, precision: 'year' };
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { problem: `"${written}" has no month ${month}` };
    return { date: `${m[1]}-${pad(month)}`, precision: 'month' };
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) {
    return dayDate(Number(m[1]), Number(m[2]), Number(m[3]), written);
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 12 && order === 'month-first') {
      return { problem: `"${written}" has no month ${a}: is it day first? (--day-first)` };
    }
    if (b > 12 && order === 'day-first') {
      return { problem: `"${written}" has no month ${b}: is it month first? (--month-first)` };
    }
    const dayFirst = a > 12 || (b <= 12 && order === 'day-first');
    const monthFirst = b > 12 || (a <= 12 && order === 'month-first');
    if (a !== b && !dayFirst && !monthFirst) {
      return {
        problem: `"${written}" could be day first or month first: say which with --day-first or --month-first`,
      };
    }
    return dayFirst || a === b ? dayDate(year, b, a, written) : dayDate(year, a, b, written);
  }
  if ((m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(s)) && monthOf(m[2]!)) {
    return dayDate(Number(m[3]), monthOf(m[2]!), Number(m[1]), written);
  }
  if ((m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(s)) && monthOf(m[1]!)) {
    return dayDate(Number(m[3]), monthOf(m[1]!), Number(m[2]), written);
  }
  if ((m = /^([A-Za-z]+\.?),? (\d{4})$/.exec(s)) && monthOf(m[1]!)) {
    return { date: `${m[2]}-${pad(monthOf(m[1]!))}`, precision: 'month' };
  }
  return { problem: `"${written}" is not a date this importer reads: ${EXPECTED}` };
}
