/**
 * Narratives: Markdown with YAML frontmatter, rendered to HTML at build time and sanitized with an
 * allowlist. Nothing from a story folder ever reaches a page as unsanitized HTML.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { parse as parseYaml } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export interface SplitNarrative {
  frontmatter: unknown;
  body: string;
}

/** Splits `---\nyaml\n---\nbody`. Throws with a readable message when the block is missing or bad. */
export function splitFrontmatter(source: string): SplitNarrative {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    throw new Error('the file must start with a frontmatter block between two "---" lines');
  }
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(match[1]!);
  } catch (error) {
    throw new Error(
      `the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})`,
      { cause: error },
    );
  }
  return { frontmatter, body: match[2]!.trim() };
}

/** Things a narrative may never contain, with the fix to give its author. */
const UNSAFE: { pattern: RegExp; what: string; fix: string }[] = [
  {
    pattern: /<\s*\/?\s*script\b/i,
    what: 'contains a <script> tag',
    fix: 'remove it; narratives are text, not code',
  },
  {
    pattern: /<[a-z][^>]*\son[a-z]+\s*=/i,
    what: 'contains an event-handler attribute (on…=)',
    fix: 'remove the attribute; narratives may not run code',
  },
  {
    pattern: /javascript\s*:/i,
    what: 'contains a javascript: link',
    fix: 'link to an http(s) URL or to another feature as (#feature-id)',
  },
];

/** Each unsafe construct in a narrative body, as `what — fix`. */
export function unsafeContent(body: string): string[] {
  return UNSAFE.filter(({ pattern }) => pattern.test(body)).map(
    ({ what, fix }) => `${what} — ${fix}`,
  );
}

/** Every `(#feature-id)` link target in a narrative: mentions of other features. */
export function mentionedIds(body: string): string[] {
  return [...body.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!);
}

const marked = new Marked({ gfm: true, breaks: false });

/**
 * Markdown to sanitized HTML. Mentions become `<a href="#id" data-feature="id">`; other links open
 * in a new tab, so that a click inside an embedded map never navigates the host page's frame away.
 */
export function renderNarrative(body: string): string {
  const html = marked.parse(body, { async: false });
  return sanitizeHtml(html, {
    allowedTags: ['p', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'br'],
    allowedAttributes: { a: ['href', 'data-feature', 'rel', 'target'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesAppliedToAttributes: ['href'],
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const out: Record<string, string> = href.startsWith('#')
          ? { href, 'data-feature': href.slice(1) }
          : { href, target: '_blank', rel: 'noopener noreferrer' };
        return { tagName, attribs: out };
      },
    },
  });
}
