import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { compileStory } from '$lib/server/story/compile';
import { storyView } from '$lib/server/story/story-view';
import { disputedAreasIn } from './disputed';

const view = (dir: string) => storyView(compileStory(path.resolve(dir)).story!);

describe('disputed areas reach only the stories that reach them', () => {
  it('finds Kashmir for a South Asian view and nothing for the Baltic', () => {
    expect(disputedAreasIn([[28, 12, 82, 57]]).map((a) => a.toggle)).toEqual([
      'De facto boundaries (Kashmir)',
    ]);
    expect(disputedAreasIn([[8, 52, 32, 62]])).toEqual([]);
  });

  it('gives the first story its de facto toggle, legend and note, and a story elsewhere none', () => {
    expect(view('geo/pakistan-russia').deFacto?.toggle).toBe('De facto boundaries (Kashmir)');
    expect(view('tests/fixtures/stories/offshore-pipeline').deFacto).toBeNull();
  });
});
