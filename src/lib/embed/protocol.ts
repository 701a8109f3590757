/**
 * The embed's postMessage protocol. Every message is an object whose `type` starts with
 * `storymap:`. Messages are data, schema-checked on arrival (`./host-command`, loaded with the
 * first message: most embeds never get one); anything else is ignored.
 *
 * Host page → embed (commands):
 *   { type: 'storymap:select', id: '<feature id>' }
 *   { type: 'storymap:clear' }
 *   { type: 'storymap:setDateWindow', from: '2015', to: '2021-04' }   // partial dates
 *   { type: 'storymap:setChapter', chapter: '<chapter slug>' }
 *
 * Embed → host page (reports):
 *   { type: 'storymap:ready', story: '<slug>' }
 *   { type: 'storymap:height', height: <CSS pixels> }
 *   { type: 'storymap:select', id: '<feature id>' | null, title: string | null,
 *     cause: 'user' | 'host' }
 */
import { SLUG } from '$lib/story/patterns';

export type { HostCommand } from './host-command';

export type EmbedReport =
  | { type: 'storymap:ready'; story: string }
  | { type: 'storymap:height'; height: number }
  | { type: 'storymap:select'; id: string | null; title: string | null; cause: 'user' | 'host' };

/** A feature id or chapter slug as a host may send it. */
export const isFeatureId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 120 && SLUG.test(value);

/** Whether a message from `origin` may command the embed: any origin unless an allowlist is set. */
export function originAllowed(origin: string, allowlist: readonly string[] | undefined): boolean {
  return !allowlist?.length || allowlist.includes(origin);
}

export interface EmbedOptions {
  interactive: boolean;
  controls: boolean;
  theme: 'light' | 'dark' | null;
  /** A chapter to open with (its slug), or null. */
  chapter: string | null;
}

/**
 * The embed's own query options (besides the view state): `interactive`, `controls`, `theme`
 * and `chapter`.
 */
export function parseEmbedOptions(search: string): EmbedOptions {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const theme = params.get('theme');
  return {
    interactive: params.get('interactive') !== '0',
    controls: params.get('controls') !== '0',
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    chapter: isFeatureId(params.get('chapter')) ? params.get('chapter') : null,
  };
}
