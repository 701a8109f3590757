/**
 * The date window as the timeline shows and moves it: a label at the precision the window is
 * written with, and thumbs that move by whole years while keeping their month and day.
 */
import { endOf, formatDate } from '$lib/story/dates';
import type { DateWindow } from '$lib/story/url-state';

export type WindowPrecision = 'year' | 'month' | 'day';

const isMonthEnd = (date: string) => endOf(date.slice(0, 7)) === date;

/**
 * Whole years, whole months, or days.
 *
 * @example
 * windowPrecision(['2016-10-01', '2016-10-31']) // 'month'
 */
export function windowPrecision([from, to]: DateWindow): WindowPrecision {
  if (from.endsWith('-01-01') && to.endsWith('-12-31')) return 'year';
  if (from.endsWith('-01') && isMonthEnd(to)) return 'month';
  return 'day';
}

/** One end of a window, written at the window's precision. */
export function boundLabel(date: string, precision: WindowPrecision): string {
  if (precision === 'year') return date.slice(0, 4);
  return formatDate(precision === 'month' ? date.slice(0, 7) : date);
}

/**
 * The window as a reader says it, never rounder than it is.
 *
 * @example
 * windowLabel(['2015-01-01', '2021-12-31']) // '2015–2021'
 * windowLabel(['2016-10-01', '2016-10-31']) // 'October 2016'
 * windowLabel(['2015-10-01', '2016-10-31']) // 'October 2015 – October 2016'
 */
export function windowLabel(window: DateWindow): string {
  const precision = windowPrecision(window);
  const [from, to] = window.map((d) => boundLabel(d, precision)) as [string, string];
  if (from === to) return from;
  if (precision === 'day') return formatDate(window[0], window[1]);
  return precision === 'year' ? `${from}–${to}` : `${from} – ${to}`;
}

/**
 * The same day (or the same month's end) in another year.
 *
 * @example
 * withYear('2016-10-01', 2015) // '2015-10-01'
 * withYear('2015-02-28', 2016) // '2016-02-29'
 */
export function withYear(date: string, year: number): string {
  const month = date.slice(5, 7);
  return isMonthEnd(date) ? endOf(`${year}-${month}`) : `${year}-${date.slice(5)}`;
}

/**
 * Moves one end of the window to another year, within the years the story covers. An end never
 * passes the other: it stops at the start (or end) of the other end's year, month or day.
 *
 * @example
 * moveBound(['1965-01-01', '2021-12-31'], 'from', 2030, [1965, 2021]) // ['2021-01-01', '2021-12-31']
 */
export function moveBound(
  window: DateWindow,
  end: 'from' | 'to',
  year: number,
  [minYear, maxYear]: [number, number],
): DateWindow {
  const precision = windowPrecision(window);
  const y = Math.max(minYear, Math.min(maxYear, year));
  const [from, to] = window;
  if (end === 'from') {
    const moved = withYear(from, y);
    return [moved <= to ? moved : periodStart(to, precision), to];
  }
  const moved = withYear(to, y);
  return [from, moved >= from ? moved : periodEnd(from, precision)];
}

function periodStart(date: string, precision: WindowPrecision): string {
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  return precision === 'month' ? `${date.slice(0, 7)}-01` : date;
}

function periodEnd(date: string, precision: WindowPrecision): string {
  if (precision === 'year') return `${date.slice(0, 4)}-12-31`;
  return precision === 'month' ? endOf(date.slice(0, 7)) : date;
}
