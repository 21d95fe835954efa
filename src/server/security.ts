import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response, set here rather than through a plugin so the policy
 * is visible in one place. The CSP allows only this origin's scripts (no inline script),
 * inline styles (map libraries set style attributes), images from https tile servers and
 * data: URLs, and no framing.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function installSecurityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: no promise per response.
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.headers(HEADERS);
    if (req.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    done(null, payload);
  });
}
