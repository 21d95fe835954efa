import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { nodeText } from './html-text.ts';
import { normalizeLanguageTag } from './language.ts';
import { parsePublished, type PublishedDate } from './dates.ts';
import { IngestError } from './errors.ts';

/** What an HTML page yields: the article's headline and body, and what its metadata says. */
export interface HtmlArticle {
  title: string | null;
  /** Body text, paragraphs separated by blank lines (headline not included). */
  body: string;
  publisher: string | null;
  published: PublishedDate | null;
  language: string | null;
  /** The page's canonical URL when it names one. */
  url: string | null;
}

type Json = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, flattening arrays and @graph. Bad JSON is ignored. */
function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      const graph = (v as Json)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is common and carries nothing we need to fail for
    }
  }
  return out;
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name);
  return null;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"]`) ?? doc.querySelector(`meta[name="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/**
 * Reads a news page: the article body through Mozilla Readability (the Firefox Reader View
 * algorithm) over linkedom's DOM, falling back to the whole <body> when Readability finds no
 * article; title, publisher, date and language from Open Graph / article meta tags, JSON-LD
 * (NewsArticle and friends) and <time datetime>, <html lang>.
 *
 * @throws IngestError when the page has no text at all.
 */
export function parseHtmlArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => o.datePublished || o.headline) ?? null;

  const title =
    meta(doc, 'og:title', 'twitter:title') ??
    str(article?.headline) ??
    doc.querySelector('h1')?.textContent?.trim() ??
    doc.querySelector('title')?.textContent?.trim() ??
    null;
  const publisher = meta(doc, 'og:site_name') ?? str(article?.publisher) ?? str(ld.find((o) => o.publisher)?.publisher);
  const published =
    parsePublished(meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate')) ??
    parsePublished(str(article?.datePublished)) ??
    parsePublished(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const language =
    normalizeLanguageTag(doc.documentElement?.getAttribute('lang')) ??
    normalizeLanguageTag(meta(doc, 'og:locale')) ??
    normalizeLanguageTag(str(article?.inLanguage));
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');

  let body = '';
  try {
    const parsed = new Readability(doc, { charThreshold: 200 }).parse();
    if (parsed?.content) {
      const { document: art } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
      body = nodeText(art.body as never);
    }
  } catch {
    // Readability gives up on some malformed pages; the plain body below still has the text
  }
  if (!body) {
    const fallback = parseHTML(html).document;
    for (const el of Array.from(fallback.querySelectorAll('nav, header, footer, aside, form'))) el.remove();
    body = fallback.body ? nodeText(fallback.body as never) : '';
  }
  if (!body.trim() && !title) throw new IngestError('HTML page has no text');
  return { title: title || null, body, publisher, published, language, url: url || null };
}
