import { describe, expect, it } from 'vitest';
import { frameCamera, inClearArea, toScreen, type Frame, type KeepPoint } from './frame';
import { metresPerPixel, project, unproject } from './mercator';
import { clearInsets, NO_INSETS } from '$lib/map/clear-area';

const room = { top: 16, right: 90, bottom: 16, left: 16 };
const MOSCOW: KeepPoint = { at: [37.6173, 55.7558], room };
const ISLAMABAD: KeepPoint = { at: [73.0479, 33.6844], room };

describe('Web Mercator', () => {
  it('projects and unprojects, and gives ground metres per pixel', () => {
    const back = unproject(project([73.05, 33.68], 4), 4);
    expect(back[0]).toBeCloseTo(73.05, 6);
    expect(back[1]).toBeCloseTo(33.68, 6);
    expect(metresPerPixel(60, 3)).toBeCloseTo(metresPerPixel(0, 3) / 2, 3);
  });
});

describe('frameCamera', () => {
  const laptop: Frame = {
    width: 1280,
    height: 800,
    insets: { top: 90, right: 60, bottom: 60, left: 60 },
    maxZoom: 9,
  };
  const phone: Frame = {
    width: 375,
    height: 300,
    insets: { top: 72, right: 56, bottom: 28, left: 28 },
    maxZoom: 9,
  };

  it('keeps a centre-and-zoom camera whose focus fits, centred in the clear area', () => {
    const camera = frameCamera(
      { type: 'view', center: [55, 44], zoom: 3.1 },
      [MOSCOW, ISLAMABAD],
      laptop,
    );
    expect(camera.zoom).toBe(3.1);
    for (const p of [MOSCOW, ISLAMABAD]) expect(inClearArea(p, camera, laptop)).toBe(true);
  });

  it('widens the same camera on a phone, where the fixed zoom cannot show both ends', () => {
    const fixed = { center: [55, 44] as [number, number], zoom: 3.1 };
    expect([MOSCOW, ISLAMABAD].every((p) => inClearArea(p, fixed, phone))).toBe(false);
    const camera = frameCamera({ type: 'view', ...fixed }, [MOSCOW, ISLAMABAD], phone);
    expect(camera.zoom).toBeLessThan(3.1);
    for (const p of [MOSCOW, ISLAMABAD]) expect(inClearArea(p, camera, phone)).toBe(true);
  });

  it('fits bounds and the labels beside their points into the clear area', () => {
    const camera = frameCamera({ type: 'bounds', bounds: [60, 20, 80, 40] }, [ISLAMABAD], laptop);
    expect(inClearArea(ISLAMABAD, camera, laptop)).toBe(true);
    const [x] = toScreen([80, 30], camera, laptop);
    expect(x).toBeLessThanOrEqual(laptop.width - laptop.insets.right + 0.5);
  });

  it('puts a shared camera (not padded) in the map’s middle', () => {
    const camera = frameCamera(
      { type: 'view', center: [70, 30], zoom: 5, padded: false },
      [],
      laptop,
    );
    expect(camera).toEqual({ center: [70, 30], zoom: 5 });
  });
});

describe('clearInsets', () => {
  const map = { x: 0, y: 0, width: 1000, height: 600 };
  it('gives a corner box a band along the top, a card down the left side a band on the left', () => {
    expect(clearInsets(map, [{ x: 880, y: 10, width: 110, height: 50 }], NO_INSETS)).toEqual({
      ...NO_INSETS,
      top: 60,
    });
    expect(clearInsets(map, [{ x: 20, y: 20, width: 400, height: 540 }], NO_INSETS)).toEqual({
      ...NO_INSETS,
      left: 420,
    });
  });
  it('ignores what lies off the map or already in a band', () => {
    expect(clearInsets(map, [{ x: 1200, y: 10, width: 50, height: 50 }], NO_INSETS)).toEqual(
      NO_INSETS,
    );
    const top = { ...NO_INSETS, top: 80 };
    expect(clearInsets(map, [{ x: 500, y: 10, width: 50, height: 50 }], top)).toEqual(top);
  });
});
