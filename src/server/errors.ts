import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FilterError } from '../query/resolve.ts';
import { CursorError } from '../query/cursor.ts';

/**
 * Every error leaves the server as JSON {error: {code, message}} with a 4xx or 5xx status;
 * a stack trace never does (it goes to the log).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/** "field: problem; field: problem" from a zod error, naming each bad input. */
export function describeZod(err: z.ZodError, where: string): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${where}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`)
    .join('; ');
}

/** `spa`: GET pages outside /api that match no route get the web app's index.html (client routes). */
export function installErrorHandling(app: FastifyInstance, spa = false): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    let status = 500;
    let code = 'internal';
    let message = 'internal error';
    if (err instanceof ApiError) {
      ({ status, code, message } = err);
    } else if (err instanceof z.ZodError) {
      status = 400;
      code = 'bad_request';
      message = describeZod(err, 'input');
    } else if (err instanceof FilterError || err instanceof CursorError) {
      status = 400;
      code = 'bad_request';
      message = err.message;
    } else {
      const fe = err as FastifyError;
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        status = 413;
        code = 'body_too_large';
        message = 'request body is larger than this endpoint accepts';
      } else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        status = 415;
        code = 'unsupported_media_type';
        message = 'send JSON (Content-Type: application/json)';
      } else if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
        status = 400;
        code = 'bad_json';
        message = 'request body is not valid JSON';
      } else if (fe.statusCode === 429) {
        status = 429;
        code = 'rate_limited';
        message = fe.message || 'too many requests';
      } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
        status = fe.statusCode;
        code = 'bad_request';
        message = fe.message;
      }
    }
    if (status >= 500) req.log.error({ err }, 'request failed');
    reply.status(status).type('application/json; charset=utf-8').send({ error: { code, message } });
  });
  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply
      .status(404)
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'not_found', message: `no route for ${req.method} ${req.url.split('?')[0].slice(0, 200)}` } });
  });
}
