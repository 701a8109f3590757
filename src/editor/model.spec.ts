import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldOf, newId, setBody, setFront, splitMarkdown } from './model';

const chapter = readFileSync('geo/pakistan-russia/chapters/01-a-steel-mill.md', 'utf8');

describe('frontmatter edits', () => {
  it('change only the key edited, keeping the others as written', () => {
    const edited = setFront(chapter, { date: '1965/1986' });
    const [a, b] = [chapter.split('\n'), edited.split('\n')];
    expect(b.length).toBe(a.length);
    expect(a.filter((line, i) => line !== b[i])).toEqual(['date: 1965/1985']);
  });

  it('write lists in flow style and remove emptied keys', () => {
    const edited = setFront(chapter, { focus: ['pakistan-steel-mills'], notes: '' });
    expect(edited).toContain('focus: [pakistan-steel-mills]');
    expect(splitMarkdown(edited).front.notes).toBeUndefined();
    expect(splitMarkdown(edited).body).toBe(splitMarkdown(chapter).body);
  });

  it('start a frontmatter block on a file that has none', () => {
    const text = setFront('Some words.\n', { feature: 'uri', summary: 'An attack.' });
    expect(splitMarkdown(text)).toEqual({
      front: { feature: 'uri', summary: 'An attack.' },
      body: 'Some words.\n',
    });
  });

  it('replace the body only', () => {
    const edited = setBody(chapter, 'New text.\n');
    expect(splitMarkdown(edited).front).toEqual(splitMarkdown(chapter).front);
    expect(splitMarkdown(edited).body).toBe('New text.\n');
  });
});

describe('ids and fields', () => {
  it('make a slug from words, unused in the story', () => {
    expect(newId('Uri, Baramulla', new Set())).toBe('uri-baramulla');
    expect(newId('Zürich', new Set(['zurich']))).toBe('zurich-2');
    expect(newId('!!!', new Set())).toBe('event');
  });

  it('name the field a problem is about', () => {
    const p = (message: string, file = 'events.geojson') => ({
      file,
      feature: 'x',
      message,
      printed: '',
    });
    expect(fieldOf(p('properties.admin "Indai" is not a Natural Earth country name'))).toBe(
      'admin',
    );
    expect(
      fieldOf(
        p('the point [34, 74] is 4000 km outside India — longitude and latitude look swapped'),
      ),
    ).toBe('coordinates');
    expect(fieldOf(p('no narrative — add geo/x/narratives/x.md'))).toBe('narrative');
    expect(fieldOf(p('summary must not be empty', 'narratives/x.md'))).toBe('narrative');
  });
});
