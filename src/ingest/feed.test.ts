import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Sahel Wire &amp; Co</title><language>fr-fr</language>
<item><title>Frappe a&#233;rienne pr&#232;s de Gao &#8211; 3 morts</title><link>https://sahel.example/1</link>
<pubDate>Tue, 02 Jan 2024 18:00:00 +0000</pubDate>
<description><![CDATA[<p>Trois personnes ont été tuées.</p><p>L'armée n'a pas commenté.</p>]]></description></item>
<item><title>Second item</title><guid>https://sahel.example/2</guid><description>&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title type="text">Monitor</title>
<entry><title type="html">Strike &lt;em&gt;near&lt;/em&gt; Jilib</title>
<link rel="self" href="https://m.example/self"/><link rel="alternate" href="https://m.example/jilib"/>
<published>2022-10-03T09:00:00Z</published><content type="html">&lt;p&gt;One militant killed.&lt;/p&gt;</content></entry>
<entry xml:lang="fr"><title>Texte</title><link href="https://m.example/fr"/><updated>2022-10-04</updated><summary>Un mort.</summary></entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items, decoding XML and numeric entities and flattening HTML', () => {
    const f = parseFeed(RSS);
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('Sahel Wire & Co');
    expect(f.items).toHaveLength(2);
    const [a, b] = f.items;
    expect(a.title).toBe('Frappe aérienne près de Gao – 3 morts');
    expect(a.link).toBe('https://sahel.example/1');
    expect(a.body).toBe("Trois personnes ont été tuées.\n\nL'armée n'a pas commenté.");
    expect(a.published).toEqual({ published: '2024-01-02', precision: 'day' });
    expect(a.language).toBe('fr');
    expect(b.link).toBe('https://sahel.example/2');
    expect(b.body).toBe('Escaped & HTML');
  });

  it('reads Atom entries with their alternate link and text constructs', () => {
    const f = parseFeed(ATOM);
    expect(f.kind).toBe('atom');
    expect(f.title).toBe('Monitor');
    expect(f.items[0]).toMatchObject({ title: 'Strike near Jilib', link: 'https://m.example/jilib', body: 'One militant killed.', language: 'en' });
    expect(f.items[0].published?.published).toBe('2022-10-03');
    expect(f.items[1]).toMatchObject({ link: 'https://m.example/fr', body: 'Un mort.', language: 'fr' });
    expect(f.items[1].published?.published).toBe('2022-10-04');
  });

  it('refuses DOCTYPE and ENTITY declarations (external entities)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>`;
    expect(() => parseFeed(xxe)).toThrow(/DOCTYPE or ENTITY declaration is refused/);
  });

  it('refuses a feed cut off in the middle of an item, saying where', () => {
    const cut = RSS.slice(0, RSS.indexOf('Second item'));
    expect(() => parseFeed(cut)).toThrow(/malformed XML at line \d+/);
  });

  it('refuses XML that is not a feed, and a feed without items', () => {
    expect(() => parseFeed('<?xml version="1.0"?><note><to>x</to></note>')).toThrow(/neither an RSS nor an Atom/);
    expect(() => parseFeed('<rss version="2.0"><channel><title>x</title></channel></rss>')).toThrow(/no items/);
  });
});
