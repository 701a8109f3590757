/**
 * The HTML a newsroom pastes to embed a story map: an iframe plus the host script. One function
 * for the embed-code dialog and for oEmbed, so both always give the same code.
 */
export interface SnippetOptions {
  /** Where the site is published, e.g. "https://maps.example" (with its base path). */
  siteUrl: string;
  story: string;
  title: string;
  /** Query options for the embed (event, date, layers, interactive, theme, controls). */
  params?: URLSearchParams;
  /** Width of the iframe: a CSS length; "100%" fills the article column. */
  width?: string;
  /** Starting height in pixels; /embed.js then sizes the iframe to its content. */
  height?: number;
}

const escapeAttr = (s: string) =>
  s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

export function embedUrl({ siteUrl, story, params }: SnippetOptions): string {
  const query = params?.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return `${siteUrl.replace(/\/$/, '')}/${story}/embed/${query ? `?${query}` : ''}`;
}

export function embedSnippet(options: SnippetOptions): string {
  const { siteUrl, title, width = '100%', height = 640 } = options;
  const src = escapeAttr(embedUrl(options));
  return (
    `<iframe data-storymap src="${src}" title="${escapeAttr(`Map: ${title}`)}" ` +
    `style="width: ${escapeAttr(width)}; height: ${Math.round(height)}px; border: 0;" loading="lazy"></iframe>\n` +
    `<script src="${escapeAttr(siteUrl.replace(/\/$/, ''))}/embed.js" defer></script>`
  );
}
