/**
 * The embed's postMessage protocol. Every message is an object whose `type` starts with
 * `storymap:`. Messages are data, schema-checked on arrival; anything else is ignored.
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
import * as v from 'valibot';

const FeatureId = v.pipe(v.string(), v.maxLength(120), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
const Partial = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));

export const HostCommand = v.variant('type', [
  v.strictObject({ type: v.literal('storymap:select'), id: FeatureId }),
  v.strictObject({ type: v.literal('storymap:clear') }),
  v.strictObject({ type: v.literal('storymap:setDateWindow'), from: Partial, to: Partial }),
  v.strictObject({ type: v.literal('storymap:setChapter'), chapter: FeatureId }),
]);
export type HostCommand = v.InferOutput<typeof HostCommand>;

export type EmbedReport =
  | { type: 'storymap:ready'; story: string }
  | { type: 'storymap:height'; height: number }
  | { type: 'storymap:select'; id: string | null; title: string | null; cause: 'user' | 'host' };

/** A command from the host page, or null for anything that is not exactly one. */
export function parseHostCommand(data: unknown): HostCommand | null {
  const result = v.safeParse(HostCommand, data);
  return result.success ? result.output : null;
}

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
    chapter: v.is(FeatureId, params.get('chapter')) ? params.get('chapter') : null,
  };
}
