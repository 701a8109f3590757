/**
 * Mention links: a narrative or a chapter names another feature with `[text](#feature-id)`, which
 * the build renders as `<a href="#id" data-feature="id">`. Clicked (or pressed with Enter), a
 * mention selects its feature instead of following the fragment, so the address keeps the view
 * (a slide, a chapter) it shows.
 */
import type { Attachment } from 'svelte/attachments';

/** `{@attach mentionClicks((id) => …)}` on the element that holds the rendered text. */
export function mentionClicks(onmention: (id: string) => void): Attachment<HTMLElement> {
  return (element) => {
    const onclick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-feature]');
      if (!link || !element.contains(link)) return;
      event.preventDefault();
      onmention(link.dataset.feature!);
    };
    element.addEventListener('click', onclick);
    return () => element.removeEventListener('click', onclick);
  };
}
