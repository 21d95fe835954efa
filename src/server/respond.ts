import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { toCsv } from './csv.ts';

/**
 * A result already encoded as JSON (a list page joined from its stored items): sent as it is,
 * and decoded only for a CSV answer.
 */
export class JsonText {
  constructor(readonly json: string) {}
  value(): unknown {
    return JSON.parse(this.json);
  }
}

/** A response ready to send: its body, media type and weak ETag. */
export interface Rendered {
  body: string;
  type: string;
  etag: string;
}

/**
 * A result as JSON, or as CSV when asked (Accept: text/csv or ?format=csv). `rows` picks what
 * a CSV holds (a list's items); JSON always carries the whole result.
 */
export function render(
  req: FastifyRequest,
  reply: FastifyReply,
  data: unknown,
  rows?: (d: never) => unknown[],
  /** What the body is a function of (see Routes): hashed instead of the body when given. */
  key?: string,
): Rendered {
  const csv = wantsCsv(req) && rows !== undefined;
  const value = () => (data instanceof JsonText ? data.value() : data);
  const body = csv
    ? toCsv(rows!(value() as never) as Record<string, unknown>[])
    : data instanceof JsonText
      ? data.json
      : JSON.stringify(data);
  const preset = reply.getHeader('content-type');
  const type = csv ? 'text/csv; charset=utf-8' : typeof preset === 'string' ? preset : 'application/json; charset=utf-8';
  return { body, type, etag: etagOf(key === undefined ? body : `${PROCESS_NONCE}|${key}`) };
}

/**
 * Differs between server processes: a key-based ETag holds the database version, which
 * starts again from the same numbers when the server restarts.
 */
const PROCESS_NONCE = randomBytes(9).toString('base64url');

const etagOf = (s: string) => `W/"${createHash('sha1').update(s).digest('base64url').slice(0, 22)}"`;

/** Sends a rendered response, or 304 Not Modified when the client already has it (If-None-Match). */
export function sendRendered(req: FastifyRequest, reply: FastifyReply, r: Rendered): FastifyReply {
  reply.header('ETag', r.etag);
  reply.header('Vary', 'Accept, Cookie, Authorization');
  if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-cache');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === r.etag || t.trim() === '*')) return reply.status(304).send();
  return reply.type(r.type).send(r.body);
}

/** render + sendRendered. */
export function send(req: FastifyRequest, reply: FastifyReply, data: unknown, rows?: (d: never) => unknown[]): FastifyReply {
  return sendRendered(req, reply, render(req, reply, data, rows));
}

export function wantsCsv(req: FastifyRequest): boolean {
  const q = req.query as Record<string, unknown> | undefined;
  if (q && q.format === 'csv') return true;
  if (q && q.format === 'json') return false;
  const accept = req.headers.accept ?? '';
  return /\btext\/csv\b/.test(accept) && !/application\/json/.test(accept);
}
