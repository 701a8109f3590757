import type { DatePrecision } from './schema';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function parts(date: string): Parts {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month, day };
}

/** The precision a date string is written with: `2016` year, `2016-09` month, `2016-09-18` day. */
export function writtenPrecision(date: string): DatePrecision {
  const n = date.split('-').length;
  return n === 3 ? 'day' : n === 2 ? 'month' : 'year';
}

/**
 * Why a partial date is not a real calendar date, or null when it is.
 *
 * @example
 * dateProblem('2021-02-30') // 'there is no 30 February 2021'
 */
export function dateProblem(date: string): string | null {
  const { year, month, day } = parts(date);
  if (year < 1800 || year > 2100) return `the year ${year} is out of range (1800–2100)`;
  if (month !== undefined && (month < 1 || month > 12)) return `there is no month ${month}`;
  if (day !== undefined && month !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return `there is no ${day} ${MONTHS[month - 1]} ${year}`;
  }
  return null;
}

/** The first day a partial date can mean, as `YYYY-MM-DD`: a sort key and the start of a range. */
export function startOf(date: string): string {
  const { year, month = 1, day = 1 } = parts(date);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The last day a partial date can mean, as `YYYY-MM-DD`. */
export function endOf(date: string): string {
  const { year, month, day } = parts(date);
  if (month === undefined) return `${year}-12-31`;
  if (day === undefined) {
    return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function formatOne({ year, month, day }: Parts): string {
  if (month === undefined) return String(year);
  if (day === undefined) return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A date (or range) as a reader says it, never more precise than it is known.
 *
 * @example
 * formatDate('2016-10-15', '2016-10-16') // '15–16 October 2016'
 * formatDate('1996-07') // 'July 1996'
 */
export function formatDate(date: string, end?: string): string {
  const a = parts(date);
  if (!end) return formatOne(a);
  const b = parts(end);
  if (a.year === b.year && a.month === b.month && a.day !== undefined && b.day !== undefined) {
    return `${a.day}–${b.day} ${MONTHS[a.month! - 1]} ${a.year}`;
  }
  if (a.year === b.year && a.day !== undefined && b.day !== undefined) {
    return `${a.day} ${MONTHS[a.month! - 1]} – ${formatOne(b)}`;
  }
  return `${formatOne(a)} – ${formatOne(b)}`;
}
