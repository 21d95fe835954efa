import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeNumericEntities, htmlFragmentToText } from './html-text.ts';
import { normalizeLanguageTag } from './language.ts';
import { parsePublished, type PublishedDate } from './dates.ts';
import { IngestError } from './errors.ts';

/** One item of an RSS 2.0 or Atom feed, as text. */
export interface FeedItem {
  title: string | null;
  link: string | null;
  /** Item body as plain text (HTML descriptions flattened to paragraphs). */
  body: string;
  published: PublishedDate | null;
  language: string | null;
}

export interface Feed {
  kind: 'rss' | 'atom';
  /** The feed's own title: the publisher of its items. */
  title: string | null;
  language: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Decodes the five predefined XML entities; numeric references are decoded below.
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** The text of an element that may be a plain string or {#text, @_type}. */
function text(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

/** Atom text constructs say whether they hold text or HTML; RSS descriptions are HTML by convention. */
function bodyText(v: unknown, defaultHtml: boolean): string {
  const raw = text(v);
  if (!raw) return '';
  const type = v && typeof v === 'object' && !Array.isArray(v) ? (v as Node)['@_type'] : undefined;
  const isHtml = type === 'html' || type === 'xhtml' || (type === undefined && defaultHtml);
  return isHtml ? htmlFragmentToText(raw) : decodeNumericEntities(raw).trim();
}

function plain(v: unknown, html = false): string | null {
  const t = html ? bodyText(v, true) : text(v);
  return t ? decodeNumericEntities(t).replace(/\s+/g, ' ').trim() || null : null;
}

function atomLink(v: unknown): string | null {
  const links = (Array.isArray(v) ? v : [v]) as Node[];
  const alt = links.find((l) => l && (l['@_rel'] === undefined || l['@_rel'] === 'alternate')) ?? links[0];
  return alt ? ((alt['@_href'] as string | undefined) ?? text(alt)) : null;
}

/** True when the XML text looks like an RSS or Atom feed (its root element). */
export function looksLikeFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 2000));
}

/**
 * Parses an RSS 2.0 or Atom feed into items. Documents with a DOCTYPE or ENTITY
 * declaration are refused outright: feeds never need one, and they are how external-entity
 * (XXE) and entity-expansion attacks arrive.
 *
 * @throws IngestError for DOCTYPE/ENTITY declarations, malformed XML (including a feed cut
 * off mid-item), a root that is neither <rss> nor <feed>, or a feed without items.
 */
export function parseFeed(xml: string): Feed {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new IngestError('XML with a DOCTYPE or ENTITY declaration is refused (external entities are not allowed)');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IngestError(`malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const root = parser.parse(xml) as Node;
  const rss = root.rss as Node | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Node;
    const language = normalizeLanguageTag(text(channel.language));
    const items = ((channel.item ?? []) as Node[]).map(
      (it): FeedItem => ({
        title: plain(it.title),
        link: plain(it.link) ?? plain(it.guid),
        body: bodyText(it['content:encoded'] ?? it.description, true),
        published: parsePublished(text(it.pubDate)) ?? parsePublished(text(it['dc:date'])),
        language: normalizeLanguageTag(text(it['dc:language'])) ?? language,
      }),
    );
    return checkItems({ kind: 'rss', title: plain(channel.title), language, items });
  }
  const feed = root.feed as Node | undefined;
  if (feed) {
    const language = normalizeLanguageTag(feed['@_xml:lang'] as string | undefined);
    const items = ((feed.entry ?? []) as Node[]).map(
      (e): FeedItem => ({
        title: plain(e.title, typeof e.title === 'object' && (e.title as Node)['@_type'] === 'html'),
        link: atomLink(e.link),
        body: bodyText(e.content ?? e.summary, false),
        published: parsePublished(text(e.published)) ?? parsePublished(text(e.updated)),
        language: normalizeLanguageTag(e['@_xml:lang'] as string | undefined) ?? language,
      }),
    );
    return checkItems({ kind: 'atom', title: plain(feed.title), language, items });
  }
  throw new IngestError('XML is neither an RSS nor an Atom feed');
}

function checkItems(feed: Feed): Feed {
  if (feed.items.length === 0) throw new IngestError(`${feed.kind === 'rss' ? 'RSS' : 'Atom'} feed has no items`);
  return feed;
}
