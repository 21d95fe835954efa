import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { toCsv } from './csv.ts';

/** A response ready to send: its body, media type and weak ETag (hash of the body). */
export interface Rendered {
  body: string;
  type: string;
  etag: string;
}

/**
 * A result as JSON, or as CSV when asked (Accept: text/csv or ?format=csv). `rows` picks what
 * a CSV holds (a list's items); JSON always carries the whole result.
 */
export function render(req: FastifyRequest, reply: FastifyReply, data: unknown, rows?: (d: never) => unknown[]): Rendered {
  const csv = wantsCsv(req) && rows !== undefined;
  const body = csv ? toCsv(rows!(data as never) as Record<string, unknown>[]) : JSON.stringify(data);
  const preset = reply.getHeader('content-type');
  const type = csv ? 'text/csv; charset=utf-8' : typeof preset === 'string' ? preset : 'application/json; charset=utf-8';
  return { body, type, etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
}

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
