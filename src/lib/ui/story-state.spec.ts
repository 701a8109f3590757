import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '$lib/server/story/compile';
import { parseViewState } from '$lib/story/url-state';
import { storyView } from '$lib/server/story/story-view';
import { StoryState } from './story-state.svelte';

const view = storyView(compileStory(path.resolve('geo/pakistan-russia')).story!);
const fresh = () => new StoryState(view);

describe('story state: the camera', () => {
  it('asks the map to frame a feature the reader selects, with a new number each time', () => {
    const story = fresh();
    story.select('uri-attack-2016');
    expect(story.camera).toMatchObject({
      seq: 1,
      target: { type: 'feature', id: 'uri-attack-2016' },
      ifNeeded: false,
    });
    story.select('uri-attack-2016');
    expect(story.camera?.seq).toBe(2);
  });

  it('never moves the camera when the narrative closes or the filters change', () => {
    const story = fresh();
    story.select('uri-attack-2016');
    const request = story.camera;
    story.clear();
    story.toggleCategory('energy', false);
    story.setWindow(['2015-01-01', '2021-12-31']);
    story.toggleLayer('links', false);
    expect(story.camera).toBe(request);
  });

  it('a click on one feature selects it and moves the map only if it is not in view', () => {
    const story = fresh();
    story.pick(['brics-goa-2016'], { x: 10, y: 10 });
    expect(story.selected).toBe('brics-goa-2016');
    expect(story.readerSelected).toBe(true);
    expect(story.camera).toMatchObject({ target: { id: 'brics-goa-2016' }, ifNeeded: true });
  });

  it('a click on stacked features opens a chooser and moves nothing', () => {
    const story = fresh();
    story.pick(['aman-17', 'aman-21'], { x: 40, y: 50 });
    expect(story.choice).toEqual({ ids: ['aman-17', 'aman-21'], x: 40, y: 50 });
    expect(story.selected).toBeNull();
    expect(story.camera).toBeNull();
  });

  it('a recorded camera (map=) wins over framing the event on load', () => {
    const story = fresh();
    story.apply(parseViewState('?event=brics-goa-2016&map=4.5/30/70', story.context));
    expect(story.selected).toBe('brics-goa-2016');
    expect(story.camera).toMatchObject({
      target: { type: 'view', center: [70, 30], zoom: 4.5 },
      animate: false,
    });
  });

  it('Back to a view with neither event nor camera returns to the default camera', () => {
    const story = fresh();
    story.select('brics-goa-2016', { reader: true });
    story.apply(parseViewState('', story.context), { fromHistory: true });
    expect(story.selected).toBeNull();
    expect(story.camera).toMatchObject({
      target: { type: 'bounds', bounds: view.meta.camera.bounds },
    });
  });
});

describe('story state: filters and selection agree', () => {
  it('closes the narrative when the reader filters its feature away', () => {
    const story = fresh();
    story.select('uri-attack-2016');
    story.toggleCategory('security', false);
    expect(story.selected).toBeNull();
    story.select('north-south-gas-pipeline');
    story.setWindow(['1965-01-01', '1970-12-31']);
    expect(story.selected).toBeNull();
  });

  it('lets a selected feature through filters that would hide it (a link, a host command)', () => {
    const story = fresh();
    story.apply(parseViewState('?event=uri-attack-2016&date=1965/1970', story.context));
    expect(story.selected).toBe('uri-attack-2016');
    expect(story.window[0] <= '2016-09-18' && story.window[1] >= '2016-09-18').toBe(true);
    expect(story.isShown(story.selectedItem!)).toBe(true);

    const other = fresh();
    other.apply(parseViewState('?event=north-south-gas-pipeline&layers=links', other.context));
    expect(other.hiddenLayers).not.toContain('pipeline');
    expect(other.isShown(other.selectedItem!)).toBe(true);
  });

  it('a switched-off category hides routes and links too, and the count follows', () => {
    const story = fresh();
    const before = story.shownItems.length;
    story.toggleCategory('energy', false);
    const energy = view.items.filter((i) => i.category === 'energy');
    expect(story.shownItems.length).toBe(before - energy.length);
    expect(story.shownItems.some((i) => i.category === 'energy')).toBe(false);
    for (const c of story.context.categories) story.toggleCategory(c, false);
    expect(story.shownItems).toEqual([]);
    story.resetFilters();
    expect(story.shownItems.length).toBe(view.items.length);
  });
});
