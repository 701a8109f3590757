/**
 * The editorial checks of the Pakistan–Russia story (geo/pakistan-russia): what its chapters must
 * cover. They belong to the story, not to the code: editing the story may mean editing these, and
 * no code test depends on that story.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '../../src/lib/server/story/compile';

describe('the pakistan-russia chapters', () => {
  const story = compileStory(path.resolve('geo/pakistan-russia')).story!;

  it('tell the story in 8 to 12 chapters, each with speaker notes', () => {
    expect(story.chapters.length).toBeGreaterThanOrEqual(8);
    expect(story.chapters.length).toBeLessThanOrEqual(12);
    for (const c of story.chapters) expect(c.notes, c.slug).toBeTruthy();
  });

  it('together focus on the pipeline, Uri, Amritsar, Goa, Istanbul and Moscow, and draw the pipeline', () => {
    const focus = new Set(story.chapters.flatMap((c) => c.focus));
    for (const id of [
      'north-south-gas-pipeline',
      'uri-attack-2016',
      'heart-of-asia-amritsar-2016',
      'brics-goa-2016',
      'istanbul-afghan-conference-2021',
      'moscow-afghan-conference-2021',
    ]) {
      expect(focus, id).toContain(id);
    }
    expect(story.chapters.find((c) => c.draw)?.draw).toEqual({
      route: 'north-south-gas-pipeline',
      from: 0,
      to: 1,
    });
  });
});
