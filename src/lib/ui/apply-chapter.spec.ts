import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '$lib/server/story/compile';
import { storyView } from '$lib/server/story/story-view';
import { applyChapter } from './apply-chapter';
import { StoryState } from './story-state.svelte';

const view = storyView(compileStory(path.resolve('tests/fixtures/stories/two-ports')).story!);
const [harbours, road] = view.chapters;
const opening = { type: 'bounds' as const, bounds: view.meta.camera.bounds };

describe('applyChapter', () => {
  it('sets the window, hides the layers and categories the chapter leaves out, and moves the camera', () => {
    const story = new StoryState(view);
    story.select('sister-ports');
    applyChapter(story, harbours!, opening);
    expect(story.selected).toBeNull();
    expect(story.window).toEqual(['1850-01-01', '2024-12-31']);
    // layers: [ports, ties] — the road is off. (The fixture lies far from Kashmir: it has no de
    // facto lines to switch.)
    expect(story.hiddenLayers).toEqual(['road']);
    expect(story.hiddenCategories).toEqual([]);
    expect(story.camera?.target).toEqual(harbours!.camera);
    expect(story.camera?.animate).toBe(true);
  });

  it('each chapter is a new camera request; null goes back to the opening view, all shown', () => {
    const story = new StoryState(view);
    applyChapter(story, road!, opening, { animate: false });
    const first = story.camera!.seq;
    expect(story.camera).toMatchObject({ animate: false, target: { type: 'view', zoom: 5.3 } });
    expect(story.hiddenCategories).toEqual([]); // economy is the only category used
    applyChapter(story, null, opening);
    expect(story.camera!.seq).toBe(first + 1);
    expect(story.camera!.target).toEqual(opening);
    expect(story.window).toEqual(view.extent);
    expect(story.hiddenLayers).toEqual([]);
  });
});
