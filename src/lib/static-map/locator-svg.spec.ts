import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '$lib/basemap/natural-earth';
import { compileStory } from '$lib/story/compile';
import { locatorSvg } from './locator-svg';

const story = compileStory(path.resolve('tests/fixtures/stories/two-ports')).story!;
const svg = locatorSvg(story, buildBasemap(), { width: 800, height: 420 });

describe('locatorSvg', () => {
  it('is an SVG document of the requested size with the story title', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 800 420"/);
    expect(svg).toContain('<title id="title">Two ports (test fixture): locator map</title>');
  });

  it('draws one dot per event inside the frame, and labels each place once', () => {
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('>Karachi</text>');
    expect(svg).toContain('>Gwadar</text>');
  });

  it('draws the route dashed and the link solid', () => {
    expect(svg).toMatch(
      /<path d="M[^"]+" fill="none" stroke="[^"]+" stroke-width="4" stroke-linecap="round" stroke-dasharray="8 5"><title>Makran Coastal Highway<\/title>/,
    );
    expect(svg).toMatch(
      /stroke-width="2" stroke-linecap="round"><title>Karachi and Gwadar<\/title>/,
    );
  });

  it('escapes text taken from the story', () => {
    const tricky = { ...story, meta: { ...story.meta, title: 'A <b>&</b> "B"' } };
    expect(locatorSvg(tricky, buildBasemap())).toContain(
      'A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;',
    );
  });
});
