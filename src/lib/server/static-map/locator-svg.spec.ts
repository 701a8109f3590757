import path from 'node:path';
import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '$lib/server/basemap/natural-earth';
import { compileStory } from '$lib/server/story/compile';
import { chapterLocatorSvg, locatorSvg } from './locator-svg';

const story = compileStory(path.resolve('tests/fixtures/stories/two-ports')).story!;
const basemap = buildBasemap();
const svg = locatorSvg(story, basemap, { width: 800, height: 420 });

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

  it('draws the indicative route dashed, as the live map does, and the link solid', () => {
    expect(svg).toMatch(
      /<path d="M[^"]+" fill="none" stroke="[^"]+" stroke-width="4" stroke-linecap="butt" stroke-dasharray="8 4.8"><title>Makran Coastal Highway<\/title>/,
    );
    expect(svg).toMatch(
      /stroke-width="2" stroke-linecap="round"><title>Karachi and Gwadar<\/title>/,
    );
  });

  it('escapes text taken from the story', () => {
    const tricky = { ...story, meta: { ...story.meta, title: 'A <b>&</b> "B"' } };
    expect(locatorSvg(tricky, basemap)).toContain('A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;');
  });
});

describe('locatorSvg labels (the pakistan-russia story)', () => {
  const real = compileStory(path.resolve('geo/pakistan-russia')).story!;
  const doc = locatorSvg(real, basemap);
  /** Each place label with its box, estimated as the placement does (0.56 em per character). */
  const labels = [
    ...doc.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)"( text-anchor="(\w+)")? class="place[^"]*">([^<]+)<\/text>/g,
    ),
  ].map((m) => {
    const [x, y, anchor, text] = [Number(m[1]), Number(m[2]), m[4] ?? 'start', m[5]!];
    const w = text.length * 14 * 0.56;
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { text, left, right: left + w, top: y - 13, bottom: y + 3 };
  });

  it('labels the busy places', () => {
    expect(labels.map((l) => l.text).join(' | ')).toMatch(/Islamabad/);
    expect(labels.map((l) => l.text).join(' | ')).toMatch(/Moscow/);
  });

  it('never lets two labels overlap (the Islamabad clump, Karachi port over Port Qasim)', () => {
    const overlapping: string[] = [];
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
          overlapping.push(`${a.text} / ${b.text}`);
        }
      }
    }
    expect(overlapping).toEqual([]);
  });

  it('keeps every label and dot out of the title band', () => {
    for (const l of labels) expect(l.top, l.text).toBeGreaterThanOrEqual(44);
    for (const m of doc.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThan(44);
    }
  });
});

describe('chapter maps', () => {
  it('frames the chapter’s bounds, highlights its focus and leaves out what its window hides', () => {
    const svg = locatorSvg(story, basemap, {
      bounds: [61, 23, 68.5, 27],
      heading: '1. Two harbours',
      focus: ['karachi-port'],
      window: ['1850-01-01', '1900-12-31'],
    });
    expect(svg).toContain('>1. Two harbours</text>');
    // Karachi (1887) is in the window and in focus; Gwadar (2007) is not drawn at all.
    expect(svg.match(/<circle [^>]*><title>/g)).toHaveLength(1);
    expect(svg).toMatch(/<circle [^>]*fill="#ffc400"/);
    expect(svg).not.toContain('>Gwadar</text>');
  });
});

