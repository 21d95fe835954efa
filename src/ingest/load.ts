import type { NewDocument } from '../domain/index.ts';
import { charsetFromContentType, decodeBytes, sniffHtmlCharset, sniffXmlCharset, textLikeRatio } from './charset.ts';
import type { CorpusMeta } from './corpus-meta.ts';
import { parsePublished, type PublishedDate } from './dates.ts';
import { IngestError, reasonOf } from './errors.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { parseHtmlArticle } from './html.ts';
import { DEFAULT_LANGUAGES, detectLanguage, normalizeLanguageTag } from './language.ts';
import { normalizeText, sha256, slugify } from './normalize.ts';

/** Bytes to turn into documents, with what is known about them before reading. */
export interface RawInput {
  bytes: Uint8Array;
  /** Where they came from: a path or a URL. */
  source: string;
  /** Default document name: the file name without extension. */
  name: string;
  /** A media type from the file extension or the HTTP Content-Type header (charset allowed). */
  mediaType?: string | null;
  /** Sidecar metadata of the corpus format. */
  meta?: CorpusMeta | null;
  /** The URL the bytes were fetched from. */
  url?: string | null;
}

/** What the caller fills in when a document does not say, and which languages to detect. */
export interface LoadOptions {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  published?: string | null;
  publisher?: string | null;
  language?: string | null;
  languages?: readonly string[];
}

export interface LoadFailure {
  input: string;
  reason: string;
}

export interface LoadResult {
  documents: NewDocument[];
  /** Items of a feed that could not be read; the rest of the feed is still loaded. */
  failures: LoadFailure[];
}

type Kind = 'text' | 'markdown' | 'html' | 'feed';

interface Draft {
  name: string;
  title: string | null;
  text: string;
  publisher: string | null;
  url: string | null;
  published: PublishedDate | null;
  language: string | null;
  source: string;
  media_type: string;
}

/** The kind of content a media type names; undefined when it says nothing useful. */
function kindOfMediaType(mediaType: string | null | undefined): Kind | undefined {
  const mt = (mediaType ?? '').split(';')[0].trim().toLowerCase();
  if (mt === 'text/html' || mt === 'application/xhtml+xml') return 'html';
  if (mt === 'text/markdown' || mt === 'text/x-markdown') return 'markdown';
  if (mt === 'text/plain') return 'text';
  if (/^(application|text)\/((rss|atom|rdf)\+)?xml$/.test(mt)) return 'feed';
  return undefined;
}

/**
 * What untyped bytes hold, from their first characters: a feed root, an HTML page (also
 * XHTML behind an XML declaration), any other XML (read as a feed so that it fails with a
 * clear reason instead of going in as text), or plain text.
 */
function sniffKind(text: string): Kind {
  const head = text.slice(0, 2000).trimStart();
  if (!head.startsWith('<')) return 'text';
  if (looksLikeFeed(head)) return 'feed';
  const afterProlog = head.replace(/^(<\?xml[^>]*>|<!--[\s\S]*?-->|\s+)*/, '');
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>])/i.test(afterProlog)) return 'html';
  if (head.startsWith('<?xml')) return 'feed';
  return 'text';
}

/** The headline followed by a blank line and the body, unless the body already opens with it. */
function withTitle(title: string | null, body: string): string {
  if (!title) return body;
  const b = body.trimStart();
  if (b.startsWith(title)) return b;
  return body ? `${title}\n\n${b}` : title;
}

