import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '$lib/server/story/compile';
import { storyView } from '$lib/server/story/story-view';
import {
  keyAction,
  parsePresentMessage,
  slideFromHash,
  slidePosition,
  slidesOf,
  slideText,
} from './slides';

const view = storyView(
  compileStory(path.resolve('tests/fixtures/stories/rivers-and-rails')).story!,
);
const slides = slidesOf(view);

describe('slides', () => {
  it('are a title slide, one per chapter, and a closing slide', () => {
    expect(slides.length).toBe(view.chapters.length + 2);
    expect(slides[0]!.kind).toBe('title');
    expect(slides.at(-1)!.kind).toBe('end');
    expect(slides.slice(1, -1).map((s) => s.slug)).toEqual(view.chapters.map((c) => c.slug));
  });

  it('are named in the URL by number or by slug; anything else names none', () => {
    expect(slideFromHash('#1', slides)).toBe(0);
    expect(slideFromHash(`#${slides.length}`, slides)).toBe(slides.length - 1);
    expect(slideFromHash(`#${view.chapters[2]!.slug}`, slides)).toBe(3);
    expect(slideFromHash('#end', slides)).toBe(slides.length - 1);
    for (const bad of ['', '#0', `#${slides.length + 1}`, '#nope', '#-1', '#2.5']) {
      expect(slideFromHash(bad, slides), bad).toBeNull();
    }
  });
});

describe('keys', () => {
  const n = 10;
  it('move forward and back as slide tools do, clickers included, and stop at the ends', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown']) {
      expect(keyAction(key, 3, n, '')).toEqual({ type: 'go', to: 4 });
    }
    for (const key of ['ArrowLeft', 'PageUp']) {
      expect(keyAction(key, 3, n, '')).toEqual({ type: 'go', to: 2 });
    }
    expect(keyAction('ArrowRight', 9, n, '')).toEqual({ type: 'go', to: 9 });
    expect(keyAction('ArrowLeft', 0, n, '')).toEqual({ type: 'go', to: 0 });
    expect(keyAction('Home', 5, n, '')).toEqual({ type: 'go', to: 0 });
    expect(keyAction('End', 5, n, '')).toEqual({ type: 'go', to: 9 });
  });

  it('jump to a typed number on Enter, clamped to the show', () => {
    expect(keyAction('7', 0, n, '')).toEqual({ type: 'digit', digit: '7' });
    expect(keyAction('Enter', 0, n, '7')).toEqual({ type: 'go', to: 6 });
    expect(keyAction('Enter', 0, n, '42')).toEqual({ type: 'go', to: 9 });
    expect(keyAction('Enter', 4, n, '')).toBeNull();
  });

  it('blank, fullscreen, help, presenter and Esc', () => {
    expect(keyAction('b', 0, n, '')).toEqual({ type: 'blank' });
    expect(keyAction('.', 0, n, '')).toEqual({ type: 'blank' });
    expect(keyAction('F', 0, n, '')).toEqual({ type: 'fullscreen' });
    expect(keyAction('?', 0, n, '')).toEqual({ type: 'help' });
    expect(keyAction('p', 0, n, '')).toEqual({ type: 'presenter' });
    expect(keyAction('Escape', 0, n, '')).toEqual({ type: 'escape' });
    expect(keyAction('x', 0, n, '')).toBeNull();
  });
});

describe('the presenter channel', () => {
  it('accepts only well-formed messages about slides that exist', () => {
    expect(parsePresentMessage({ type: 'state', slide: 2, blank: false }, 5)).toEqual({
      type: 'state',
      slide: 2,
      blank: false,
    });
    expect(parsePresentMessage({ type: 'hello' }, 5)).toEqual({ type: 'hello' });
    for (const bad of [
      null,
      'state',
      { type: 'state', slide: 5, blank: false },
      { type: 'state', slide: -1, blank: false },
      { type: 'state', slide: 1.5, blank: false },
      { type: 'state', slide: 1 },
      { type: 'eval' },
    ]) {
      expect(parsePresentMessage(bad, 5)).toBeNull();
    }
  });
});

describe('slideText', () => {
  const html = '<p>One.</p>\n<p>See <a href="#b" data-feature="b">B</a>.</p>\n<p>Three.</p>';
  it('shows the chapter text up to the paragraph that names its last focus feature', () => {
    expect(slideText({ slideHtml: null, focus: ['b'], html })).toBe(
      '<p>One.</p>\n<p>See <a href="#b" data-feature="b">B</a>.</p>',
    );
    expect(slideText({ slideHtml: null, focus: ['zzz'], html })).toBe('<p>One.</p>');
  });
  it('shows the chapter’s own slide text when it has one', () => {
    expect(slideText({ slideHtml: '<p>Short.</p>', focus: ['b'], html })).toBe('<p>Short.</p>');
  });
});

describe('slidePosition', () => {
  it('says where the slide is in the show and, for a chapter, in the story', () => {
    expect(slidePosition(slides, 0)).toBe(`Slide 1 of ${slides.length}`);
    expect(slidePosition(slides, 3)).toBe(
      `Slide 4 of ${slides.length} · chapter 3 of ${view.chapters.length}`,
    );
  });
});
