import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { User } from '../store/sqlite/users.ts';
import { authorize, type Access } from './auth.ts';
import { ApiError, describeZod } from './errors.ts';
import { render, sendRendered, type Rendered } from './respond.ts';
import { LruCache } from '../query/cache.ts';

/**
 * One way to declare an endpoint: its zod schemas (query, params, body), who may call it and
 * its handler. The same declaration validates every request and feeds the OpenAPI document,
 * so the docs cannot drift from the code.
 */
export interface RouteSpec<Q = unknown, P = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  bodyLimit?: number;
  /** For CSV output: the rows of a result. Without it the route answers JSON only. */
  rows?: (result: never) => unknown[];
  /** Response description for the docs. */
  returns?: string;
  /** Per-route rate limit (requests per minute per client), stricter than the global one. */
  rateLimit?: number;
  /** GET reads that depend on the database only: their responses are cached until it changes. */
  cache?: boolean;
  handler: (ctx: RouteContext<Q, P, B>) => unknown;
}

export interface RouteContext<Q, P, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  query: Q;
  params: P;
  body: B;
  user: User | null;
}

/** A value the handler returns to send a non-JSON reply it already prepared. */
export const HANDLED = Symbol('handled');

export class Routes {
  readonly specs: RouteSpec[] = [];
  /** Rendered responses of cacheable reads, keyed by the database version and the request. */
  private readonly cache = new LruCache<string, Rendered>(2000);
  /**
   * Keys asked once: a response is kept from its second asking on. Under a stream of
   * distinct requests (every filter new) the cache would otherwise hold 2,000 bodies of
   * ~20 KB that nobody asks again, each replaced by the next, at the price of old-space
   * garbage collection.
   */
  private readonly askedOnce = new LruCache<string, true>(20_000);
  constructor(
    private readonly app: FastifyInstance,
    private readonly isPrivate: boolean,
    /** Changes whenever the database does (see dataVersion). */
    private readonly version: () => string = () => '',
  ) {}

  add<Q, P, B>(spec: RouteSpec<Q, P, B>): void {
    this.specs.push(spec as RouteSpec);
    const parse = <T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T => {
      if (!schema) return undefined as T;
      const r = schema.safeParse(value ?? {});
      if (!r.success) throw new ApiError(400, 'bad_request', describeZod(r.error, where));
      return r.data;
    };
    this.app.route({
      method: spec.method,
      url: spec.url,
      bodyLimit: spec.bodyLimit,
      config: spec.rateLimit ? { rateLimit: { max: spec.rateLimit, timeWindow: '1 minute' } } : {},
      handler: async (req, reply) => {
        authorize(req, spec.access, this.isPrivate);
        // Same URL, same Accept, same database: the same bytes. Access was checked above.
        const cacheKey = spec.cache && spec.method === 'GET' ? `${this.version()}|${req.headers.accept ?? ''}|${req.url}` : null;
        const hit = cacheKey ? this.cache.get(cacheKey) : undefined;
        if (hit) return sendRendered(req, reply, hit);
        const ctx: RouteContext<Q, P, B> = {
          req,
          reply,
          params: parse(spec.params, req.params, 'path'),
          query: parse(spec.query, req.query, 'query'),
          body: parse(spec.body, req.body, 'body'),
          user: req.auth.user,
        };
        const result = await spec.handler(ctx);
        if (result === HANDLED) return reply;
        // A cacheable read's bytes are a function of its cache key: the ETag hashes that key
        // (a few dozen bytes) instead of the body.
        const rendered = render(req, reply, result, spec.rows, cacheKey ?? undefined);
        if (cacheKey && rendered.body.length < 1_000_000) {
          if (this.askedOnce.get(cacheKey)) this.cache.set(cacheKey, rendered);
          else this.askedOnce.set(cacheKey, true);
        }
        return sendRendered(req, reply, rendered);
      },
    });
  }
}
