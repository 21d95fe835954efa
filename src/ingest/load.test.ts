import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { NewDocument } from '../domain/index.ts';
import { loadDocuments, type RawInput } from './load.ts';
import { normalizeText, sha256 } from './normalize.ts';

const TITLE = 'Air raid reported on a convoy in the north';
const BODY = 'A convoy of three vehicles was struck from the air on Friday, a local official said. Five people were killed.';

function input(text: string | Uint8Array, over: Partial<RawInput> = {}): RawInput {
  return { bytes: typeof text === 'string' ? Buffer.from(text) : text, source: '/tmp/x/doc.txt', name: 'doc', mediaType: 'text/plain', ...over };
}

function one(i: RawInput, opts = {}) {
  const r = loadDocuments(i, opts);
  expect(r.failures).toEqual([]);
  expect(r.documents).toHaveLength(1);
  return NewDocument.parse(r.documents[0]);
}

describe('corpus format and plain text', () => {
  it('keeps the whole file as text, headline included, and takes metadata from the sidecar', () => {
    const file = `${TITLE}\n\n${BODY}\n`;
    const doc = one(input(file, { meta: { title: TITLE, publisher: 'Desert Post', published: '2019-08', language: 'en' } }));
    expect(doc.text).toBe(`${TITLE}\n\n${BODY}`);
    expect(doc.title).toBe(TITLE);
    expect(doc).toMatchObject({ publisher: 'Desert Post', published: '2019-08', published_precision: 'month', language: 'en', name: 'doc' });
    expect(doc.id).toBe(sha256(doc.text));
    expect(doc.raw_sha256).toBe(sha256(Buffer.from(file)));
  });

  it('without a sidecar takes the first line as the title and detects the language', () => {
    const doc = one(input(`${TITLE}\n\n${BODY}`));
    expect(doc.title).toBe(TITLE);
    expect(doc.language).toBe('en');
    expect(doc.published).toBeNull();
    expect(doc.published_precision).toBeNull();
  });

  it('fills what the file lacks from the options, and only that', () => {
    const opts = { published: '2020-01-03', publisher: 'Wire', language: 'fr' };
    const bare = one(input(`${TITLE}\n\n${BODY}`), opts);
    expect(bare).toMatchObject({ published: '2020-01-03', published_precision: 'day', publisher: 'Wire', language: 'fr' });
    const withMeta = one(input(`${TITLE}\n\n${BODY}`, { meta: { publisher: 'Own', published: '2018', language: 'en' } }), opts);
    expect(withMeta).toMatchObject({ published: '2018', published_precision: 'year', publisher: 'Own', language: 'en' });
  });

  it('gives the same id to the same text with other line ends and encodings', () => {
    const a = one(input(`${TITLE}\r\n\r\n${BODY}  \r\n`));
    const b = one(input(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${TITLE}\n\n${BODY}`, 'utf-16le')])));
    expect(a.id).toBe(b.id);
    expect(a.raw_sha256).not.toBe(b.raw_sha256);
  });

  it('reads Markdown, taking the first heading as the title and keeping the text as written', () => {
    const md = `# ${TITLE}\n\n${BODY}\n`;
    const doc = one(input(md, { mediaType: 'text/markdown', source: '/tmp/x/doc.md' }));
    expect(doc.title).toBe(TITLE);
    expect(doc.text).toBe(normalizeText(md));
    expect(doc.media_type).toBe('text/markdown');
  });

  it('refuses empty, blank and binary inputs with a reason', () => {
    expect(() => loadDocuments(input(''))).toThrow(/empty file/);
    expect(() => loadDocuments(input(' \n\n \t\n'))).toThrow(/empty document/);
    expect(() => loadDocuments(input(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0])))).toThrow(/binary/);
  });
});

