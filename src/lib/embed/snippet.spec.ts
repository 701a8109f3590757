import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl } from './snippet';

describe('embed snippet', () => {
  const base = { siteUrl: 'https://maps.example/', story: 'pakistan-russia', title: 'A "map"' };

  it('points the iframe at the embed with its options, and loads the host script', () => {
    const params = new URLSearchParams({
      event: 'uri-attack-2016',
      date: '2015/2021',
      layers: 'pipeline,links',
    });
    expect(embedUrl({ ...base, params })).toBe(
      'https://maps.example/pakistan-russia/embed/?event=uri-attack-2016&date=2015/2021&layers=pipeline,links',
    );
    const html = embedSnippet({ ...base, params, width: '600px', height: 500 });
    expect(html).toBe(
      '<iframe data-storymap src="https://maps.example/pakistan-russia/embed/?event=uri-attack-2016&amp;date=2015/2021&amp;layers=pipeline,links" ' +
        'title="Map: A &quot;map&quot;" style="width: 600px; height: 500px; border: 0;" loading="lazy"></iframe>\n' +
        '<script src="https://maps.example/embed.js" defer></script>',
    );
  });

  it('has no query string without options', () => {
    expect(embedUrl(base)).toBe('https://maps.example/pakistan-russia/embed/');
  });
});
