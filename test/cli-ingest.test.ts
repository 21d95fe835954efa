/**
 * End to end: the real CLI (bin/strikewatch.js) on temporary folders holding one file of
 * every kind it reads and every kind of bad input, with a real SQLite database and real
 * HTTP on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const BIN = fileURLToPath(new URL('../bin/strikewatch.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Each CLI run starts Node, tsx and the lexicons: generous on a busy machine. */
const E2E_TIMEOUT = 240_000;

/** stderr without the periodic progress lines ("ingest: 30/74 inputs, ..."). */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('ingest: '));
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const EN_TITLE = 'Drone strike reported on a truck outside the town';
const EN_BODY =
  'A drone struck a pickup truck on the road outside the town on Sunday evening, killing four men, two residents said. The regional governor said the men belonged to an armed group.';
const FR_BODY =
  "Une frappe aérienne a visé dans la nuit de jeudi à vendredi un campement au nord de la ville, selon une source sécuritaire. Le bilan n'a pas été confirmé par l'armée.";
const AR_BODY = 'قالت مصادر محلية إن طائرة مسيرة استهدفت سيارة على الطريق شرق المدينة مساء الأحد وقتل فيها أربعة أشخاص على الأقل.';

let root: string;
let good: string;
let bad: string;
let server: Server;
let base: string;
let deadUrl: string;
const hanging = new Set<ServerResponse>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sw-cli-ingest-'));
  good = join(root, 'good');
  bad = join(root, 'bad');
  mkdirSync(join(good, 'nested', 'feeds'), { recursive: true });
  mkdirSync(bad);

  // Corpus format: headline, blank line, body + sidecar metadata.
  writeFileSync(join(good, '101.txt'), `${EN_TITLE}\n\n${EN_BODY}\n`);
  writeFileSync(
    join(good, '101.meta.json'),
    JSON.stringify({ id: '101', title: EN_TITLE, publisher: 'Valley Herald', published: '2023-04', published_precision: 'month', language: 'en', group: null }),
  );
  // Plain text without metadata, CRLF line ends.
  writeFileSync(join(good, 'plain.txt'), `Frappe près de la ville\r\n\r\n${FR_BODY}\r\n`);
  writeFileSync(join(good, 'note.md'), `# Strike on a bridge\n\nA *strike* on the old bridge was reported by the army on Tuesday; the statement gave no toll.\n`);
  writeFileSync(join(good, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`Frappe de drone\n\n${FR_BODY}`, 'utf-16le')]));
  writeFileSync(join(good, 'latin.txt'), iconv.encode(`Frappe aérienne\n\n${FR_BODY} Coût estimé : 5 €.`, 'windows-1252'));
  writeFileSync(join(good, 'arabic-1256.txt'), iconv.encode(`غارة بطائرة مسيرة\n\n${AR_BODY}`, 'windows-1256'));
  writeFileSync(join(good, 'arabic-8859-6.txt'), iconv.encode(`غارة جوية شرق المدينة\n\n${AR_BODY} وأضافت المصادر أن الهجوم وقع ليلا.`, 'iso-8859-6'));
  writeFileSync(
    join(good, 'nested', 'page.html'),
    iconv.encode(
      `<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Frappe | Journal</title>
      <meta property="og:title" content="Frappe aérienne au nord"><meta property="og:site_name" content="Le Journal du Sahel">
      <meta property="article:published_time" content="2022-08-03T09:12:00+00:00"></head>
      <body><nav>Accueil Monde Sport</nav><article><p>${FR_BODY}</p><p>${FR_BODY.replace('jeudi', 'mardi')}</p></article><footer>Abonnez-vous</footer></body></html>`,
      'windows-1252',
    ),
  );
  writeFileSync(
    join(good, 'nested', 'feeds', 'wire.rss'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sahel Wire</title><language>en</language>
    <item><title>Air raid on a market &amp; a school</title><link>https://wire.example/raid</link><pubDate>Mon, 06 Jan 2025 07:00:00 GMT</pubDate>
    <description><![CDATA[<p>${EN_BODY}</p>]]></description></item>
    <item><title>Caf&#233; owner describes the raid</title><link>https://wire.example/cafe</link><description>${EN_BODY.replace('four', 'five')}</description></item>
    </channel></rss>`,
  );
  writeFileSync(
    join(good, 'nested', 'feeds', 'monitor.atom'),
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Monitor</title>
    <entry><title>Strike near the border</title><link href="https://monitor.example/border"/><published>2024-03-18T10:00:00Z</published>
    <content type="html">&lt;p&gt;${EN_BODY.replace('Sunday', 'Monday')}&lt;/p&gt;</content></entry></feed>`,
  );
  writeFileSync(join(good, 'gold.jsonl'), '{"id":"101"}\n');

  // Bad inputs, and one good file that must still go in.
  writeFileSync(join(bad, 'ok.txt'), `${EN_TITLE}\n\n${EN_BODY.replace('four', 'three')}`);
  writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0x3e, 0, 1, 0]));
  writeFileSync(join(bad, 'empty.txt'), '');
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(EN_BODY, 'utf-16le')]);
  writeFileSync(join(bad, 'truncated-utf16.txt'), u16.subarray(0, u16.length - 1));
  writeFileSync(join(bad, 'huge.txt'), '');
  truncateSync(join(bad, 'huge.txt'), 100 * 1024 * 1024);
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>One</title><description>${EN_BODY}</description></item><item><title>Two</title><descr`;
  writeFileSync(join(bad, 'cut.xml'), rss);
  writeFileSync(join(bad, 'xxe.rss'), `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&secret;</title></item></channel></rss>`);
  writeFileSync(join(bad, 'cut.html'), `<html><head><title>Cut</title></head><body><article><p>${EN_BODY}</p><p>${EN_BODY.slice(0, 60)}<a hr`);
  writeFileSync(join(bad, 'not-html.html'), '<html><head><style>p{}</style></head><body>   </body></html>');
  symlinkSync(join(bad, 'gone.txt'), join(bad, 'dangling.txt'));
  writeFileSync(join(bad, 'locked.txt'), EN_BODY);
  chmodSync(join(bad, 'locked.txt'), 0o000);

  server = createServer((req, res) => {
    if (req.url === '/article.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html lang="en"><head><meta property="og:title" content="Served strike story"></head><body><article><p>${EN_BODY.replace('pickup', 'white')}</p></article></body></html>`);
    } else hanging.add(res); // /hang: never answers
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/nothing`;
  await new Promise((r) => probe.close(r));
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe('strikewatch ingest (every kind of file)', { timeout: E2E_TIMEOUT }, () => {
  it('ingests text, Markdown, corpus files, legacy charsets, HTML, RSS and Atom, then says they are unchanged', async () => {
    const db = join(root, 'good.db');
    const first = await run(['--db', db, 'ingest', good, `${base}/article.html`]);
    expect(messages(first.stderr)).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`skipped: ${join(good, 'gold.jsonl')} (JSON data, not a document)`);
    expect(first.stdout).toContain('12 documents: 12 ingested, 0 unchanged, 0 failed, 1 skipped');

    const list = await run(['--db', db, 'documents', '--json']);
    const { total, items } = JSON.parse(list.stdout) as { total: number; items: Array<Record<string, string | null>> };
    expect(total).toBe(12);
    const by = (name: string) => items.find((d) => d.name === name);
    expect(by('101')).toMatchObject({ title: EN_TITLE, publisher: 'Valley Herald', published: '2023-04', language: 'en' });
    expect(by('plain')).toMatchObject({ title: 'Frappe près de la ville', language: 'fr', publisher: null, published: null });
    expect(by('note')).toMatchObject({ title: 'Strike on a bridge', language: 'en' });
    expect(by('utf16')).toMatchObject({ title: 'Frappe de drone', language: 'fr' });
    expect(by('latin')).toMatchObject({ title: 'Frappe aérienne', language: 'fr' });
    expect(by('arabic-1256')).toMatchObject({ title: 'غارة بطائرة مسيرة', language: 'ar' });
    expect(by('arabic-8859-6')).toMatchObject({ title: 'غارة جوية شرق المدينة', language: 'ar' });
    expect(by('page')).toMatchObject({ title: 'Frappe aérienne au nord', publisher: 'Le Journal du Sahel', published: '2022-08-03', language: 'fr' });
    expect(by('air-raid-on-a-market-a-school')).toMatchObject({ title: 'Air raid on a market & a school', publisher: 'Sahel Wire', published: '2025-01-06' });
    expect(by('cafe-owner-describes-the-raid')).toMatchObject({ title: 'Café owner describes the raid' });
    expect(by('strike-near-the-border')).toMatchObject({ publisher: 'Monitor', published: '2024-03-18' });
    expect(by('article')).toMatchObject({ title: 'Served strike story', language: 'en', publisher: '127.0.0.1', source: `${base}/article.html` });

    const show = await run(['--db', db, 'documents', 'show', 'latin']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Frappe aérienne\n\n${FR_BODY} Coût estimé : 5 €.`);
    expect(show.stdout).toMatch(/language\s+fr/);
    const shown = JSON.parse((await run(['--db', db, 'documents', 'show', 'page', '--json'])).stdout);
    expect(shown.text.startsWith('Frappe aérienne au nord\n\n')).toBe(true);
    expect(shown.text).not.toContain('Abonnez-vous');
    expect(shown).toMatchObject({ media_type: 'text/html', published_precision: 'day' });
    expect(typeof shown.reports).toBe('number');
    const byId = await run(['--db', db, 'documents', 'show', shown.id.slice(0, 10)]);
    expect(byId.stdout).toContain('Le Journal du Sahel');

    const second = await run(['--db', db, 'ingest', good, `${base}/article.html`]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('all 12 documents unchanged: 0 ingested, 12 unchanged, 0 failed, 1 skipped');
  });

  it('fills publisher, date and language from options only where files lack them', async () => {
    const db = join(root, 'opts.db');
    const out = await run(['--db', db, 'ingest', '--publisher', 'Field notes', '--published', '2021-06-30', '--language', 'fr', join(good, 'plain.txt'), join(good, '101.txt')]);
    expect(out.code).toBe(0);
    const { items } = JSON.parse((await run(['--db', db, 'documents', '--json'])).stdout);
    expect(items.find((d: { name: string }) => d.name === 'plain')).toMatchObject({ publisher: 'Field notes', published: '2021-06-30', language: 'fr' });
    expect(items.find((d: { name: string }) => d.name === '101')).toMatchObject({ publisher: 'Valley Herald', published: '2023-04', language: 'en' });
  });

  it('rejects malformed options with a clear message', async () => {
    const db = join(root, 'opts.db');
    const out = await run(['--db', db, 'ingest', '--published', '30/06/2021', good]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('"30/06/2021" is not a date: expected YYYY-MM-DD');
    const lang = await run(['--db', db, 'ingest', '--languages', 'en,xx', good]);
    expect(lang.stderr).toMatch(/unknown language\(s\) xx/);
  });
});

