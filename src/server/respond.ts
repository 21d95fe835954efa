import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { toCsv } from './csv.ts';

/**
 * Sends a result as JSON, or as CSV when asked (Accept: text/csv or ?format=csv), with a
 * weak ETag (hash of the body) and 304 Not Modified when the client already has it.
 * `rows` picks what a CSV holds (a list's items); JSON always carries the whole result.
 */
export function send(req: FastifyRequest, reply: FastifyReply, data: unknown, rows?: (d: never) => unknown[]): FastifyReply {
  const format = wantsCsv(req) && rows ? 'csv' : 'json';
  const body = format === 'csv' ? toCsv(rows!(data as never) as Record<string, unknown>[]) : JSON.stringify(data);
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  reply.header('ETag', etag);
  reply.header('Vary', 'Accept, Cookie, Authorization');
  if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-cache');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return reply.status(304).send();
  }
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(body);
  const preset = reply.getHeader('content-type');
  return reply.type(typeof preset === 'string' ? preset : 'application/json; charset=utf-8').send(body);
}

export function wantsCsv(req: FastifyRequest): boolean {
  const q = req.query as Record<string, unknown> | undefined;
  if (q && q.format === 'csv') return true;
  if (q && q.format === 'json') return false;
  const accept = req.headers.accept ?? '';
  return /\btext\/csv\b/.test(accept) && !/application\/json/.test(accept);
}
