/**
 * Which article of the desk a new import looks like a version of (issue #14): the same canonical address,
 * or the same title and publisher with enough words in common (MIN_VERSION_OVERLAP). Pure: the caller
 * hands in each article's summary, address and current text (the store keeps them in memory for search).
 * The answer is only a question for the person ("Add as a new version of …?"); nothing is decided here.
 */
import { fold, searchable } from '../library/fold';
import type { ArticleSummary } from '../schema/article';
import type { VersionCandidate } from '../api';
import { MIN_VERSION_OVERLAP, wordOverlap } from './wordOverlap';

/** Query parameters that say how a reader arrived, not which page it is. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_[a-z]+|ocid|cmpid|ref|ref_src|s|share|smid|taid|at_[a-z]+)$/i;

/**
 * An address reduced to the page it names: scheme and host lowercased, "www." and the default port
 * dropped, the fragment, tracking parameters and a trailing slash removed, the other parameters sorted.
 * '' for no address or one that does not parse.
 */
export function canonicalUrl(url: string): string {
  if (url.trim() === '') return '';
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return '';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAM.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const pathname = u.pathname.replace(/\/+$/, '') || '/';
  // http and https name the same article; the scheme is left out of the key.
  return `${host}${pathname}${query}`;
}

export type CandidateArticle = { summary: ArticleSummary; url: string; text: string };

export type IncomingArticle = { title: string; publisher: string; url: string; text: string };

const percent = (share: number) => `${Math.round(share * 100)} %`;

function describe(by: 'url' | 'title', overlap: number, identical: boolean): string {
  const what = by === 'url' ? 'same address' : 'same title and publisher';
  return `${what}, ${identical ? 'the same text' : `${percent(overlap)} of the words in common`}`;
}

/** The best candidate: an address match before a title match, then the most words in common; null for none. */
export function findVersionCandidate(incoming: IncomingArticle, articles: Iterable<CandidateArticle>): VersionCandidate | null {
  const url = canonicalUrl(incoming.url);
  const title = fold(incoming.title.trim());
  const publisher = fold(incoming.publisher.trim());
  const text = searchable(incoming.text);
  let best: { candidate: VersionCandidate; rank: number } | null = null;
  for (const a of articles) {
    if (a.summary.damaged !== undefined) continue;
    const byUrl = url !== '' && canonicalUrl(a.url) === url;
    const byTitle = title !== '' && fold(a.summary.title.trim()) === title && fold(a.summary.publisher.trim()) === publisher;
    if (!byUrl && !byTitle) continue;
    const overlap = wordOverlap(a.text, text);
    if (!byUrl && overlap < MIN_VERSION_OVERLAP) continue;
    const rank = (byUrl ? 2 : 0) + overlap;
    if (best && best.rank >= rank) continue;
    best = { rank, candidate: { article: a.summary, similarity: overlap, reason: describe(byUrl ? 'url' : 'title', overlap, a.text === text) } };
  }
  return best?.candidate ?? null;
}
