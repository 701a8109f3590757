import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { scaleBar, withPngText } from './map-image';

describe('scaleBar', () => {
  it('picks the longest round distance that fits', () => {
    // 1 km a pixel: 120 px hold 120 km, so the bar is 100 km, 100 px wide.
    expect(scaleBar(1000)).toEqual({ label: '100 km', px: 100 });
    expect(scaleBar(3000)).toEqual({ label: '200 km', px: 200 / 3 });
    expect(scaleBar(2)).toMatchObject({ label: '200 m' });
  });
});

describe('withPngText', () => {
  it('adds text fields that keep the PNG valid', () => {
    const png = new PNG({ width: 2, height: 1 });
    png.data.fill(200);
    const bytes = PNG.sync.write(png);
    const out = withPngText(new Uint8Array(bytes), { Title: 'Pakistan – Russia', Copyright: 'x' });
    const text = Buffer.from(out).toString('latin1');
    expect(text).toContain('tEXtTitle\0Pakistan ? Russia');
    expect(text).toContain('tEXtCopyright\0x');
    // pngjs checks every chunk's CRC as it reads.
    const back = PNG.sync.read(Buffer.from(out));
    expect([back.width, back.height]).toEqual([2, 1]);
  });
});
