import { describe, expect, it } from 'vitest';
import { parseHtmlArticle } from './html.ts';
import { htmlFragmentToText, decodeNumericEntities } from './html-text.ts';

const PARA1 = 'A drone strike hit a pickup truck on the road east of the town on Sunday night, killing four people, residents said.';
const PARA2 = 'The provincial governor said the vehicle carried fighters of an armed group, a claim local elders disputed on Monday.';
const PARA3 = 'No government has said it carried out the strike, and the defence ministry did not answer questions by phone.';

function page(head: string, extraBody = ''): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Strike on road | The Courier</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drone strike kills four near town</h1><p>${PARA1}</p><p>${PARA2}</p><p>${PARA3}</p></article>
${extraBody}<footer>Copyright The Courier. Subscribe now.</footer></body></html>`;
}

describe('parseHtmlArticle', () => {
  it('keeps the article paragraphs and drops navigation and footer', () => {
    const a = parseHtmlArticle(page(''));
    expect(a.body).toContain(`${PARA1}\n\n${PARA2}\n\n${PARA3}`);
    expect(a.body).not.toMatch(/Subscribe|Home/);
    expect(a.language).toBe('en');
  });

  it('reads Open Graph and article meta tags', () => {
    const a = parseHtmlArticle(
      page(`<meta property="og:title" content="Drone strike kills four near town">
        <meta property="og:site_name" content="The Courier">
        <meta property="article:published_time" content="2024-05-12T21:40:00+03:00">
        <meta property="og:locale" content="fr_FR"><link rel="canonical" href="https://courier.example/a/1">`),
    );
    expect(a.title).toBe('Drone strike kills four near town');
    expect(a.publisher).toBe('The Courier');
    expect(a.published).toEqual({ published: '2024-05-12', precision: 'day' });
    expect(a.language).toBe('en'); // <html lang> wins over og:locale
    expect(a.url).toBe('https://courier.example/a/1');
  });

  it('reads JSON-LD (with @graph) when meta tags are missing', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'site' },
        { '@type': 'NewsArticle', headline: 'Four killed in drone strike', datePublished: '2023-11-02T08:00:00Z', publisher: { '@type': 'Organization', name: 'Sahel Wire' } },
      ],
    });
    const a = parseHtmlArticle(page(`<script type="application/ld+json">${ld}</script><script type="application/ld+json">{broken</script>`));
    expect(a.title).toBe('Four killed in drone strike');
    expect(a.publisher).toBe('Sahel Wire');
    expect(a.published?.published).toBe('2023-11-02');
  });

  it('falls back on <time datetime> for the date', () => {
    const a = parseHtmlArticle(page('', '<p>Posted <time datetime="2022-08-03">3 August</time></p>'));
    expect(a.published?.published).toBe('2022-08-03');
  });

  it('still reads a page cut off in the middle of a tag', () => {
    const html = page('');
    const cut = html.slice(0, html.indexOf(PARA3) + 20) + '<b cla';
    const a = parseHtmlArticle(cut);
    expect(a.body).toContain(PARA1);
    expect(a.body).toContain(PARA3.slice(0, 20));
  });

  it('reads a short page without an article element', () => {
    const a = parseHtmlArticle('<html><body><p>Two killed in an air raid.</p></body></html>');
    expect(a.body).toBe('Two killed in an air raid.');
    expect(a.title).toBeNull();
  });

  it('refuses a page without any text', () => {
    expect(() => parseHtmlArticle('<html><head><script>var x=1</script></head><body></body></html>')).toThrow(/no text/);
  });
});

describe('htmlFragmentToText', () => {
  it('turns paragraphs and line breaks into lines and decodes entities', () => {
    expect(htmlFragmentToText('<p>Une frappe &agrave; l&#8217;aube</p><p>deux<br>morts</p><script>x()</script>')).toBe(
      'Une frappe à l’aube\n\ndeux\n\nmorts',
    );
  });

  it('decodes numeric references left by an XML parser', () => {
    expect(decodeNumericEntities('caf&#233; &#x2019; &#0;')).toBe('café ’ &#0;');
  });
});
