/**
 * Domains a story should not cite: copies of other pages (mirrors, aggregators), quiz and exam-prep
 * sites, and outlets documented for disinformation. A reader cannot weigh a copy of a report, so
 * the validator warns about each use and asks for the original. Add a domain with a one-line reason.
 *
 * A domain also covers its subdomains: `wikimili.com` matches `en.wikimili.com`.
 */
export interface WeakSource {
  domain: string;
  reason: string;
}

export const WEAK_SOURCES: readonly WeakSource[] = [
  // Mirrors and rewrites of Wikipedia
  { domain: 'wikisum.wiki', reason: 'machine-written summaries of Wikipedia articles' },
  { domain: 'ewikibg.top', reason: 'a Wikipedia mirror' },
  { domain: 'review.clateway.com', reason: 'a Wikipedia mirror' },
  { domain: 'detailedpedia.com', reason: 'a Wikipedia mirror' },
  { domain: 'wikimili.com', reason: 'a Wikipedia mirror' },
  { domain: 'everything.explained.today', reason: 'a Wikipedia mirror' },
  { domain: 'piglix.com', reason: 'a Wikipedia mirror' },
  { domain: 'qaz.wiki', reason: 'machine-translated copies of Wikipedia articles' },
  { domain: 'askwikinow.com', reason: 'a Wikipedia mirror' },
  { domain: 'friendlywiki.com', reason: 'a Wikipedia mirror' },
  { domain: 'ed.mdict.net', reason: 'a dictionary site copying reference-work entries' },
  // Aggregators and reposting blogs
  { domain: 'sauress.com', reason: 'an aggregator republishing other outlets’ reports' },
  { domain: 'masress.com', reason: 'an aggregator republishing other outlets’ reports' },
  { domain: 'pledgetimes.com', reason: 'an aggregator rewriting other outlets’ reports' },
  { domain: 'indiandefensenews.in', reason: 'a blog reposting other outlets’ reports' },
  {
    domain: 'thaimilitaryandasianregion.wordpress.com',
    reason: 'a blog reposting other outlets’ reports',
  },
  { domain: 'garudamiliter.blogspot.com', reason: 'a blog reposting other outlets’ reports' },
  { domain: 'usapatriotism.org', reason: 'a copy of speech transcripts published elsewhere' },
  // Quiz and exam-preparation sites
  { domain: 'iq786.com', reason: 'a multiple-choice quiz site' },
  { domain: 'gktoday.in', reason: 'exam-preparation notes on current affairs' },
  { domain: 'prepareias.in', reason: 'exam-preparation notes on current affairs' },
  // Outlets documented for disinformation
  { domain: 'news-front.info', reason: 'an outlet documented for spreading disinformation' },
  { domain: 'voltairenet.org', reason: 'an outlet documented for spreading conspiracy theories' },
  {
    domain: 'sputniknews.com',
    reason: 'a state outlet suspended in the EU in 2022 over disinformation',
  },
];

/** The list entry a URL's host falls under, if any. */
export function weakSourceOf(url: string): WeakSource | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  return WEAK_SOURCES.find((w) => host === w.domain || host.endsWith(`.${w.domain}`));
}
