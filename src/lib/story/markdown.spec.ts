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
