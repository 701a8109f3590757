import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { labelFont, siteLabelCharacters } from './label-font';

describe('the label font', () => {
  it('has a glyph for every character of every label the site draws, and only a part of the font', async () => {
    const font = await labelFont();
    const characters = siteLabelCharacters();
    // harfbuzz reads TrueType, not woff2: the same font, unpacked (subset to the same characters).
    const sfnt = await subsetFont(font, characters, { targetFormat: 'truetype' });
    const covered = new Set(new Face(new Blob(new Uint8Array(sfnt))).collectUnicodes());
    const missing = [...characters].filter((c) => !covered.has(c.codePointAt(0)!));
    expect(missing).toEqual([]);
    expect(characters).toContain('Ü');
    expect(font.length).toBeLessThan(10_000);
  }, 60_000);
});
