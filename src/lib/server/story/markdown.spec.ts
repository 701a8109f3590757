import { describe, expect, it } from 'vitest';
import { mentionedIds, renderNarrative, splitFrontmatter, unsafeContent } from './markdown';

describe('narrative markdown', () => {
  it('splits frontmatter from the body', () => {
    const { frontmatter, body } = splitFrontmatter(
      '---\nfeature: a\nsummary: "B: c"\n---\n\nText.\n',
    );
    expect(frontmatter).toEqual({ feature: 'a', summary: 'B: c' });
    expect(body).toBe('Text.');
  });

  it('explains a missing or broken frontmatter block', () => {
    expect(() => splitFrontmatter('Just text')).toThrow(/frontmatter block/);
    expect(() => splitFrontmatter('---\nfeature: [a\n---\nx')).toThrow(/not valid YAML/);
  });

  it('flags scripts, event handlers and javascript: links', () => {
    expect(unsafeContent('Hi <script>alert(1)</script>')).toHaveLength(1);
    expect(unsafeContent('<img src=x onerror="alert(1)">')[0]).toMatch(/event-handler/);
    expect(unsafeContent('[x](javascript:alert(1))')[0]).toMatch(/javascript:/);
    expect(unsafeContent('A plain [link](https://example.org).')).toEqual([]);
  });

  it('finds mentions of other features', () => {
    expect(mentionedIds('See [Uri](#uri-attack-2016) and [x](https://a.b/#c).')).toEqual([
      'uri-attack-2016',
    ]);
  });

  it('renders mentions as feature links and strips anything unsafe', () => {
    const html = renderNarrative(
      'See [Uri](#uri-attack-2016) and [src](https://example.org).\n\n<iframe src="x"></iframe>',
    );
    expect(html).toContain('<a href="#uri-attack-2016" data-feature="uri-attack-2016">Uri</a>');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).not.toContain('iframe');
    expect(renderNarrative('<a href="javascript:alert(1)">x</a>')).not.toContain('javascript');
  });

  it('opens external links in a new tab and keeps mentions in place', () => {
    const html = renderNarrative('See [Uri](#uri-attack-2016) and [Dawn](https://dawn.example/a).');
    expect(html).toContain(
      '<a href="https://dawn.example/a" target="_blank" rel="noopener noreferrer">Dawn</a>',
    );
    // A mention selects a feature on the same page: no new tab.
    expect(html).toContain('<a href="#uri-attack-2016" data-feature="uri-attack-2016">Uri</a>');
    // An author cannot send a link elsewhere by writing their own target.
    expect(renderNarrative('<a href="https://a.example" target="_top">x</a>')).toContain(
      'target="_blank"',
    );
  });
});

describe('what the sanitizer would remove is reported, never dropped silently', () => {
  const cases: [string, string, RegExp][] = [
    ['an iframe', '<iframe src="https://example.org"></iframe>', /embedded frame \(<iframe>\)/],
    ['a style block', 'Text.\n\n<style>p { display: none }</style>', /<style> block/],
    ['a form', '<form action="https://x.example"><input name="q"></form>', /a form \(<form>\)/],
    ['an external image', '![map](https://example.org/map.png)', /an image \(<img>\)/],
    ['a heading', '# Big title', /a heading/],
    ['an inline style', '<p style="color:red">x</p>', /attribute style="color:red" on <p>/],
    [
      'an entity-encoded javascript: link',
      '<a href="&#106;avascript&#58;alert(1)">x</a>',
      /javascript: link/,
    ],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /a data: link/],
  ];
  for (const [what, body, message] of cases) {
    it(`reports ${what}`, () => {
      const found = unsafeContent(body);
      expect(found.join('\n')).toMatch(message);
      expect(found.every((f) => / — /.test(f))).toBe(true);
    });
  }

  it('accepts what the allowlist keeps: emphasis, lists, quotes, code and links', () => {
    const body =
      'A *b* **c** `d` [e](https://example.org) [f](#karachi-port)\n\n- g\n- h\n\n> i\n\n1. j';
    expect(unsafeContent(body)).toEqual([]);
  });
});
