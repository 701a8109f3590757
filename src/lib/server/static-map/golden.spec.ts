/**
 * Golden files of the static maps, as Turf keeps them: each fixture map is compared, element by
 * element, with `tests/fixtures/golden/<name>.txt`. The comparison reads the SVG's structure
 * (each element with its attributes sorted, numbers rounded, and its text), not its bytes, so
 * attribute order and float noise never fail it. `REGEN=1 npm run test:unit` rewrites the files
 * after a change that is meant; the diff then shows what changed on the map.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '$lib/server/basemap/natural-earth';
import { compileStory } from '$lib/server/story/compile';
import { chapterLocatorSvg, locatorSvg } from './locator-svg';

const basemap = buildBasemap();
const fixture = (slug: string) => compileStory(path.resolve('tests/fixtures/stories', slug)).story!;

/** The SVG as lines: one element (tag, sorted attributes) or one text per line. */
export function svgStructure(svg: string): string[] {
  const round = (v: string) =>
    v.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  const lines: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)\/?>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      const text = m[4].trim();
      if (text) lines.push(`  "${round(text).replace(/\s+/g, ' ')}"`);
      continue;
    }
    if (m[1]) continue;
    const attributes = [...m[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)]
      .map(([, name, value]) => `${name}=${round(value!)}`)
      .sort();
    lines.push([m[2], ...attributes].join(' '));
  }
  return lines;
}

const rails = fixture('rivers-and-rails');
const CASES: [name: string, svg: () => string][] = [
  ['two-ports-map', () => locatorSvg(fixture('two-ports'), basemap)],
  ['rivers-and-rails-map-dark', () => locatorSvg(rails, basemap, { theme: 'dark' })],
  [
    'rivers-and-rails-chapter-an-autumn-in-kashmir',
    () =>
      chapterLocatorSvg(
        rails,
        basemap,
        rails.chapters.find((c) => c.slug === 'an-autumn-in-kashmir')!,
      ),
  ],
  [
    'rivers-and-rails-chapter-the-line',
    () =>
      chapterLocatorSvg(
        rails,
        basemap,
        rails.chapters.find((c) => c.slug === 'the-line')!,
      ),
  ],
];

describe('the static maps match their golden files', () => {
  for (const [name, svg] of CASES) {
    it(name, () => {
      const file = path.resolve('tests/fixtures/golden', `${name}.txt`);
      const structure = svgStructure(svg());
      if (process.env.REGEN === '1' || !existsSync(file)) {
        writeFileSync(file, `${structure.join('\n')}\n`);
      }
      const golden = readFileSync(file, 'utf8').trimEnd().split('\n');
      const first = structure.findIndex((line, i) => line !== golden[i]);
      expect(
        first < 0 && structure.length === golden.length
          ? null
          : `line ${first + 1}: ${golden[first] ?? '(end)'} → ${structure[first] ?? '(end)'}`,
        `${name} differs from tests/fixtures/golden/${name}.txt (REGEN=1 rewrites it)`,
      ).toBeNull();
    });
  }

  it('compares structure, not attribute order', () => {
    expect(svgStructure('<circle r="2" cx="1.04"/>')).toEqual(
      svgStructure('<circle cx="1" r="2"/>'),
    );
    expect(svgStructure('<circle r="2" cx="1"/>')).not.toEqual(
      svgStructure('<circle cx="1" r="3"/>'),
    );
  });
});
