import { describe, expect, it } from 'vitest';
import { sourceView } from './story-view';

describe('sourceView', () => {
  it('shows a plain URL as its host name, with no title', () => {
    expect(sourceView('https://www.dawn.com/news/1286616')).toEqual({
      url: 'https://www.dawn.com/news/1286616',
      outlet: 'dawn.com',
      secondary: false,
    });
  });

  it('keeps a citation and writes its date out', () => {
    expect(
      sourceView({
        url: 'https://tass.com/defense/901748',
        title: 'Russian unit arrives',
        outlet: 'TASS',
        date: '2016-09-23',
        secondary: true,
      }),
    ).toEqual({
      url: 'https://tass.com/defense/901748',
      title: 'Russian unit arrives',
      outlet: 'TASS',
      date: '2016-09-23',
      dateLabel: '23 September 2016',
      secondary: true,
    });
  });
});
