import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ANALYST, DIST, HOSTILE_NAME, newPage, shot, startWorld, tempFile, type World } from './web-fixture.ts';

/**
 * The web app in a real browser (Debian's chromium through playwright-core) against the real
 * server on loopback, with the sample corpus ingested through the real pipeline.
 */
let world: World;

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${world.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Page {
  items: { id: string; grade: string; place: string | null }[];
  total: number;
}

beforeAll(async () => {
  world = await startWorld();
}, 240_000);

afterAll(async () => {
  await world?.close();
});

describe('web app', () => {
  it('ships at most 300 KB of gzipped JavaScript besides the map library', () => {
    const assets = join(DIST, 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.some((f) => f.startsWith('leaflet'))).toBe(true);
    const own = js.filter((f) => !f.startsWith('leaflet')).reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
    console.log(`web app JavaScript: ${(own / 1024).toFixed(1)} KB gzipped, besides Leaflet`);
    expect(own).toBeLessThanOrEqual(300 * 1024);
  });

  it('loads the map with the offline basemap and server-clustered markers', async () => {
    const all = await getJson<Page>('/api/incidents?limit=500');
    expect(all.total).toBeGreaterThan(0);
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/`);
    await page.waitForSelector('.leaflet-marker-icon');
    // The Natural Earth countries are drawn as vector paths (no tile server).
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100);
    await page.waitForFunction(() => Number(document.getElementById('map')?.dataset.incidents ?? 0) > 0);
    const shown = Number(await page.getAttribute('#map', 'data-incidents'));
    const withPlace = (await getJson<{ clusters: { count: number }[] }>('/api/map/clusters?zoom=3&bbox=-180,-85,180,85')).clusters.reduce((s, c) => s + c.count, 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(withPlace);
    await expect(page.textContent('#result-count')).resolves.toContain(`${all.total} incident`);
    await shot(page, 'map');
    // No antimeridian streak: no drawn edge of a country runs across most of the world.
    const streaks = await page.evaluate(() => {
      const zoom = Number(document.getElementById('map')!.dataset.zoom);
      if (!Number.isInteger(zoom)) throw new Error('the map does not say its zoom');
      const world = 256 * 2 ** zoom;
      let n = 0;
      for (const p of Array.from(document.querySelectorAll('.leaflet-overlay-pane path'))) {
        for (const sub of (p.getAttribute('d') ?? '').split('M').slice(1)) {
          const xs = sub.match(/-?[\d.]+/g)!.map(Number).filter((_, i) => i % 2 === 0);
          for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - xs[i - 1]) > world / 2) n++;
        }
      }
      return n;
    });
    expect(streaks).toBe(0);
    // A marker of one incident opens its card.
    const single = page.locator('.sw-dot').first();
    await expect(page.locator('.sw-dot').count()).resolves.toBeGreaterThan(0);
    // Markers are keyboard-focusable buttons: Enter opens the card.
    await single.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup .card');
    await expect(page.textContent('.leaflet-popup .card')).resolves.toMatch(/SW-/);
    await shot(page, 'map-card');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters through the URL, so a link shares the view, and brushes dates on the timeline', async () => {
    const all = await getJson<Page>('/api/incidents?limit=500');
    const grade = all.items[0].grade;
    const expected = await getJson<Page>(`/api/incidents?grade=${grade}&limit=1&count=capped`);
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/`);
    await page.waitForSelector('#f-grade');
    await page.selectOption('#f-grade', grade);
    await page.click('form.filters button[type=submit]');
    await page.waitForFunction((g) => location.search.includes(`grade=${g}`), grade);
    await page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.startsWith(`${n} incident`), expected.total);
    const links = await page.locator('.incident-list .incident-link').count();
    expect(links).toBe(Math.min(25, expected.total));
    const shared = page.url();
    await shot(page, 'filtered');

    // Opening an incident and coming back keeps the filters.
    await page.locator('.incident-list .incident-link').first().click();
    await page.waitForSelector('.incident[data-incident]');
    await page.click('text=Back to the map');
    await page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.startsWith(`${n} incident`), expected.total);
    expect(new URL(page.url()).searchParams.get('grade')).toBe(grade);

    // The shared link restores the same view in a fresh page.
    const other = await newPage(world);
    await other.page.goto(shared);
    await other.page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.startsWith(`${n} incident`), expected.total);
    await expect(other.page.inputValue('#f-grade')).resolves.toBe(grade);
    await other.page.context().close();

    // A region phrase goes to the API as it is, which resolves it with the gazetteer.
    const inMali = await getJson<Page>(`/api/incidents?region=${encodeURIComponent('northern Mali')}&limit=1&count=capped`);
    await page.click('form.filters button.secondary');
    await page.fill('#f-region', 'northern Mali');
    await page.click('form.filters button[type=submit]');
    await page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.startsWith(`${n} incident`), inMali.total);
    expect(new URL(page.url()).searchParams.get('region')).toBe('northern Mali');

    // Dragging across the timeline sets a date range in the URL.
    await page.click('form.filters button.secondary');
    await page.waitForSelector('.tl-svg rect');
    const box = (await page.locator('.tl-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => /event_date_from=\d{4}-\d{2}-\d{2}/.test(location.search) && /event_date_to=/.test(location.search));
    const params = new URL(page.url()).searchParams;
    expect(params.get('event_date_from')! <= params.get('event_date_to')!).toBe(true);
    await expect(page.inputValue('#f-from')).resolves.toBe(params.get('event_date_from'));
    await page.waitForSelector('.tl-svg .brushed');
    await shot(page, 'timeline-brushed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens an incident page with the supporting spans highlighted and linked to their fields', async () => {
    const all = await getJson<Page>('/api/incidents?limit=500');
    // The incident with the most sources makes the richest page.
    const withSources = await Promise.all(all.items.slice(0, 60).map((i) => getJson<{ incident: { id: string }; documents: unknown[]; reports: { spans: Record<string, unknown> }[] }>(`/api/incidents/${i.id}`)));
    const view = withSources.sort((a, b) => b.documents.length - a.documents.length)[0];
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/#/incident/${view.incident.id}`);
    await page.waitForSelector('.source-text mark[data-field]');
    const marks = await page.locator('mark[data-field]').count();
    expect(marks).toBeGreaterThan(0);
    await expect(page.locator('article.source').count()).resolves.toBe(view.documents.length);
    // Every mark's text is the document's text at a span of one of the reports.
    const fields = new Set(view.reports.flatMap((r) => Object.keys(r.spans)));
    const markFields = await page.locator('mark[data-field]').evaluateAll((ms) => ms.flatMap((m) => (m as HTMLElement).dataset.field!.split(' ')));
    for (const f of markFields) expect(fields.has(f)).toBe(true);
    // Clicking a field flashes the words behind it.
    const field = markFields[0];
    await page.locator(`button.field-link[data-link-field="${field}"]`).first().click();
    await page.waitForSelector('mark.flash');
    await expect(page.locator('mark.flash').first().getAttribute('data-field')).resolves.toContain(field);
    await expect(page.locator('.summary .badge').first().textContent()).resolves.toMatch(/confirmed|fair|weak|contested|discounted/);
    await shot(page, 'incident');
    await page.locator('article.source').first().scrollIntoViewIfNeeded();
    await shot(page, 'incident-sources');
    // Exports link to the JSON and GeoJSON of the incident.
    const geo = await page.getAttribute('a[href$=".geojson"]', 'href');
    const feature = await getJson<{ type: string; id: string }>(geo!);
    expect(feature).toMatchObject({ type: 'Feature', id: view.incident.id });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("answers the seed's question with its verdict, how it was understood and the evidence", async () => {
    const question = 'Did the US launch a drone strike on AQIM in northern Mali?';
    const expected = await getJson<{ verdict: string; incidents: { id: string }[] }>(`/api/ask?q=${encodeURIComponent(question)}`);
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/`);
    await page.fill('#ask-input', question);
    await page.press('#ask-input', 'Enter');
    await page.waitForSelector('[data-verdict]');
    await expect(page.getAttribute('[data-verdict]', 'data-verdict')).resolves.toBe(expected.verdict);
    await expect(page.locator('.evidence > li').count()).resolves.toBe(expected.incidents.length);
    await expect(page.textContent('.understood')).resolves.toContain('yes/no');
    if (expected.incidents.length) await expect(page.locator('.evidence blockquote').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'ask');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('signs an analyst in, shows the review queue and merges two incidents', async () => {
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/#/login`);
    await page.fill('#login-user', ANALYST.name);
    await page.fill('#login-pass', ANALYST.password);
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('table.queue tbody tr[data-incident]');
    await expect(page.textContent('#nav')).resolves.toContain(ANALYST.name);
    const ids = await page.locator('table.queue tbody tr[data-incident]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.incident!));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await shot(page, 'review-queue');
    const [a, b] = ids.slice(-2);
    await page.check(`input[name=pick][value="${a}"]`);
    await page.check(`input[name=pick][value="${b}"]`);
    await page.fill('#merge-reason', 'same strike told by two outlets');
    await page.click('.merge-form button[type=submit]');
    await page.waitForSelector('.incident[data-incident]');
    const va = await getJson<{ incident: { id: string; report_ids: string[] } }>(`/api/incidents/${a}`);
    const vb = await getJson<{ incident: { id: string } }>(`/api/incidents/${b}`);
    expect(va.incident.id).toBe(vb.incident.id);
    expect(va.incident.report_ids.length).toBeGreaterThanOrEqual(2);
    await expect(page.getAttribute('.incident', 'data-incident')).resolves.toBe(va.incident.id);
    await expect(page.textContent('.decisions')).resolves.toContain('same strike told by two outlets');
    await shot(page, 'merged');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets an analyst grade and assess an incident with reasons, then revert the grade', async () => {
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/#/login`);
    await page.fill('#login-user', ANALYST.name);
    await page.fill('#login-pass', ANALYST.password);
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('table.queue tbody tr[data-incident]');
    const id = (await page.locator('table.queue tbody tr[data-incident]').first().getAttribute('data-incident'))!;
    const before = await getJson<{ incident: { grade: string } }>(`/api/incidents/${id}`);
    await page.goto(`${world.url}/#/incident/${id}`);
    const grade = page.locator('form.decision-grade');
    await grade.waitFor();
    await grade.locator('select').selectOption('discounted');
    await grade.locator('textarea').fill('the sources describe a training exercise');
    await grade.locator('button[type=submit]').click();
    await page.waitForFunction(() => document.querySelector('.summary .badge')?.textContent === 'discounted');
    await expect(getJson<{ incident: { grade: string } }>(`/api/incidents/${id}`)).resolves.toMatchObject({ incident: { grade: 'discounted' } });

    const assess = page.locator('form.decision-assess');
    await assess.locator('input[name=belligerent]').fill('US');
    await assess.locator('select').selectOption('medium');
    await assess.locator('textarea').fill('a Reaper orbit was reported over the area that morning');
    await assess.locator('button[type=submit]').click();
    await page.waitForFunction(() => /Reaper orbit/.test(document.querySelector('#ass-title')?.parentElement?.textContent ?? ''));
    await expect(page.textContent('.decisions')).resolves.toContain('the sources describe a training exercise');
    await shot(page, 'decisions');

    // Revert the grade from the history: the automatic grade comes back.
    const gradeEntry = page.locator('.decisions li', { hasText: 'the sources describe a training exercise' });
    await gradeEntry.locator('button[data-decision]').click();
    await gradeEntry.locator('input').fill('the exercise story was itself denied');
    await gradeEntry.locator('button[type=submit]').click();
    await page.waitForFunction((g) => document.querySelector('.summary .badge')?.textContent === g, before.incident.grade);
    await expect(page.locator('.decisions li.reverted').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows markup in a source as text: no script runs, no image loads, no javascript: link', async () => {
    const doc = await getJson<{ document: { id: string; text: string }; incidents: string[] }>(`/api/documents/${HOSTILE_NAME}`);
    expect(doc.document.text).toContain('<script>');
    expect(doc.incidents.length).toBeGreaterThan(0);
    const { page, errors, dialogs } = await newPage(world);
    await page.goto(`${world.url}/#/incident/${doc.incidents[0]}`);
    const section = page.locator(`article.source[data-document="${doc.document.id}"] .source-text`);
    await section.waitFor();
    const text = await section.textContent();
    expect(text).toContain('<script>window.__pwned = 1; alert(1)</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2; alert(2)">');
    await expect(section.locator('script, img, a').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).resolves.toBeNull();
    expect(dialogs).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'injection-as-text');
    // The same text quoted as evidence by the ask box stays text too.
    await page.goto(`${world.url}/#/ask/${encodeURIComponent('How many strikes hit Jilib in 2019?')}`);
    await page.waitForSelector('[data-verdict]');
    await expect(page.locator('.evidence script, .evidence img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('ingests an uploaded file with progress, signed in as an analyst', async () => {
    const { page, errors } = await newPage(world);
    await page.goto(`${world.url}/#/login/ingest`);
    await page.fill('#login-user', ANALYST.name);
    await page.fill('#login-pass', ANALYST.password);
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('#in-files');
    const before = (await getJson<{ total: number }>('/api/documents?limit=1')).total;
    const file = tempFile('upload-kidal.txt', 'Frappe de drone près de Kidal\n\nUne frappe de drone a visé un véhicule près de Kidal, dans le nord du Mali, le 3 mars 2021, selon des sources locales.');
    await page.setInputFiles('#in-files', file);
    await page.fill('#in-reason', 'browser test upload');
    await page.click('.ingest-form button[type=submit]');
    await page.waitForFunction(() => /^done: 1 of 1 inputs read, 1 document/.test(document.querySelector('.ingest .form-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await expect(page.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).resolves.toBe(1);
    await expect(page.textContent('.ingest-results')).resolves.toContain('upload-kidal');
    // The new document's incident is one click away.
    await page.waitForSelector('.ingest-results a[href^="#/incident/SW-"]');
    expect((await getJson<{ total: number }>('/api/documents?limit=1')).total).toBe(before + 1);
    await shot(page, 'ingest');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the charts and fits a phone screen without sideways scrolling', async () => {
    const { page, errors } = await newPage(world, { width: 390, height: 844 });
    await page.goto(`${world.url}/#/charts`);
    await page.waitForFunction(() => document.querySelectorAll('figure.chart svg').length >= 5);
    await expect(page.locator('figure.chart svg rect').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'charts-phone');
    await page.goto(`${world.url}/`);
    await page.waitForSelector('.leaflet-marker-icon');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'map-phone');
    // Keyboard: the skip link comes first and every form control has a label.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
    );
    expect(unlabelled).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
