/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of HTTP responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sqliteOf } from '../src/query/db.ts';
import { UserStore } from '../src/store/sqlite/users.ts';
import { loadFixture } from '../src/query/fixture.ts';
import { insertIncidents, rng, syntheticIncident } from '../src/query/synthetic.ts';
import { buildServer } from '../src/server/app.ts';

/**
 * Hostile input: every answer is a 4xx JSON error {error: {code, message}} without a stack
 * trace, and the database is unchanged afterwards.
 */
let dir: string;
let store: SqliteStore;
let app: FastifyInstance;
let base: string;
let token: string;
let snapshot: () => string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-api-hostile-'));
  store = await SqliteStore.open(join(dir, 'h.db'));
  await loadFixture(store);
  insertIncidents(sqliteOf(store), Array.from({ length: 50 }, (_, i) => syntheticIncident(rng(3), i)));
  const users = new UserStore(sqliteOf(store));
  users.addUser('ana', 'analyst', 'analyst-password-1');
  token = users.createToken('ana').token;
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'secret.txt'), 'top secret');
  app = await buildServer({ store, webRoot: web, rateLimit: false, stages: async () => ({}) });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  const db = sqliteOf(store);
  snapshot = () =>
    JSON.stringify([
      db.prepare('SELECT count(*) n FROM incidents').get(),
      db.prepare('SELECT count(*) n FROM documents').get(),
      db.prepare('SELECT count(*) n FROM reports').get(),
      db.prepare('SELECT count(*) n FROM users').get(),
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
    ]);
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method, body, headers });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { res, text, json };
}

/** A raw request, for paths fetch would normalise ("/../"). */
function raw(path: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const expectJsonError = (r: { res: Response; json: any; text: string }, status: number) => {
  expect(r.res.status).toBe(status);
  expect(r.json?.error?.code, r.text).toEqual(expect.any(String));
  expect(r.json.error.message).toEqual(expect.any(String));
  expect(r.text).not.toMatch(/\bat .+\.ts:\d+/); // no stack trace
};

describe('hostile input', () => {
  it('SQL metacharacters in filters are values, not SQL', async () => {
    const before = snapshot();
    for (const q of [
      "country=ML'; DROP TABLE incidents; --",
      'admin1=' + encodeURIComponent("x' OR '1'='1"),
      'target=' + encodeURIComponent("AQIM') OR 1=1 --"),
      'belligerent=' + encodeURIComponent('US"; DELETE FROM users; --'),
    ]) {
      const r = await call('GET', `/api/incidents?${q}`);
      expect([200, 400]).toContain(r.res.status);
      if (r.res.status === 200) expect(r.json.total).toBe(0);
    }
    expect(snapshot()).toBe(before);
  });

  it('FTS metacharacters are searched as words', async () => {
    for (const q of ['"unterminated', 'NEAR(a b', 'a OR', '*', 'title:x', '^x', 'AND NOT', "'); --", '{}[]']) {
      for (const path of [`/api/search?q=${encodeURIComponent(q)}`, `/api/incidents?q=${encodeURIComponent(q)}`]) {
        const r = await call('GET', path);
        expect(r.res.status, `${path}: ${r.text}`).toBe(200);
      }
    }
    const hit = await call('GET', '/api/search?q=' + encodeURIComponent('Taoudenni" OR "x'));
    expect(hit.res.status).toBe(200);
  });

  it('bad JSON, wrong content type and huge bodies get 4xx', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expectJsonError(await call('POST', '/api/review/merge', '{"incidents": [', { ...auth, 'content-type': 'application/json' }), 400);
    expectJsonError(await call('POST', '/api/review/merge', 'incidents=a', { ...auth, 'content-type': 'application/x-www-form-urlencoded' }), 415);
    const huge = JSON.stringify({ incidents: ['a', 'b'], reason: 'x'.repeat(3 * 1024 * 1024) });
    expectJsonError(await call('POST', '/api/review/merge', huge, { ...auth, 'content-type': 'application/json' }), 413);
    expectJsonError(await call('POST', '/api/auth/login', 'x'.repeat(2 * 1024 * 1024), { 'content-type': 'application/json' }), 413);
  });

  it('invalid values name the bad input', async () => {
    const cases: [string, RegExp][] = [
      ['/api/incidents?event_date_from=yesterday', /event_date_from/],
      ['/api/incidents?limit=100000', /limit/],
      ['/api/incidents?near=91,0,5', /near/],
      ['/api/incidents?grade=excellent', /grade/],
      ['/api/incidents?cursor=not-a-cursor', /cursor/],
      ['/api/incidents?event_date_from=2020-01-01&event_date_to=2019-01-01', /after/],
      ['/api/map/clusters?zoom=99', /zoom/],
      ['/api/ask?q=', /q/],
    ];
    for (const [path, re] of cases) {
      const r = await call('GET', path);
      expectJsonError(r, 400);
      expect(r.json.error.message).toMatch(re);
    }
  });

  it('upload names cannot escape the upload directory', async () => {
    const before = snapshot();
    for (const name of ['../secret.txt', '../../etc/passwd', '/etc/passwd', 'a/b.txt', '..', '.hidden', 'a\\b.txt']) {
      const body = JSON.stringify({ files: [{ name, content_base64: Buffer.from('hello').toString('base64') }] });
      const r = await call('POST', '/api/ingest', body, { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
      expectJsonError(r, 400);
      expect(r.json.error.message).toMatch(/file names/);
    }
    expect(snapshot()).toBe(before);
    const urls = await call('POST', '/api/ingest', JSON.stringify({ urls: ['file:///etc/passwd'] }), {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    });
    expectJsonError(urls, 400);
  });

  it('path traversal on static files and ids gets a 4xx', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/api/documents/..%2F..%2Fsecret.txt', '/api/incidents/..%2F..%2Fetc%2Fpasswd']) {
      const r = await raw(p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.status, p).toBeLessThan(500);
      expect(r.body).not.toContain('top secret');
    }
    expect(existsSync(join(dir, 'secret.txt'))).toBe(true);
  });

  it('sets security headers on every answer, errors included', async () => {
    for (const p of ['/api/incidents', '/api/nope', '/']) {
      const r = await call('GET', p);
      expect(r.res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(r.res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(r.res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('CSV cells cannot carry spreadsheet formulas', async () => {
    const db = sqliteOf(store);
    const body = JSON.parse((db.prepare('SELECT body FROM incidents LIMIT 1').get() as { body: string }).body);
    body.id = 'SW-XX-2020-0001';
    body.place = { ...body.place, name: '=HYPERLINK("http://evil")' };
    body.country = 'XX';
    insertIncidents(db, [body]);
    const r = await call('GET', '/api/incidents?country=XX&format=csv');
    expect(r.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
