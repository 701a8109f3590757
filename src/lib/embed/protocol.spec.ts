import { describe, expect, it } from 'vitest';
import { parseHostCommand } from './host-command';
import { isFeatureId, originAllowed, parseEmbedOptions } from './protocol';

describe('host commands', () => {
  it('accepts the four commands', () => {
    expect(parseHostCommand({ type: 'storymap:setChapter', chapter: 'the-route' })).toEqual({
      type: 'storymap:setChapter',
      chapter: 'the-route',
    });
    expect(parseHostCommand({ type: 'storymap:select', id: 'uri-attack-2016' })).toEqual({
      type: 'storymap:select',
      id: 'uri-attack-2016',
    });
    expect(parseHostCommand({ type: 'storymap:clear' })).toEqual({ type: 'storymap:clear' });
    expect(
      parseHostCommand({ type: 'storymap:setDateWindow', from: '2015', to: '2021-04' }),
    ).toEqual({
      type: 'storymap:setDateWindow',
      from: '2015',
      to: '2021-04',
    });
  });

  it.each([
    null,
    undefined,
    42,
    'storymap:select',
    [],
    {},
    { type: 'storymap:select' },
    { type: 'storymap:select', id: 'Uri Attack' },
    { type: 'storymap:select', id: 'x'.repeat(500) },
    { type: 'storymap:select', id: 'uri-attack-2016', extra: 1 },
    { type: 'storymap:setDateWindow', from: 'yesterday', to: '2021' },
    { type: 'storymap:setChapter' },
    { type: 'storymap:setChapter', chapter: '<b>route</b>' },
    { type: 'storymap:setChapter', chapter: 'the-route', id: 'x' },
    { type: 'storymap:eval', code: 'alert(1)' },
    { type: { toString: () => 'storymap:clear' } },
    JSON.parse('{"__proto__": {"type": "storymap:clear"}}'),
  ])('ignores a malformed message: %j', (data) => {
    expect(parseHostCommand(data)).toBeNull();
  });
});

describe('origin allowlist', () => {
  it('allows any origin without a list, only listed ones with one', () => {
    expect(originAllowed('https://news.example', undefined)).toBe(true);
    expect(originAllowed('https://news.example', ['https://news.example'])).toBe(true);
    expect(originAllowed('https://evil.example', ['https://news.example'])).toBe(false);
  });
});

describe('embed options', () => {
  it('defaults to interactive, with controls, following the reader’s theme', () => {
    expect(parseEmbedOptions('')).toEqual({
      interactive: true,
      controls: true,
      theme: null,
      chapter: null,
    });
  });

  it('reads interactive=0, controls=0 and theme', () => {
    expect(parseEmbedOptions('?interactive=0&controls=0&theme=dark')).toEqual({
      interactive: false,
      controls: false,
      theme: 'dark',
      chapter: null,
    });
    expect(parseEmbedOptions('?theme=purple').theme).toBeNull();
  });

  it('reads a chapter slug, and ignores anything that is not one', () => {
    expect(parseEmbedOptions('?chapter=the-route').chapter).toBe('the-route');
    expect(parseEmbedOptions('?chapter=The%20Route').chapter).toBeNull();
  });
});

describe('isFeatureId', () => {
  it('takes slugs up to 120 characters and nothing else', () => {
    expect(isFeatureId('uri-attack-2016')).toBe(true);
    expect(isFeatureId('a'.repeat(121))).toBe(false);
    for (const bad of ['Uri', 'uri--attack', '-uri', '', null, 42, '../x']) {
      expect(isFeatureId(bad), String(bad)).toBe(false);
    }
  });
});
