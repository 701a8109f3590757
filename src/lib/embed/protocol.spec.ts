import { describe, expect, it } from 'vitest';
import { originAllowed, parseEmbedOptions, parseHostCommand } from './protocol';

describe('host commands', () => {
  it('accepts the three commands', () => {
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
    expect(parseEmbedOptions('')).toEqual({ interactive: true, controls: true, theme: null });
  });

  it('reads interactive=0, controls=0 and theme', () => {
    expect(parseEmbedOptions('?interactive=0&controls=0&theme=dark')).toEqual({
      interactive: false,
      controls: false,
      theme: 'dark',
    });
    expect(parseEmbedOptions('?theme=purple').theme).toBeNull();
  });
});
