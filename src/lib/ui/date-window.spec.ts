import { describe, expect, it } from 'vitest';
import { moveBound, windowLabel, windowPrecision, withYear } from './date-window';

const YEARS: [number, number] = [1965, 2021];

describe('windowLabel', () => {
  it('writes whole years, months and days as they are', () => {
    expect(windowLabel(['2015-01-01', '2021-12-31'])).toBe('2015–2021');
    expect(windowLabel(['2021-01-01', '2021-12-31'])).toBe('2021');
    expect(windowLabel(['2016-10-01', '2016-10-31'])).toBe('October 2016');
    expect(windowLabel(['2015-10-01', '2016-10-31'])).toBe('October 2015 – October 2016');
    expect(windowLabel(['2016-10-15', '2016-10-16'])).toBe('15–16 October 2016');
    expect(windowLabel(['2016-02-01', '2016-02-29'])).toBe('February 2016');
  });
  it('does not call a window ending mid-month a month window', () => {
    expect(windowPrecision(['2016-10-01', '2016-10-30'])).toBe('day');
  });
});

describe('withYear', () => {
  it('keeps the month and day, and a month end stays a month end', () => {
    expect(withYear('2016-10-01', 2015)).toBe('2015-10-01');
    expect(withYear('2016-02-29', 2015)).toBe('2015-02-28');
    expect(withYear('2015-02-28', 2016)).toBe('2016-02-29');
  });
});

describe('moveBound', () => {
  it('moves one end by whole years, keeping its month', () => {
    expect(moveBound(['2016-10-01', '2016-10-31'], 'from', 2015, YEARS)).toEqual([
      '2015-10-01',
      '2016-10-31',
    ]);
  });
  it('stops an end at the other one', () => {
    expect(moveBound(['2021-01-01', '2021-12-31'], 'to', 1965, YEARS)).toEqual([
      '2021-01-01',
      '2021-12-31',
    ]);
    expect(moveBound(['1965-01-01', '2016-10-31'], 'from', 2021, YEARS)).toEqual([
      '2016-10-01',
      '2016-10-31',
    ]);
  });
  it('keeps ends within the story years', () => {
    expect(moveBound(['2030-01-01', '2040-12-31'], 'from', 2029, YEARS)).toEqual([
      '2021-01-01',
      '2040-12-31',
    ]);
    expect(moveBound(['1965-01-01', '2021-12-31'], 'to', 2050, YEARS)).toEqual([
      '1965-01-01',
      '2021-12-31',
    ]);
  });
});