describe('HTML', () => {
  const arabic = 'قالت مصادر محلية إن غارة جوية استهدفت سيارة قرب المدينة مساء أمس وقتل فيها ثلاثة أشخاص على الأقل حسب شهود عيان.';
  const html = `<html lang="ar"><head><meta charset="windows-1256"><meta property="og:title" content="غارة جوية قرب المدينة"></head>
    <body><article><p>${arabic}</p><p>${arabic}</p></article></body></html>`;

  it('decodes with the meta charset and puts the headline first in the text', () => {
    const doc = one(input(iconv.encode(html, 'windows-1256'), { mediaType: 'text/html', source: '/tmp/a.html', name: 'a' }));
    expect(doc.title).toBe('غارة جوية قرب المدينة');
    expect(doc.text.startsWith('غارة جوية قرب المدينة\n\n')).toBe(true);
    expect(doc.text).toContain(arabic);
    expect(doc.language).toBe('ar');
    expect(doc.media_type).toBe('text/html');
  });

  it('lets the HTTP charset win and sniffs HTML when the type is unknown', () => {
    // The page claims windows-1256 but the server (rightly) says ISO-8859-6: the two map
    // Arabic letters to different bytes, so obeying the page would garble the text.
    const bytes = iconv.encode(html, 'iso-8859-6');
    const doc = one(input(bytes, { mediaType: 'text/html; charset=iso-8859-6' }));
    expect(doc.text).toContain(arabic);
    const obeyingPage = one(input(bytes, { mediaType: 'text/html' }));
    expect(obeyingPage.text).not.toContain(arabic);
    const sniffed = one(input(iconv.encode(html, 'windows-1256'), { mediaType: null }));
    expect(sniffed.media_type).toBe('text/html');
  });

  it('names the site as publisher of a fetched page that does not name one, after --publisher', () => {
    const page = iconv.encode(html, 'windows-1256');
    const fetched = { mediaType: 'text/html', url: 'https://www.courier.example/news/1' };
    expect(one(input(page, fetched)).publisher).toBe('courier.example');
    expect(one(input(page, fetched), { publisher: 'The Courier' }).publisher).toBe('The Courier');
    expect(one(input(page, { mediaType: 'text/html' })).publisher).toBeNull();
  });
});

describe('sniffing untyped input', () => {
  it('tells feeds, XHTML, other XML and text apart', () => {
    const xhtml = `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>${BODY}</p></body></html>`;
    expect(one(input(xhtml, { mediaType: null })).media_type).toBe('text/html');
    expect(() => loadDocuments(input('<?xml version="1.0"?><note><to>x</to></note>', { mediaType: null }))).toThrow(/neither an RSS nor an Atom/);
    expect(one(input(`<b>not really markup</b> ${BODY}`, { mediaType: null })).media_type).toBe('text/plain');
  });
});

describe('feeds', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>First strike report</title><link>https://w.example/a</link><description>${BODY}</description><pubDate>Sat, 04 Aug 2019 10:00:00 GMT</pubDate></item>
    <item><title>   </title><description>   </description></item>
    <item><title>Second report</title><link>https://w.example/b</link><description>Another text about an air raid.</description></item>
  </channel></rss>`;

  it('makes one document per item and reports unreadable items without losing the others', () => {
    const r = loadDocuments(input(rss, { mediaType: null, source: 'feed.xml', name: 'feed' }));
    expect(r.documents.map((d) => d.name)).toEqual(['first-strike-report', 'second-report']);
    expect(r.documents[0]).toMatchObject({
      title: 'First strike report',
      text: `First strike report\n\n${BODY}`,
      publisher: 'Wire',
      url: 'https://w.example/a',
      published: '2019-08-04',
      source: 'feed.xml#https://w.example/a',
      media_type: 'application/rss+xml',
    });
    expect(r.failures).toEqual([{ input: 'feed.xml item 2 (feed-2)', reason: 'empty document (no text)' }]);
    for (const d of r.documents) NewDocument.parse(d);
  });
});
