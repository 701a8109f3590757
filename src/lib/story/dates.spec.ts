import { describe, expect, it } from 'vitest';
import { dateProblem, endOf, formatDate, startOf, writtenPrecision } from './dates';

describe('dates', () => {
  it('knows the precision a date is written with', () => {
    expect(writtenPrecision('2016')).toBe('year');
    expect(writtenPrecision('1996-07')).toBe('month');
    expect(writtenPrecision('2016-09-18')).toBe('day');
  });

  it('rejects dates that are not on the calendar', () => {
    expect(dateProblem('2021-02-30')).toMatch(/no 30 February 2021/);
    expect(dateProblem('2021-13')).toMatch(/no month 13/);
    expect(dateProblem('2020-02-29')).toBeNull();
    expect(dateProblem('1965-06-05')).toBeNull();
  });

  it('gives the first and last day a partial date can mean', () => {
    expect(startOf('1996-07')).toBe('1996-07-01');
    expect(endOf('1996-07')).toBe('1996-07-31');
    expect(endOf('2016')).toBe('2016-12-31');
    expect(endOf('2020-02')).toBe('2020-02-29');
  });

  it('formats dates no more precisely than they are known', () => {
    expect(formatDate('1996-07')).toBe('July 1996');
    expect(formatDate('2015')).toBe('2015');
    expect(formatDate('2016-10-15', '2016-10-16')).toBe('15–16 October 2016');
    expect(formatDate('2016-09-24', '2016-10-10')).toBe('24 September – 10 October 2016');
    expect(formatDate('2015-10-16', '2021-05-28')).toBe('16 October 2015 – 28 May 2021');
  });
});
