/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of HTTP responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sqliteOf } from '../src/query/db.ts';
import { UserStore } from '../src/store/sqlite/users.ts';
import { defaultAskDeps } from '../src/query/deps.ts';
import { buildServer } from '../src/server/app.ts';
import { defaultReviewService } from '../src/server/review-default.ts';
import { extract } from '../src/extract/index.ts';
import { updateIncidents } from '../src/corroborate/service.ts';

/**
 * The whole path over HTTP with the real stages: an analyst uploads real articles (the seed
 * and dev reports of two strikes in Mali and one in Somalia), extraction and corroboration
 * build the incidents, the seed's question is answered from them, and analyst decisions
 * (merge, split, grade, lock, assess, revert) go through the API into the history.
 */
let dir: string;
let store: SqliteStore;
let app: FastifyInstance;
let base: string;
let auth: Record<string, string>;
const SHARED = new URL('../../shared/', import.meta.url);
const FILES = ['seed/000_f697bc08346bf57f.txt', 'eval/dev/005.txt', 'eval/dev/101.txt', 'eval/dev/102.txt', 'eval/dev/143.txt'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-api-review-'));
  store = await SqliteStore.open(join(dir, 'r.db'));
  const users = new UserStore(sqliteOf(store));
  users.addUser('ana', 'analyst', 'analyst-password-1');
  auth = { authorization: `Bearer ${users.createToken('ana').token}`, 'content-type': 'application/json' };
  app = await buildServer({
    store,
    rateLimit: false,
    askDeps: defaultAskDeps(),
    review: await defaultReviewService(store),
    stages: async () => ({ extract: (d) => extract(d), corroborate: async (s, ids) => void (await updateIncidents(s, ids)) }),
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { res, json: text ? JSON.parse(text) : null };
}

describe('ingest, ask and review over HTTP with the real stages', () => {
  it('ingests uploaded articles with progress', async () => {
    const files = FILES.map((f) => ({ name: f.split('/').pop()!, content_base64: readFileSync(new URL(f, SHARED)).toString('base64') }));
    const r = await call('POST', '/api/ingest', { files, reason: 'sample corpus' });
    expect(r.res.status).toBe(202);
    let job: any;
    for (let i = 0; i < 600; i++) {
      job = (await call('GET', r.json.progress)).json;
      if (job.status !== 'running') break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(job.status).toBe('done');
    expect(job.planned).toBe(FILES.length);
    expect(job.done).toBe(FILES.length);
    expect(job.summary.ingested).toBe(FILES.length);
    const list = await call('GET', '/api/incidents?limit=50');
    expect(list.json.total).toBeGreaterThanOrEqual(3);
  });

  it("answers the seed's question from the incidents the pipeline built", async () => {
    const q = encodeURIComponent('Did the US launch a drone strike on AQIM in northern Mali?');
    const { json } = await call('GET', `/api/ask?q=${q}`);
    expect(json.verdict).toBe('reported_unconfirmed');
    expect(json.incidents.length).toBeGreaterThanOrEqual(1);
    const seed = json.incidents[0];
    expect(seed.attributions).toContainEqual({ actor: 'US', status: 'suspected' });
    expect(seed.evidence.length).toBeGreaterThan(0);
    for (const e of seed.evidence) expect(readFileSync(new URL(FILES[0], SHARED), 'utf8').replace(/\s+/g, ' ')).toContain(e.quote.replace(/…/g, '').trim().slice(0, 40));
  });

  it('merges two incidents, keeps the old id as a redirect, then reverts', async () => {
    const ml = (await call('GET', '/api/incidents?country=ML&limit=50')).json.items.map((i: any) => i.id) as string[];
    expect(ml.length).toBeGreaterThanOrEqual(2);
    const [a, b] = ml;
    const merged = await call('POST', '/api/review/merge', { incidents: [a, b], reason: 'same strike, two outlets' });
    expect(merged.res.status, JSON.stringify(merged.json)).toBe(200);
    const id = merged.json.incidents[0];
    const view = (await call('GET', `/api/incidents/${id}`)).json;
    expect(view.reports.length).toBeGreaterThanOrEqual(2);
    expect(view.decisions.some((d: any) => d.kind === 'merge' && d.reason === 'same strike, two outlets' && d.by_user === 'ana')).toBe(true);
    const gone = a === id ? b : a;
    const viaOld = (await call('GET', `/api/incidents/${gone}`)).json;
    expect(viaOld.incident.id).toBe(id);
    const rv = await call('POST', '/api/review/revert', { decision: merged.json.decision, reason: 'they were different strikes after all' });
    expect(rv.res.status).toBe(200);
    const after = (await call('GET', '/api/incidents?country=ML&limit=50')).json.items.map((i: any) => i.id);
    expect(after.length).toBe(ml.length);
  });

  it('grades, locks and assesses with reasons, all in the audit log', async () => {
    const id = (await call('GET', '/api/incidents?country=SO&limit=1')).json.items[0].id;
    expect((await call('POST', '/api/review/grade', { incident: id, grade: 'fair', reason: 'a second outlet confirms' })).res.status).toBe(200);
    expect((await call('POST', '/api/review/lock', { incident: id, field: 'killed', value: { low: 1, best: 1, high: 1, claims: [] }, reason: 'named by the ministry' })).res.status).toBe(200);
    const as = await call('POST', '/api/review/assess', { incident: id, belligerent: 'US', confidence: 'high', rationale: 'AFRICOM statement' });
    expect(as.res.status).toBe(200);
    const view = (await call('GET', `/api/incidents/${id}`)).json;
    expect(view.incident.grade).toBe('fair');
    expect(view.decisions.map((d: any) => d.kind)).toEqual(expect.arrayContaining(['grade', 'lock', 'assess']));
    expect(view.assessments.length).toBe(1);
    const audit = new UserStore(sqliteOf(store)).listAudit(20).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['review.grade', 'review.lock', 'review.assess', 'review.merge', 'review.revert', 'ingest']));
  });

  it('refuses decisions on unknown incidents with 404 and bad fields with 400', async () => {
    const r = await call('POST', '/api/review/grade', { incident: 'SW-XX-0000-0999', grade: 'fair', reason: 'no such thing' });
    expect(r.res.status).toBe(404);
    expect(r.json.error.message).toMatch(/SW-XX-0000-0999/);
    const bad = await call('POST', '/api/review/lock', { incident: 'SW-XX-0000-0999', field: 'colour', value: 1, reason: 'bad field' });
    expect(bad.res.status).toBe(400);
    const noReason = await call('POST', '/api/review/grade', { incident: 'SW-XX-0000-0999', grade: 'fair' });
    expect(noReason.res.status).toBe(400);
    expect(noReason.json.error.message).toMatch(/reason/);
  });

  it('shows the review queue, contested and weak first', async () => {
    const { json } = await call('GET', '/api/review/queue');
    expect(json.items.length).toBeGreaterThan(0);
    const rank = (g: string) => (g === 'contested' ? 0 : g === 'weak' ? 1 : 2);
    const ranks = json.items.map((i: any) => rank(i.grade));
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
  });
});
