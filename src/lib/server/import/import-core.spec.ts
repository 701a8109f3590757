import { describe, expect, it } from 'vitest';
import { ColumnError, findColumns, parseColumnOption } from './columns';
import { parseTypedDate } from './typed-dates';

describe('typed dates', () => {
  it.each([
    ['2016-09-18', '2016-09-18', 'day'],
    ['2016-9-8', '2016-09-08', 'day'],
    ['2016-09', '2016-09', 'month'],
    ['2016', '2016', 'year'],
    ['18 September 2016', '2016-09-18', 'day'],
    ['September 18, 2016', '2016-09-18', 'day'],
    ['September 2016', '2016-09', 'month'],
    ['Sept. 2016', '2016-09', 'month'],
    ['18/09/2016', '2016-09-18', 'day'],
    ['18.09.2016', '2016-09-18', 'day'],
    ['05/05/2016', '2016-05-05', 'day'],
  ])('reads %s', (written, date, precision) => {
    expect(parseTypedDate(written)).toEqual({ date, precision });
  });

  it('reads 05/06/2016 in the order the author gives, and asks for it otherwise', () => {
    expect(parseTypedDate('05/06/2016', 'day-first')).toEqual({
      date: '2016-06-05',
      precision: 'day',
    });
    expect(parseTypedDate('05/06/2016', 'month-first')).toEqual({
      date: '2016-05-06',
      precision: 'day',
    });
    expect(parseTypedDate('05/06/2016')).toEqual({ problem: expect.stringMatching(/--day-first/) });
  });

  it('names what is wrong, never guesses', () => {
    expect(parseTypedDate('31/02/2016', 'day-first')).toEqual({
      problem: '"31/02/2016" is no date of the calendar',
    });
    expect(parseTypedDate('18/09/2016', 'month-first')).toEqual({
      problem: expect.stringMatching(/no month 18: is it day first/),
    });
    expect(parseTypedDate('2016-13')).toEqual({ problem: expect.stringMatching(/no month 13/) });
    expect(parseTypedDate('last autumn')).toEqual({
      problem: expect.stringMatching(/^"last autumn" is not a date .*2016-09-18/),
    });
    expect(parseTypedDate(' ')).toEqual({ problem: 'no date' });
  });
});

describe('columns found by name', () => {
  it('finds columns case- and accent-insensitively, every source column, and what is left', () => {
    const headers = [
      'Título',
      'DATE',
      'Place',
      'Country',
      'Latitude',
      'LNG',
      'Source 1',
      'source 2',
      'Notes',
      'Extra',
    ];
    const { at, sources, unused } = findColumns(
      headers,
      parseColumnOption('title=Titulo', headers),
    );
    expect(at).toMatchObject({
      title: 0,
      date: 1,
      place: 2,
      country: 3,
      lat: 4,
      lon: 5,
      description: 8,
    });
    expect(sources).toEqual([6, 7]);
    expect(unused).toEqual(['Extra']);
  });

  it('names an unknown property or a missing header in --columns', () => {
    expect(() => parseColumnOption('headline=Title', ['Title'])).toThrow(ColumnError);
    expect(() => parseColumnOption('headline=Title', ['Title'])).toThrow(
      /is no property; use one of id, title/,
    );
    expect(() => parseColumnOption('title=Headline', ['Title', 'When'])).toThrow(
      /no column "Headline"; its columns are "Title", "When"/,
    );
  });
});
