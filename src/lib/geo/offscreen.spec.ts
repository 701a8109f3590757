import { describe, expect, it } from 'vitest';
import { offscreenGroups } from './offscreen';

describe('offscreenGroups', () => {
  const view: [number, number, number, number] = [60, 20, 80, 40];

  it('leaves out points in view and groups the rest by the edge or corner they lie beyond', () => {
    const groups = offscreenGroups(
      [
        { id: 'islamabad', at: [73, 33.7] },
        { id: 'washington', at: [-77, 38.9] },
        { id: 'moscow', at: [37.6, 55.8] },
        { id: 'st-petersburg', at: [30.3, 59.9] },
        { id: 'tokyo', at: [139.7, 35.7] },
        { id: 'north', at: [70, 50] },
      ],
      view,
    );
    expect(groups).toEqual([
      { direction: 'n', ids: ['north'], bounds: [70, 50, 70, 50] },
      { direction: 'e', ids: ['tokyo'], bounds: [139.7, 35.7, 139.7, 35.7] },
      { direction: 'w', ids: ['washington'], bounds: [-77, 38.9, -77, 38.9] },
      { direction: 'nw', ids: ['moscow', 'st-petersburg'], bounds: [30.3, 55.8, 37.6, 59.9] },
    ]);
  });

  it('is empty when everything is in view', () => {
    expect(offscreenGroups([{ id: 'a', at: [70, 30] }], view)).toEqual([]);
  });
});
