/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of HTTP responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sqliteOf } from '../src/query/db.ts';
import { UserStore } from '../src/store/sqlite/users.ts';
import { buildServer } from '../src/server/app.ts';

/** Role boundaries, sessions with CSRF, API tokens and their revocation, private mode, audit, rate limits. */
let dir: string;
let store: SqliteStore;
let users: UserStore;
let app: FastifyInstance;
let base: string;
const SEED = new URL('../../shared/seed/000_f697bc08346bf57f.txt', import.meta.url);
const DEV = new URL('../../shared/eval/dev/', import.meta.url);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-api-auth-'));
  store = await SqliteStore.open(join(dir, 'auth.db'));
  users = new UserStore(sqliteOf(store));
  users.addUser('root', 'admin', 'admin-password-1');
  users.addUser('ana', 'analyst', 'analyst-password-1');
  users.addUser('vic', 'viewer', 'viewer-password-1');
  app = await buildServer({ store, rateLimit: false, stages: async () => ({}) });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; at?: string } = {}) {
  const res = await fetch((opts.at ?? base) + path, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* empty */
  }
  return { res, json, text };
}

async function login(username: string, password: string, at?: string) {
  const r = await call('POST', '/api/auth/login', { body: { username, password }, at });
  const cookie = (r.res.headers.get('set-cookie') ?? '').split(';')[0];
  return { ...r, cookie, csrf: r.json?.csrf as string };
}

const fileBody = (name: string, path: URL) => ({ files: [{ name, content_base64: readFileSync(path).toString('base64') }], reason: 'test upload' });