describe('strikewatch ingest (bad input)', { timeout: E2E_TIMEOUT }, () => {
  it('gives one line per bad input naming it and the reason, stores the rest, exits non-zero', async () => {
    const db = join(root, 'bad.db');
    const asRoot = process.getuid?.() === 0;
    const out = await run([
      '--db', db, 'ingest', '--timeout', '500', bad, join(bad, 'ok.txt', 'child.txt'), join(root, 'no-such-dir'), deadUrl, `${base}/hang`,
    ]);
    expect(out.code).toBe(1);
    const lines = messages(out.stderr);
    const expected = [
      `failed   ${join(bad, 'binary.txt')}: binary file (NUL bytes)`,
      `failed   ${join(bad, 'cut.xml')}: malformed XML at line 1, column`,
      `failed   ${join(bad, 'dangling.txt')}: dangling symbolic link (its target does not exist)`,
      `failed   ${join(bad, 'empty.txt')}: empty file`,
      `failed   ${join(bad, 'huge.txt')}: too large: 100.0 MB (limit 20.0 MB, see --max-bytes)`,
      `failed   ${join(bad, 'not-html.html')}: HTML page has no text`,
      `failed   ${join(bad, 'truncated-utf16.txt')}: truncated UTF-16 text (odd number of bytes)`,
      `failed   ${join(bad, 'xxe.rss')}: XML with a DOCTYPE or ENTITY declaration is refused (external entities are not allowed)`,
      `failed   ${join(bad, 'ok.txt', 'child.txt')}: not a directory (a file is used as a folder in the path)`,
      `failed   ${join(root, 'no-such-dir')}: no such file or directory`,
      `failed   ${deadUrl}: connection refused (nothing listens at that address)`,
      `failed   ${base}/hang: no answer within 0.5 s (timeout)`,
    ];
    if (!asRoot) expected.splice(5, 0, `failed   ${join(bad, 'locked.txt')}: cannot read: permission denied`);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((line, i) => expect(lines[i].startsWith(line), `${lines[i]}\n  should start with\n${line}`).toBe(true));
    const ingested = asRoot ? 3 : 2; // ok.txt, cut.html (a page cut mid-tag still reads), locked.txt when root
    expect(out.stdout).toContain(`${ingested} documents: ${ingested} ingested, 0 unchanged, ${expected.length} failed, 0 skipped`);
    expect(out.stdout).toContain('failures:');

    const { total, items } = JSON.parse((await run(['--db', db, 'documents', '--json'])).stdout);
    expect(total).toBe(ingested);
    expect(items.map((d: { name: string }) => d.name)).toEqual(asRoot ? ['cut', 'locked', 'ok'] : ['cut', 'ok']);
  });

  it('honours --max-bytes and says which document show could not find', async () => {
    const db = join(root, 'small.db');
    const out = await run(['--db', db, 'ingest', '--max-bytes', '100', join(good, '101.txt')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/101\.txt: too large: \d+ bytes \(limit 100 bytes, see --max-bytes\)/);
    const show = await run(['--db', db, 'documents', 'show', 'nope']);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('no document named or with id "nope"');
  });
});
