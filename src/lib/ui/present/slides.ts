/**
 * The briefing's slides and keys, as plain data and pure functions: a title slide, one slide per
 * chapter, and a closing slide with the sources and credits. The slide shell and the presenter
 * view both read them; the URL names a slide by number (`#3`) or by chapter slug (`#the-route`).
 */
import type { ChapterView, StoryView } from '$lib/story/view';

export type Slide =
  | { kind: 'title'; slug: 'title'; title: string }
  | { kind: 'chapter'; slug: string; title: string; chapter: ChapterView }
  | { kind: 'end'; slug: 'end'; title: string };

export function slidesOf(view: StoryView): Slide[] {
  return [
    { kind: 'title', slug: 'title', title: view.meta.title },
    ...view.chapters.map((chapter) => ({
      kind: 'chapter' as const,
      slug: chapter.slug,
      title: chapter.title,
      chapter,
    })),
    { kind: 'end', slug: 'end', title: 'Sources and credits' },
  ];
}

/**
 * The slide a URL fragment names (0-based), or null: `#3` is the third slide, `#<slug>` the slide
 * of that chapter (or `#title`, `#end`).
 *
 * @example
 * slideFromHash('#2', slides) // 1
 */
export function slideFromHash(hash: string, slides: readonly Slide[]): number | null {
  const name = decodeURIComponent(hash.replace(/^#/, ''));
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    return n >= 1 && n <= slides.length ? n - 1 : null;
  }
  const index = slides.findIndex((s) => s.slug === name);
  return index >= 0 ? index : null;
}

/** What a key does in a slide show, as slide tools do it. */
export type SlideAction =
  | { type: 'go'; to: number }
  | { type: 'digit'; digit: string }
  | { type: 'fullscreen' }
  | { type: 'blank' }
  | { type: 'escape' }
  | { type: 'help' }
  | { type: 'presenter' };

/**
 * The action for a key, given the current slide (0-based), the count and the digits typed so
 * far; null for a key the slides leave alone. Presentation clickers send PageUp/PageDown.
 */
export function keyAction(
  key: string,
  current: number,
  count: number,
  typed: string,
): SlideAction | null {
  const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return { type: 'go', to: clamp(current + 1) };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'go', to: clamp(current - 1) };
    case 'Home':
      return { type: 'go', to: 0 };
    case 'End':
      return { type: 'go', to: count - 1 };
    case 'Enter':
      return typed ? { type: 'go', to: clamp(Number(typed) - 1) } : null;
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blank' };
    case 'Escape':
      return { type: 'escape' };
    case '?':
      return { type: 'help' };
    case 'p':
    case 'P':
      return { type: 'presenter' };
    default:
      return /^\d$/.test(key) ? { type: 'digit', digit: key } : null;
  }
}

/** The keys, for the help overlay and the README. */
export const SLIDE_KEYS: [keys: string, action: string][] = [
  ['→ · Space · Page Down', 'next slide'],
  ['← · Page Up', 'previous slide'],
  ['Home / End', 'first / last slide'],
  ['a number, then Enter', 'jump to that slide'],
  ['F', 'fullscreen'],
  ['B or .', 'blank the screen'],
  ['P', 'open the presenter view'],
  ['Esc', 'leave an overlay (and return to the slide)'],
  ['?', 'show these keys'],
];

/** A slide's place in the show, and its chapter's in the story: "Slide 4 of 10 · chapter 3 of 8". */
export function slidePosition(slides: readonly Slide[], index: number): string {
  const slide = `Slide ${index + 1} of ${slides.length}`;
  const chapters = slides.filter((s) => s.kind === 'chapter');
  const s = slides[index];
  if (s?.kind !== 'chapter') return slide;
  return `${slide} · chapter ${chapters.indexOf(s) + 1} of ${chapters.length}`;
}

/**
 * The text a slide shows of its chapter, in large type: the chapter's own `slide:` summary, or
 * its paragraphs up to the one that names the last of its focus features (so that a highlighted
 * place is never shown without a word about it), or the first paragraph.
 *
 * @example
 * slideText({ slideHtml: null, focus: ['b'], html: '<p>A.</p>\n<p>See <a data-feature="b">B</a>.</p>\n<p>C.</p>' })
 * // '<p>A.</p>\n<p>See <a data-feature="b">B</a>.</p>'
 */
export function slideText(chapter: Pick<ChapterView, 'slideHtml' | 'focus' | 'html'>): string {
  if (chapter.slideHtml) return chapter.slideHtml;
  const paragraphs = chapter.html.split(/(?<=<\/p>)\s*/).filter(Boolean);
  const names = (p: string, id: string) => p.includes(`data-feature="${id}"`);
  const last = Math.max(0, ...chapter.focus.map((id) => paragraphs.findIndex((p) => names(p, id))));
  return paragraphs.slice(0, last + 1).join('\n');
}

/** Messages between the audience window and the presenter view (BroadcastChannel). */
export type PresentMessage =
  | { type: 'state'; slide: number; blank: boolean }
  /** A question: the feature whose narrative is open, on both screens (null: closed). */
  | { type: 'select'; id: string | null }
  /** A window that just opened asks where the show is. */
  | { type: 'hello' };

/** A message from the channel, or null for anything else (unknown features included). */
export function parsePresentMessage(
  data: unknown,
  count: number,
  ids: ReadonlySet<string> = new Set(),
): PresentMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello') return { type: 'hello' };
  if (m.type === 'select' && (m.id === null || (typeof m.id === 'string' && ids.has(m.id)))) {
    return { type: 'select', id: m.id as string | null };
  }
  if (
    m.type === 'state' &&
    Number.isInteger(m.slide) &&
    (m.slide as number) >= 0 &&
    (m.slide as number) < count &&
    typeof m.blank === 'boolean'
  ) {
    return { type: 'state', slide: m.slide as number, blank: m.blank };
  }
  return null;
}
