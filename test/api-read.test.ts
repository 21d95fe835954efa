/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of HTTP responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sqliteOf } from '../src/query/db.ts';
import { insertIncidents, rng, syntheticIncident } from '../src/query/synthetic.ts';
import { loadFixture, type Fixture } from '../src/query/fixture.ts';
import { defaultAskDeps } from '../src/query/deps.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';
import { buildServer } from '../src/server/app.ts';

/** Every read endpoint over real HTTP on loopback, against real articles and 600 synthetic incidents. */
let dir: string;
let store: SqliteStore;
let app: FastifyInstance;
let base: string;
let fx: Fixture;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-api-read-'));
  store = await SqliteStore.open(join(dir, 'api.db'));
  fx = await loadFixture(store);
  const r = rng(11);
  insertIncidents(sqliteOf(store), Array.from({ length: 600 }, (_, i) => syntheticIncident(r, i)));
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>strikewatch web</title>');
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  app = await buildServer({ store, webRoot: web, askDeps: defaultAskDeps(), gazetteer: loadGazetteer(), rateLimit: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(base + path, { headers });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { res, text, json };
};

describe('incidents', () => {
  it('lists with ACLED-style filters and a total', async () => {
    const { res, json } = await get('/api/incidents?country=ML&event_date_from=2010-01-01&event_date_to=2015-12-31&limit=20');
    expect(res.status).toBe(200);
    expect(json.items.length).toBeGreaterThan(0);
    for (const i of json.items) {
      expect(i.country).toBe('ML');
      expect(i.date_end >= '2010-01-01' && i.date_start <= '2015-12-31').toBe(true);
    }
    expect(json.total).toBeGreaterThanOrEqual(json.items.length);
    expect(json.items.map((i: any) => i.id)).toContain(fx.ids[0]);
    // total counts as far as the page read, unless asked to count further
    const all = await get('/api/incidents?limit=10');
    expect(all.json).toMatchObject({ total: 10, total_exact: false });
    const second = await get(`/api/incidents?limit=10&cursor=${encodeURIComponent(all.json.next_cursor)}`);
    expect(second.json).toMatchObject({ total: 20, total_exact: false });
    expect((await get('/api/incidents?limit=10&page=3')).json).toMatchObject({ total: 30, total_exact: false });
    expect((await get('/api/incidents?limit=10&count=capped')).json).toMatchObject({ total: 100, total_exact: false });
    expect((await get('/api/incidents?limit=10&count=exact')).json).toMatchObject({ total: 604, total_exact: true });
    expect((await get('/api/incidents?limit=10&count=some')).res.status).toBe(400);
    const exact = await get('/api/incidents/count');
    expect(exact.json.count).toBe(604);
  });

  it('walks pages with the cursor without repeats', async () => {
    const seen = new Set<string>();
    let url = '/api/incidents?limit=100&country=SO';
    let total = 0;
    for (let k = 0; k < 20; k++) {
      const { json } = await get(url);
      total = json.total;
      for (const i of json.items) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      }
      if (!json.next_cursor) break;
      url = `/api/incidents?limit=100&country=SO&cursor=${encodeURIComponent(json.next_cursor)}`;
    }
    expect(seen.size).toBe(total);
  });

  it('filters by target with its units: AQIM includes the brigade of the seed', async () => {
    const { json } = await get('/api/incidents?target=AQIM&limit=500');
    expect(json.items.map((i: any) => i.id)).toContain(fx.ids[0]);
    expect(json.items.every((i: any) => i.targets.some((t: string) => t.startsWith('AQIM')))).toBe(true);
  });

  it('filters by region phrase through the gazetteer', async () => {
    const { res, json } = await get('/api/incidents?region=' + encodeURIComponent('northern Mali') + '&limit=500');
    expect(res.status).toBe(200);
    expect(json.items.map((i: any) => i.id)).toContain(fx.ids[0]);
    expect(json.items.every((i: any) => i.country === 'ML')).toBe(true);
    const bad = await get('/api/incidents?region=Qwxzyplokt');
    expect(bad.res.status).toBe(400);
    expect(bad.json.error.message).toMatch(/Qwxzyplokt/);
  });

  it('full text finds the incidents of matching documents', async () => {
    const { json } = await get('/api/incidents?q=Taoudenni');
    expect(json.items.map((i: any) => i.id)).toEqual([fx.ids[0]]);
  });

  it('answers CSV by Accept or ?format=csv', async () => {
    const a = await get('/api/incidents?country=ML&limit=5', { accept: 'text/csv' });
    expect(a.res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = a.text.trim().split('\r\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['id', 'grade', 'date_start', 'country', 'lat', 'lon']));
    expect(lines.length).toBe(6);
    const b = await get('/api/incidents?country=ML&limit=5&format=csv');
    expect(b.text).toBe(a.text);
  });

  it('sends ETags and 304 when unchanged', async () => {
    const a = await get('/api/incidents?country=SO&limit=3');
    const etag = a.res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const b = await get('/api/incidents?country=SO&limit=3', { 'if-none-match': etag });
    expect(b.res.status).toBe(304);
    expect(b.text).toBe('');
  });

  it('cached answers change as soon as the database does', async () => {
    const before = await get('/api/incidents/count?country=ZZ');
    expect(before.json.count).toBe(0);
    const inc = syntheticIncident(rng(99), 999_999);
    insertIncidents(sqliteOf(store), [{ ...inc, id: 'SW-ZZ-2020-0001', country: 'ZZ' }]);
    expect((await get('/api/incidents/count?country=ZZ')).json.count).toBe(1);
    sqliteOf(store).prepare("DELETE FROM incidents WHERE id = 'SW-ZZ-2020-0001'").run();
    expect((await get('/api/incidents/count?country=ZZ')).json.count).toBe(0);
  });

  it('shows one incident with reports, spans, documents with text, decisions', async () => {
    const { res, json } = await get(`/api/incidents/${fx.ids[0]}`);
    expect(res.status).toBe(200);
    expect(json.incident.id).toBe(fx.ids[0]);
    expect(json.reports).toHaveLength(1);
    const doc = json.documents[0];
    const [s, e] = json.reports[0].spans.event;
    expect(doc.text.slice(s, e)).toBe('came under an air attack');
    expect(json.decisions).toEqual([]);
    expect((await get('/api/incidents/SW-XX-0000-9999')).res.status).toBe(404);
  });

  it('follows a redirect left by a merge', async () => {
    sqliteOf(store).prepare('INSERT INTO incident_redirects (from_id, to_id, at) VALUES (?, ?, ?)').run('SW-ML-2012-0999', fx.ids[0], new Date().toISOString());
    const { json } = await get('/api/incidents/SW-ML-2012-0999');
    expect(json.incident.id).toBe(fx.ids[0]);
    expect(json.redirected_from).toBe('SW-ML-2012-0999');
  });

  it('serves GeoJSON', async () => {
    const { res, json } = await get(`/api/incidents/${fx.ids[1]}.geojson`);
    expect(res.headers.get('content-type')).toMatch(/geo\+json/);
    expect(json.type).toBe('Feature');
    expect(json.geometry.coordinates).toEqual([42.78, 0.49]);
    expect(json.properties.attributions).toEqual([{ actor: 'US', status: 'acknowledged' }]);
  });
});

describe('statistics and map', () => {
  it('counts per year stacked by grade', async () => {
    const { json } = await get('/api/stats?by=year&stack=grade&country=ML');
    const all = await get('/api/incidents?country=ML&limit=1&count=exact');
    const sum = json.buckets.reduce((a: number, b: any) => a + b.incidents, 0);
    expect(sum).toBe(all.json.total);
    for (const b of json.buckets) expect(Object.values(b.stacks).reduce((a: any, n: any) => a + n, 0)).toBe(b.incidents);
  });
  it('counts per belligerent, as CSV too', async () => {
    const { json } = await get('/api/stats?by=belligerent');
    expect(json.buckets.find((b: any) => b.key === 'US').incidents).toBeGreaterThan(0);
    const csv = await get('/api/stats?by=month&stack=belligerent&format=csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^key,incidents,killed/);
  });
  it('rejects an unknown dimension', async () => {
    const { res, json } = await get('/api/stats?by=planet');
    expect(res.status).toBe(400);
    expect(json.error.code).toBe('bad_request');
    expect(json.error.message).toMatch(/by/);
  });
  it('clusters by zoom within a bbox', async () => {
    const world = await get('/api/map/clusters?zoom=1');
    const total = world.json.clusters.reduce((a: number, c: any) => a + c.count, 0);
    expect(total).toBe(604);
    const sahel = await get('/api/map/clusters?zoom=6&bbox=-12,10,5,25');
    for (const c of sahel.json.clusters) {
      expect(c.lon).toBeGreaterThanOrEqual(-12);
      expect(c.lat).toBeLessThanOrEqual(25);
    }
    expect(sahel.json.clusters.length).toBeGreaterThan(0);
  });
});

describe('documents, reports, actors, places, search, ask', () => {
  it('lists documents and shows one with its text, reports and incidents', async () => {
    const list = await get('/api/documents');
    expect(list.json.total).toBe(4);
    const one = await get(`/api/documents/${encodeURIComponent(fx.documents[0])}`);
    expect(one.json.document.text).toContain('Taoudenni');
    expect(one.json.incidents).toEqual([fx.ids[0]]);
    expect((await get('/api/documents/nothing-here')).res.status).toBe(404);
  });
  it('lists reports, of one document too, and one report', async () => {
    const all = await get('/api/reports');
    expect(all.json.items).toHaveLength(4);
    const one = await get(`/api/reports?document=${encodeURIComponent(fx.documents[1])}`);
    expect(one.json.items).toHaveLength(1);
    const r = await get(`/api/reports/${encodeURIComponent(one.json.items[0].id)}`);
    expect(r.json.event_type).toBe('airstrike');
    const csv = await get('/api/reports?format=csv');
    expect(csv.text.split('\r\n').length).toBe(6);
  });
  it('lists actors with their incident counts and names', async () => {
    const { json } = await get('/api/actors?role=belligerent');
    const us = json.items.find((a: any) => a.id === 'US');
    expect(us.incidents).toBeGreaterThan(1);
    expect(us.name).toMatch(/United States/);
  });
  it('looks up places', async () => {
    const { json } = await get('/api/places?q=Kidal');
    expect(json.items[0].country).toBe('ML');
  });
  it('searches documents with bm25 and their incidents', async () => {
    const { json } = await get('/api/search?q=Jilib');
    expect(json.items[0].name).toBe(fx.documents[1]);
    expect(json.items[0].incidents).toEqual([fx.ids[1]]);
  });
  it("answers the seed's question (narrowed to June 2012, as synthetic incidents crowd the region)", async () => {
    const { json } = await get('/api/ask?q=' + encodeURIComponent('Did the US launch a drone strike on AQIM in northern Mali in June 2012?'));
    expect(json.verdict).toBe('reported_unconfirmed');
    expect(json.incidents[0].id).toBe(fx.ids[0]);
    expect(json.incidents[0].evidence.length).toBeGreaterThan(0);
  });
});

describe('docs, health and the web app', () => {
  it('publishes an OpenAPI document covering the routes', async () => {
    const { json } = await get('/api/openapi.json');
    expect(json.openapi).toBe('3.1.0');
    for (const p of ['/api/incidents', '/api/incidents/{id}', '/api/incidents/{id}.geojson', '/api/ask', '/api/stats', '/api/map/clusters', '/api/review/merge', '/api/ingest', '/api/auth/login']) {
      expect(json.paths[p], p).toBeDefined();
    }
    const params = json.paths['/api/incidents'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['event_date_from', 'event_date_to', 'country', 'limit', 'page', 'cursor']));
  });
  it('renders docs without inline script', async () => {
    const { res, text } = await get('/api/docs');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(text).toContain('<script src="/api/docs.js">');
    expect((await get('/api/docs.js')).res.status).toBe(200);
  });
  it('reports health', async () => {
    const { json } = await get('/api/health');
    expect(json.ok).toBe(true);
    expect(json.schema).toBeGreaterThanOrEqual(4);
  });
  it('serves the web app, with its page for client routes and JSON 404s under /api', async () => {
    expect((await get('/')).text).toContain('strikewatch web');
    expect((await get('/app.js')).text).toContain('console.log');
    expect((await get('/incidents/SW-ML-2012-0001', { accept: 'text/html' })).text).toContain('strikewatch web');
    const api404 = await get('/api/nope');
    expect(api404.res.status).toBe(404);
    expect(api404.json.error.code).toBe('not_found');
  });
});
