/**
 * The one chapter player, for every mode that plays chapters: the scroll story, the slides and
 * the embed. Entering a chapter applies it to the story state (its window, layers, categories,
 * and a camera that keeps its focus in view), announces it, writes its fragment into the address
 * and starts its drawing; closing a narrative plays it again, so the chapter's view comes back as
 * it was. Each shell only lays out, and says how far the drawing has got (the scroll, or a timer).
 */
import { afterNavigate, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { prefersReducedMotion } from 'svelte/motion';
import type { ChapterCamera, ChapterView } from '$lib/story/view';
import { applyChapter, chapterDrawing } from './apply-chapter';
import type { StoryState } from './story-state.svelte';

export interface Entry {
  /** The fragment to write (`#<slug>`), or null to leave the address alone (the embed). */
  fragment: string | null;
  /** What a screen reader hears. */
  announcement: string;
  animate?: boolean;
}

export class ChapterPlayer {
  /** The chapter in play; null: the story's opening view (a title slide, the top of the story). */
  chapter: ChapterView | null = $state.raw(null);
  /** How far through its drawing the chapter is (0–1). */
  through = $state(0);
  announcement = $state('');

  readonly #story: StoryState;
  readonly #opening: ChapterCamera;
  #routerReady = false;
  #pendingFragment: string | null = null;
  #timer = 0;

  constructor(story: StoryState) {
    this.#story = story;
    this.#opening = { type: 'bounds', bounds: story.home };
    // The router takes address changes only once it has started.
    afterNavigate(() => {
      this.#routerReady = true;
      if (this.#pendingFragment !== null) this.#writeFragment(this.#pendingFragment);
    });
  }

  /** The chapter's drawing as the map draws it, with the distance read-out. */
  readonly drawing = $derived.by(() =>
    chapterDrawing(this.#story, this.chapter, prefersReducedMotion.current ? 1 : this.through),
  );

  /** The features the chapter highlights. */
  readonly focus = $derived(this.chapter?.focus ?? []);

  /** Plays a chapter (or, with null, the opening view). */
  enter(chapter: ChapterView | null, { fragment, announcement, animate = true }: Entry): void {
    this.#stopTimer();
    this.chapter = chapter;
    this.through = 0;
    applyChapter(this.#story, chapter, this.#opening, {
      animate: animate && !prefersReducedMotion.current,
    });
    if (announcement) this.announcement = announcement;
    if (fragment !== null) this.#writeFragment(fragment);
  }

  /**
   * Back to the chapter's view as it was before a narrative opened over it: its window, layers,
   * categories and camera (a mention followed inside the narrative may have widened them).
   */
  restore(): void {
    applyChapter(this.#story, this.chapter, this.#opening, {
      animate: !prefersReducedMotion.current,
    });
  }

  /** Draws the chapter's route over `ms` milliseconds, from the start of its stretch. */
  play(ms: number): void {
    this.#stopTimer();
    if (!this.chapter?.draw) return;
    const start = performance.now();
    this.through = 0;
    const tick = (t: number) => {
      this.through = Math.min(1, (t - start) / ms);
      if (this.through < 1) this.#timer = requestAnimationFrame(tick);
    };
    this.#timer = requestAnimationFrame(tick);
  }

  /**
   * Where the drawing stops next after `through` (0–1 of the chapter's stretch): the next
   * waypoint inside the stretch, or its end; null once it is complete. Keys step through these.
   */
  nextStop(through = this.through): number | null {
    const d = this.chapter?.draw;
    if (!d || through >= 1 - 1e-6) return null;
    const stops = d.waypoints
      .map((w) => (w.fraction - d.from) / (d.to - d.from))
      .filter((f) => f > through + 1e-3 && f < 1 - 1e-3);
    return stops[0] ?? 1;
  }

  destroy(): void {
    this.#stopTimer();
  }

  #stopTimer() {
    cancelAnimationFrame(this.#timer);
  }

  #writeFragment(fragment: string) {
    if (!this.#routerReady) {
      this.#pendingFragment = fragment;
      return;
    }
    this.#pendingFragment = null;
    const hash = fragment ? `#${fragment}` : '';
    if (hash === window.location.hash) return;
    // Same page, new fragment: nothing to resolve.
    // eslint-disable-next-line svelte/no-navigation-without-resolve
    replaceState(`${window.location.pathname}${window.location.search}${hash}`, page.state);
  }
}