describe('locatorSvg with a legend band (the printed chapter maps)', () => {
  const plain = locatorSvg(story, buildBasemap(), { width: 800, height: 420 });
  const withLegend = locatorSvg(story, buildBasemap(), { width: 800, height: 420, legend: true });
  const legendTexts = [...withLegend.matchAll(/class="legend">([^<]+)</g)].map((m) => m[1]);

  it('adds a band under the map: the document grows, the map keeps its size', () => {
    const height = Number(/viewBox="0 0 800 (\d+)"/.exec(withLegend)![1]);
    expect(height).toBeGreaterThan(420 + 30);
    expect(plain).toContain('viewBox="0 0 800 420"');
  });

  it('lists what is drawn, and only that', () => {
    const categories = new Set(
      story.layers
        .filter((l) => l.meta.kind === 'events')
        .flatMap((l) => l.data.features.map((f) => f.properties.category)),
    );
    for (const category of categories) {
      expect(legendTexts).toContain(story.categories.find((c) => c.id === category)!.label);
    }
    expect(legendTexts).toContain('Ties: a great-circle arc between two places');
    expect(legendTexts).toContain(
      'Coastal road (dashed: an indicative line through published waypoints)',
    );
    // Nothing is in focus, so there is no highlight to explain.
    expect(legendTexts).not.toContain('In focus in this chapter');
    expect(plain).not.toContain('class="legend"');
  });

  it('draws a scale bar that measures the map: two ports the right distance apart', () => {
    const label = legendTexts.find((t) => /^\d[\d,]* km \(at \d+° [NS]\)$/.test(t!))!;
    const km = Number(label.split(' ')[0]!.replace(',', ''));
    const [x0, x1] = /<path d="M(\d+) \d+V[\d.]+H([\d.]+)V/.exec(withLegend)!.slice(1).map(Number);
    const kmPerPx = km / (x1! - x0!);
    // The two event dots, and the same two places on the ground (great-circle distance).
    const dots = [...withLegend.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="7\.\d+"/g)];
    const [[ax, ay], [bx, by]] = dots.map((m) => [Number(m[1]), Number(m[2])]) as [
      [number, number],
      [number, number],
    ];
    const points = story.layers
      .filter((l) => l.meta.kind === 'events')
      .flatMap((l) => l.data.features.map((f) => f.geometry.coordinates as [number, number]));
    const groundKm = geoDistance(points[0]!, points[1]!) * 6371.0088;
    expect(Math.hypot(bx - ax, by - ay) * kmPerPx).toBeGreaterThan(groundKm * 0.93);
    expect(Math.hypot(bx - ax, by - ay) * kmPerPx).toBeLessThan(groundKm * 1.07);
  });
});

describe('the static maps draw what the live map draws', () => {
  const rails = compileStory(path.resolve('tests/fixtures/stories/rivers-and-rails')).story!;
  const doc = locatorSvg(rails, basemap, { legend: true });
  const marker = (title: string) =>
    new RegExp(
      `<circle [^>]*fill="([^"]+)" stroke="([^"]+)" stroke-width="([\\d.]+)"[^>]*><title>${title}</title>`,
    ).exec(doc);

  it('draws approximate and placeholder events hollow, and exact ones filled', () => {
    const approximate = marker('A pumping station near Kasur')!;
    expect(approximate[1]).toBe('#ffffff');
    expect(approximate[3]).toBe('2.5');
    const exact = marker('A summit in Tashkent')!;
    expect(exact[2]).toBe('#ffffff');
    expect(exact[3]).toBe('1.5');
    expect(doc).toContain('>Approximate or symbolic location</text>');
  });

  it('draws a route that is not indicative solid, and says so in the legend', () => {
    expect(doc).toMatch(/stroke-linecap="round"><title>The frontier railway<\/title>/);
    expect(doc).not.toMatch(/stroke-dasharray="[^"]+"><title>The frontier railway/);
    expect(doc).toContain('>Railway (solid: a surveyed line)</text>');
    expect(doc).toContain(
      '>Gas pipeline (indicative route) (dashed: an indicative line through published waypoints)</text>',
    );
  });

  it('hides a connection whose events a chapter hides, and names a place a connection starts from', () => {
    const autumn = rails.chapters.find((c) => c.slug === 'an-autumn-in-kashmir')!;
    const map = chapterLocatorSvg(rails, basemap, autumn);
    expect(map).toContain('<title>From the Srinagar talks to the relief camp</title>');
    expect(map).not.toContain('<title>From the Karachi terminal to the Multan protocol</title>');
    const delhi = rails.chapters.find((c) => c.slug === 'from-delhi')!;
    expect(chapterLocatorSvg(rails, basemap, delhi)).toMatch(
      /class="place[^"]*">New Delhi<\/text>/,
    );
  });

  it('names the countries around the places', () => {
    const delhi = rails.chapters.find((c) => c.slug === 'from-delhi')!;
    const map = chapterLocatorSvg(rails, basemap, delhi);
    expect(map).toContain('class="country">AFGHANISTAN</text>');
    expect(map).toContain('class="country">PAKISTAN</text>');
  });

  it('has a dark twin in the dark map colours', () => {
    const dark = locatorSvg(rails, basemap, { theme: 'dark' });
    expect(dark).toContain('fill="#15212b"');
    expect(doc).not.toContain('fill="#15212b"');
  });
});