/** First non-empty line, when it is short enough to be a headline (Markdown # marks removed). */
function firstLineTitle(text: string, markdown: boolean): string | null {
  const line = text.split('\n').find((l) => l.trim() !== '');
  if (!line) return null;
  const t = (markdown ? line.replace(/^\s*#{1,6}\s*/, '').replace(/\s*#+\s*$/, '') : line).trim();
  return t && t.length <= 300 ? t : null;
}

/** "https://www.courier.example/a/1" -> "courier.example": who published a page that does not say. */
function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function finalize(d: Draft, rawSha: string, opts: LoadOptions, host: string | null = null): NewDocument {
  const text = normalizeText(d.text);
  if (!text.trim()) throw new IngestError('empty document (no text)');
  if (textLikeRatio(text) < 0.85) throw new IngestError('binary or garbled content (mostly non-text characters)');
  const published = d.published ?? parsePublished(opts.published);
  const language =
    d.language ?? normalizeLanguageTag(opts.language) ?? detectLanguage(text, opts.languages ?? DEFAULT_LANGUAGES);
  return {
    id: sha256(text),
    name: d.name,
    title: d.title ? normalizeText(d.title) : null,
    text,
    publisher: d.publisher ?? opts.publisher ?? host,
    url: d.url,
    published: published?.published ?? null,
    published_precision: published?.precision ?? null,
    language,
    raw_sha256: rawSha,
    source: d.source,
    media_type: d.media_type,
  };
}

/**
 * Turns bytes into documents: plain text, Markdown, the corpus format (text + sidecar
 * metadata), HTML articles, and RSS/Atom feeds (one document per item). Pure: no I/O.
 * A document's text keeps its headline as the first paragraph, since headlines often carry
 * the facts (and spans index this text).
 *
 * @throws IngestError when the input as a whole cannot be read (binary, empty, malformed feed...).
 */
export function loadDocuments(input: RawInput, opts: LoadOptions = {}): LoadResult {
  const { bytes } = input;
  if (bytes.length === 0) throw new IngestError('empty file');
  const rawSha = sha256(bytes);
  const hinted = kindOfMediaType(input.mediaType);
  const declared =
    charsetFromContentType(input.mediaType) ??
    (hinted === 'html' || hinted === undefined ? sniffHtmlCharset(bytes) : null) ??
    (hinted === 'feed' || hinted === undefined ? sniffXmlCharset(bytes) : null);
  const { text } = decodeBytes(bytes, declared);
  const kind = hinted ?? sniffKind(text);
  const meta = input.meta ?? null;
  const base = { name: input.name, source: input.source, url: meta?.url ?? input.url ?? null };

  if (kind === 'feed') return loadFeed(text, input, rawSha, opts);
  let draft: Draft;
  if (kind === 'html') {
    const page = parseHtmlArticle(text);
    draft = {
      ...base,
      title: meta?.title ?? page.title,
      text: withTitle(page.title, page.body),
      publisher: meta?.publisher ?? page.publisher,
      url: base.url ?? page.url,
      published: parsePublished(meta?.published) ?? page.published,
      language: normalizeLanguageTag(meta?.language) ?? page.language,
      media_type: 'text/html',
    };
  } else {
    draft = {
      ...base,
      title: meta?.title ?? firstLineTitle(text, kind === 'markdown'),
      text,
      publisher: meta?.publisher ?? null,
      published: parsePublished(meta?.published),
      language: normalizeLanguageTag(meta?.language),
      media_type: kind === 'markdown' ? 'text/markdown' : 'text/plain',
    };
  }
  return { documents: [finalize(draft, rawSha, opts, hostOf(input.url))], failures: [] };
}

function loadFeed(text: string, input: RawInput, rawSha: string, opts: LoadOptions): LoadResult {
  const feed = parseFeed(text);
  const result: LoadResult = { documents: [], failures: [] };
  const mediaType = feed.kind === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
  feed.items.forEach((item, i) => {
    const name = slugify(item.title ?? item.link ?? `${input.name}-${i + 1}`);
    const source = `${input.source}#${item.link ?? `item-${i + 1}`}`;
    try {
      result.documents.push(
        finalize(
          {
            name,
            title: item.title,
            text: withTitle(item.title, item.body),
            publisher: feed.title,
            url: item.link,
            published: item.published,
            language: item.language,
            source,
            media_type: mediaType,
          },
          rawSha,
          opts,
          hostOf(input.url),
        ),
      );
    } catch (err) {
      result.failures.push({ input: `${input.source} item ${i + 1} (${name})`, reason: reasonOf(err) });
    }
  });
  return result;
}
