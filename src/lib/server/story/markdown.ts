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

/** What narratives may contain once published; everything else is removed by the sanitizer. */
const ALLOWED_TAGS = ['p', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'br'];
// `target` and `rel` are set on every outside link when published (a new tab, no opener).
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'data-feature', 'rel', 'target'],
};
const ALLOWED_SCHEMES = ['http', 'https'];
const ALLOWED_FORMATTING =
  'narratives may use paragraphs, emphasis, links, lists, quotes and inline code only';

/** Readable names for the elements authors most often try. */
const ELEMENT_NAMES: Record<string, string> = {
  img: 'an image (<img>)',
  iframe: 'an embedded frame (<iframe>)',
  style: 'a <style> block',
  form: 'a form (<form>)',
  input: 'a form field (<input>)',
  table: 'a table',
  pre: 'a code block',
  hr: 'a horizontal rule',
};

/**
 * Each unsafe construct in a narrative body, and anything the sanitizer would silently remove
 * from it when published, as `what — fix`.
 */
export function unsafeContent(body: string): string[] {
  const found = UNSAFE.filter(({ pattern }) => pattern.test(body)).map(
    ({ what, fix }) => `${what} — ${fix}`,
  );
  // What the sanitizer sees: every element the Markdown makes, attributes decoded.
  const elements: { tag: string; attribs: Record<string, string> }[] = [];
  sanitize(marked.parse(body, { async: false }), (tag, attribs) => elements.push({ tag, attribs }));
  for (const { tag, attribs } of elements) {
    if (tag === 'script') {
      found.push(`${UNSAFE[0]!.what} — ${UNSAFE[0]!.fix}`);
      continue;
    }
    if (!ALLOWED_TAGS.includes(tag)) {
      const name =
        ELEMENT_NAMES[tag] ?? (/^h[1-6]$/.test(tag) ? 'a heading' : `a <${tag}> element`);
      found.push(
        `contains ${name}, which is removed when published — remove it; ${ALLOWED_FORMATTING}`,
      );
      continue;
    }
    for (const [attribute, value] of Object.entries(attribs)) {
      if (/^on/i.test(attribute)) {
        found.push(`${UNSAFE[1]!.what} — ${UNSAFE[1]!.fix}`);
      } else if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(attribute)) {
        found.push(
          `contains the attribute ${attribute}="${value.slice(0, 40)}" on <${tag}>, which is removed when published — remove it`,
        );
      } else if (attribute === 'href') {
        const scheme = hrefScheme(value);
        if (scheme === 'javascript') found.push(`${UNSAFE[2]!.what} — ${UNSAFE[2]!.fix}`);
        else if (scheme && !ALLOWED_SCHEMES.includes(scheme)) {
          found.push(
            `contains a ${scheme}: link, which is removed when published — link to an http(s) URL or to another feature as (#feature-id)`,
          );
        }
      }
    }
  }
  return [...new Set(found)];
}

/** A URL's scheme as a browser reads it (control characters and spaces ignored), or null. */
function hrefScheme(href: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020]+/g, '');
  const match = /^([a-z][a-z0-9.+-]*):/i.exec(cleaned);
  return match ? match[1]!.toLowerCase() : null;
}

/** Every `(#feature-id)` link target in a narrative: mentions of other features. */
export function mentionedIds(body: string): string[] {
  return [...body.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!);
}

const marked = new Marked({ gfm: true, breaks: false });

/** Sanitizes with the allowlist; `onOpenTag` sees every element before anything is removed. */
function sanitize(
  html: string,
  onOpenTag?: (tag: string, attribs: Record<string, string>) => void,
): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesAppliedToAttributes: ['href'],
    onOpenTag,
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

/**
 * Markdown to sanitized HTML. Mentions become `<a href="#id" data-feature="id">`; other links open
 * in a new tab, so that a click inside an embedded map never navigates the host page's frame away.
 */
export function renderNarrative(body: string): string {
  return sanitize(marked.parse(body, { async: false }));
}
