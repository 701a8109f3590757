import { describe, expect, it } from 'vitest';
import {
  defaultView,
  parseViewState,
  parseWindow,
  serializeViewState,
  type ViewContext,
} from './url-state';

const ctx: ViewContext = {
  ids: new Set(['uri-attack-2016', 'north-south-gas-pipeline']),
  toggles: ['pipeline', 'links', 'de-facto'],
  categories: ['energy', 'defence', 'diplomacy'],
  extent: ['1965-01-01', '2023-12-31'],
};

describe('url state', () => {
  it('reads an event, a date window, layers and categories', () => {
    const state = parseViewState(
      '?event=uri-attack-2016&date=2015/2021&layers=pipeline&categories=energy,defence',
      ctx,
    );
    expect(state).toEqual({
      event: 'uri-attack-2016',
      window: ['2015-01-01', '2021-12-31'],
      hiddenLayers: ['links', 'de-facto'],
      hiddenCategories: ['diplomacy'],
    });
  });

  it('round-trips through the query string', () => {
    const state = {
      event: 'north-south-gas-pipeline',
      window: ['2016-09-01', '2016-12-31'] as [string, string],
      hiddenLayers: ['de-facto'],
      hiddenCategories: ['energy' as const],
    };
    const search = serializeViewState(state, ctx);
    expect(search).toBe(
      '?event=north-south-gas-pipeline&date=2016-09-01/2016-12-31&layers=pipeline,links&categories=defence,diplomacy',
    );
    expect(parseViewState(search, ctx)).toEqual(state);
  });

  it('writes nothing for the default view', () => {
    expect(serializeViewState(defaultView(ctx), ctx)).toBe('');
  });

  it.each([
    '?event=no-such-event',
    '?date=2021/2015',
    '?date=2015-13/2021',
    '?date=yesterday',
    '?layers=pipeline,rivers',
    '?categories=sport',
    '?%E0%A4%A',
    '?event=<script>',
  ])('falls back to the default for a malformed part: %s', (search) => {
    expect(parseViewState(search, ctx)).toEqual(defaultView(ctx));
  });

  it('keeps the good parts of a partly malformed URL', () => {
    const state = parseViewState('?event=uri-attack-2016&date=nonsense', ctx);
    expect(state.event).toBe('uri-attack-2016');
    expect(state.window).toEqual(ctx.extent);
  });

  it('parses partial dates as the widest window they can mean', () => {
    expect(parseWindow('2016-09/2016-10')).toEqual(['2016-09-01', '2016-10-31']);
    expect(parseWindow('2016-02-30/2017')).toBeNull();
  });
});
