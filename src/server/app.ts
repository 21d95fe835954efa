import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '../store/store.ts';
import { UserStore } from '../store/sqlite/users.ts';
import { dataVersion, sqliteOf } from '../query/db.ts';
import { ask } from '../query/ask.ts';
import type { AskDeps } from '../query/ask-types.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import type { Stages } from '../pipeline.ts';
import { z } from 'zod';
import { authenticate } from './auth.ts';
import type { ServerContext } from './context.ts';
import { installErrorHandling } from './errors.ts';
import { Routes } from './http.ts';
import { openApiDocument } from './openapi.ts';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-page.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { sourceRoutes } from './routes/sources.ts';
import { authRoutes } from './routes/auth.ts';
import { reviewRoutes } from './routes/review.ts';
import { ingestRoutes } from './routes/ingest.ts';
import type { ReviewService } from './review-service.ts';
import { installSecurityHeaders } from './security.ts';
import { checkTileUrl } from './tile-url.ts';

export interface ServerOptions {
  store: Store;
  /** Require sign-in (or a token) for reads too. */
  private?: boolean;
  /** The built web app (web/dist); served at / when it exists. */
  webRoot?: string;
  /** Lexicon and gazetteer for region filters and `ask`. */
  askDeps?: AskDeps;
  gazetteer?: Gazetteer | null;
  /** Analyst decisions (the corroboration service). */
  review?: ReviewService | null;
  /** Ingest stages (src/stages.ts defaultStages by default). */
  stages?: () => Promise<Stages>;
  /** Requests per minute per client; false turns the limit off (benchmarks). Default 1200. */
  rateLimit?: number | false;
  /** Largest JSON body outside ingest, in bytes (default 1 MiB). */
  bodyLimit?: number;
  logger?: boolean;
  /** Trust X-Forwarded-* (behind a reverse proxy): the client address and https come from it. */
  trustProxy?: boolean;
  /** Tile URL template for the web map (src/server/tile-url.ts); the offline basemap without it. */
  tileUrl?: string | null;
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The HTTP API (and the web app's files), ready to listen. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const tileUrl = opts.tileUrl ? checkTileUrl(opts.tileUrl, 'tile URL') : null;
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    return503OnClosing: true,
  });
  const db = sqliteOf(opts.store);
  const askDeps = opts.askDeps ?? {};
  const ctx: ServerContext = {
    store: opts.store,
    db,
    users: new UserStore(db),
    isPrivate: opts.private ?? false,
    queryDeps: askDeps,
    askDeps,
    gazetteer: opts.gazetteer ?? null,
    review: opts.review ?? null,
    stages: opts.stages ?? (async () => (await import('../stages.ts')).defaultStages()),
  };

  const webRoot = opts.webRoot ? resolve(opts.webRoot) : null;
  const hasWeb = webRoot !== null && existsSync(resolve(webRoot, 'index.html'));
  installErrorHandling(app, hasWeb);
  installSecurityHeaders(app);
  await app.register(cookie);
  if (opts.rateLimit !== false) {
    await app.register(rateLimit, {
      max: opts.rateLimit ?? 1200,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, c) => ({
        statusCode: 429,
        error: { code: 'rate_limited', message: `too many requests: ${c.max} a minute per client; retry in ${Math.ceil(c.ttl / 1000)} s` },
      }),
    });
  }
  // A callback hook, not an async one: no promise per request.
  app.addHook('onRequest', (req, _reply, done) => {
    req.auth = { user: null, via: null, csrf: null, sid: null };
    try {
      if (req.url.startsWith('/api/')) req.auth = authenticate(req, ctx.users);
    } catch (e) {
      done(e as Error);
      return;
    }
    done();
  });

  const routes = new Routes(app, ctx.isPrivate, () => dataVersion(db));
  incidentRoutes(routes, ctx);
  sourceRoutes(routes, ctx);
  routes.add({
    method: 'GET',
    url: '/api/ask',
    tag: 'ask',
    summary: 'Answer a question in English or French with a verdict, counts and quoted evidence',
    access: 'read',
    cache: true,
    query: z.object({ q: z.string().trim().min(3).max(500), limit: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.number().int().min(1).max(50)).default(10) }),
    handler: ({ query }) => ask(db, query.q, askDeps, { limit: query.limit }),
  });
  reviewRoutes(routes, ctx);
  ingestRoutes(routes, ctx);
  authRoutes(routes, ctx);
  routes.add({
    method: 'GET',
    url: '/api/config',
    tag: 'meta',
    summary: "The web app's settings: the map tile URL template (null: the offline basemap)",
    access: 'public',
    handler: () => ({ tile_url: tileUrl }),
  });
  routes.add({
    method: 'GET',
    url: '/api/health',
    tag: 'meta',
    summary: 'Liveness and what the database holds',
    access: 'public',
    handler: async () => ({ ok: true, version: VERSION, schema: (await opts.store.info()).schemaVersion }),
  });

  const spec = openApiDocument(routes.specs, VERSION);
  app.get('/api/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(spec));
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));
  app.get('/api/docs.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(DOCS_JS));
  app.get('/api/docs.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(DOCS_CSS));

  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot!, prefix: '/', index: 'index.html', wildcard: true });
  }
  return app;
}