async function waitJob(job: string, headers: Record<string, string>) {
  for (let i = 0; i < 100; i++) {
    const r = await call('GET', `/api/ingest/${job}`, { headers });
    if (r.json.status !== 'running') return r.json;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('ingest job did not finish');
}

describe('sessions', () => {
  it('rejects a wrong password and audits it', async () => {
    const r = await login('ana', 'wrong-password');
    expect(r.res.status).toBe(401);
    expect(r.json.error.code).toBe('bad_credentials');
    expect(r.cookie).toBe('');
    expect(users.listAudit(5).some((a) => a.action === 'login_failed' && a.user_name === 'ana')).toBe(true);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie and returns the CSRF token', async () => {
    const r = await login('ana', 'analyst-password-1');
    expect(r.res.status).toBe(200);
    expect(r.json).toMatchObject({ user: 'ana', role: 'analyst' });
    const setCookie = r.res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback
    const me = await call('GET', '/api/auth/me', { headers: { cookie: r.cookie } });
    expect(me.json).toMatchObject({ user: 'ana', role: 'analyst', via: 'session', csrf: r.csrf });
  });

  it('cookie writes need the CSRF header (double submit)', async () => {
    const s = await login('ana', 'analyst-password-1');
    const body = fileBody('seed.txt', SEED);
    const none = await call('POST', '/api/ingest', { body, headers: { cookie: s.cookie } });
    expect(none.res.status).toBe(403);
    expect(none.json.error.code).toBe('csrf');
    const wrong = await call('POST', '/api/ingest', { body, headers: { cookie: s.cookie, 'x-csrf-token': 'x' + s.csrf } });
    expect(wrong.res.status).toBe(403);
    const ok = await call('POST', '/api/ingest', { body, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(ok.res.status).toBe(202);
    const job = await waitJob(ok.json.job, { cookie: s.cookie });
    expect(job.status).toBe('done');
    expect(job.documents).toHaveLength(1);
    expect(job.documents[0].name).toBe('seed');
    expect(await store.countDocuments()).toBe(1);
  });

  it('a viewer cannot write', async () => {
    const s = await login('vic', 'viewer-password-1');
    const r = await call('POST', '/api/ingest', { body: fileBody('a.txt', SEED), headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(r.res.status).toBe(403);
    expect(r.json.error.code).toBe('forbidden');
    const review = await call('POST', '/api/review/grade', {
      body: { incident: 'SW-ML-2012-0001', grade: 'fair', reason: 'two sources' },
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(review.res.status).toBe(403);
    const queue = await call('GET', '/api/review/queue', { headers: { cookie: s.cookie } });
    expect(queue.res.status).toBe(403);
  });

  it('anonymous callers cannot write', async () => {
    const r = await call('POST', '/api/review/merge', { body: { incidents: ['A-1', 'B-2'], reason: 'same strike' } });
    expect(r.res.status).toBe(401);
    expect((await call('POST', '/api/ingest', { body: fileBody('a.txt', SEED) })).res.status).toBe(401);
  });

  it('logout ends the session at once', async () => {
    const s = await login('ana', 'analyst-password-1');
    const out = await call('POST', '/api/auth/logout', { headers: { cookie: s.cookie } });
    expect(out.res.status).toBe(200);
    const me = await call('GET', '/api/auth/me', { headers: { cookie: s.cookie } });
    expect(me.json.user).toBeNull();
  });
});

describe('API tokens', () => {
  it('a token writes without CSRF; once revoked it stops working at once', async () => {
    const t = users.createToken('ana', 'test');
    const auth = { authorization: `Bearer ${t.token}` };
    const ok = await call('POST', '/api/ingest', { body: fileBody('005.txt', new URL('005.txt', DEV)), headers: auth });
    expect(ok.res.status).toBe(202);
    const job = await waitJob(ok.json.job, auth);
    expect(job.summary.ingested).toBe(1);
    users.revokeToken(t.id);
    const after = await call('GET', `/api/ingest/${ok.json.job}`, { headers: auth });
    expect(after.res.status).toBe(401);
    expect(after.json.error.message).toMatch(/revoked/);
    const read = await call('GET', '/api/incidents', { headers: auth });
    expect(read.res.status).toBe(401);
  });

  it('tokens are stored hashed', () => {
    const t = users.createToken('vic');
    const rows = sqliteOf(store).prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[];
    expect(rows.some((r) => r.token_hash === t.token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const pw = sqliteOf(store).prepare("SELECT password FROM users WHERE name = 'vic'").get() as { password: string };
    expect(pw.password).toMatch(/^scrypt\$/);
    expect(pw.password).not.toContain('viewer-password-1');
  });

  it('a viewer token reads but cannot write', async () => {
    const t = users.createToken('vic');
    const auth = { authorization: `Bearer ${t.token}` };
    expect((await call('GET', '/api/incidents', { headers: auth })).res.status).toBe(200);
    expect((await call('POST', '/api/ingest', { body: fileBody('a.txt', SEED), headers: auth })).res.status).toBe(403);
  });
});

describe('audit log', () => {
  it('records every write with user and reason; only admins read it', async () => {
    const s = await login('root', 'admin-password-1');
    const log = await call('GET', '/api/audit', { headers: { cookie: s.cookie } });
    expect(log.res.status).toBe(200);
    const ingests = log.json.items.filter((a: any) => a.action === 'ingest');
    expect(ingests.length).toBe(2);
    expect(ingests.every((a: any) => a.user_name === 'ana' && a.reason === 'test upload')).toBe(true);
    const a = await login('ana', 'analyst-password-1');
    expect((await call('GET', '/api/audit', { headers: { cookie: a.cookie } })).res.status).toBe(403);
  });
});

describe('private mode and rate limits', () => {
  it('a private server needs sign-in for reads, keeps login and health open', async () => {
    const priv = await buildServer({ store, private: true, rateLimit: false });
    const at = await priv.listen({ port: 0, host: '127.0.0.1' });
    try {
      const anon = await call('GET', '/api/incidents', { at });
      expect(anon.res.status).toBe(401);
      expect(anon.json.error.code).toBe('unauthorized');
      expect((await call('GET', '/api/health', { at })).res.status).toBe(200);
      const s = await login('vic', 'viewer-password-1', at);
      expect((await call('GET', '/api/incidents', { at, headers: { cookie: s.cookie } })).res.status).toBe(200);
    } finally {
      await priv.close();
    }
  });

  it('limits requests per client with a JSON 429', async () => {
    const limited = await buildServer({ store, rateLimit: 5 });
    const at = await limited.listen({ port: 0, host: '127.0.0.1' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await call('GET', '/api/health', { at })).res.status);
      expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
      const last = await call('GET', '/api/health', { at });
      expect(last.res.status).toBe(429);
      expect(last.json.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('limits sign-in attempts more strictly (10 a minute per client)', async () => {
    const limited = await buildServer({ store });
    const at = await limited.listen({ port: 0, host: '127.0.0.1' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await call('POST', '/api/auth/login', { at, body: { username: 'nobody', password: 'x' } })).res.status);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[10]).toBe(429);
      // other endpoints keep the general limit
      expect((await call('GET', '/api/health', { at })).res.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
