import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import type { Routes } from '../http.ts';
import { ApiError } from '../errors.ts';
import { clearSessionCookie, setSessionCookie } from '../auth.ts';

const int = (min: number, max: number, dflt: number) =>
  z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(min).max(max)).default(dflt);

/** Sign-in with a session cookie, sign-out, who am I, and the audit log for admins. */
export function authRoutes(r: Routes, ctx: ServerContext): void {
  r.add({
    method: 'POST',
    url: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in: sets an HttpOnly session cookie; returns the user, role and the CSRF token to send as x-csrf-token',
    access: 'public',
    rateLimit: 10,
    body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
    handler: ({ req, reply, body }) => {
      const user = ctx.users.authenticate(body.username, body.password);
      if (!user) {
        ctx.users.audit({ user: body.username, action: 'login_failed' });
        throw new ApiError(401, 'bad_credentials', 'unknown user or wrong password');
      }
      const s = ctx.users.createSession(user);
      setSessionCookie(req, reply, s.sid, s.expires_at);
      ctx.users.audit({ user: user.name, action: 'login' });
      return { user: user.name, role: user.role, csrf: s.csrf, expires_at: s.expires_at };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out: ends the session',
    access: 'public',
    handler: ({ req, reply }) => {
      if (req.auth.via === 'session' && req.auth.sid) {
        ctx.users.deleteSession(req.auth.sid);
        ctx.users.audit({ user: req.auth.user!.name, action: 'logout' });
      }
      clearSessionCookie(req, reply);
      return { ok: true };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/auth/me',
    tag: 'auth',
    summary: 'The signed-in user (null when anonymous), the server mode and, for a session, its CSRF token',
    access: 'public',
    handler: ({ req }) => ({
      user: req.auth.user?.name ?? null,
      role: req.auth.user?.role ?? null,
      via: req.auth.via,
      csrf: req.auth.via === 'session' ? req.auth.csrf : null,
      private: ctx.isPrivate,
    }),
  });
  r.add({
    method: 'GET',
    url: '/api/audit',
    tag: 'auth',
    summary: 'The audit log: every write with who, when and why (admins only)',
    access: 'admin',
    query: z.object({ limit: int(1, 1000, 100), format: z.enum(['json', 'csv']).optional() }),
    rows: (p: { items: unknown[] }) => p.items,
    handler: ({ query }) => ({ items: ctx.users.listAudit(query.limit) }),
  });
}
