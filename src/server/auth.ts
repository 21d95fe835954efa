import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAtLeast, type Role, type User, type UserStore } from '../store/sqlite/users.ts';
import { ApiError } from './errors.ts';

/**
 * Who is calling: an API token (Authorization: Bearer) or a session cookie. Reads are public
 * unless the server is private; writes need an analyst or admin. Cookie-authenticated writes
 * must echo the session's CSRF token in x-csrf-token (double submit): a cross-site form can
 * send the cookie but cannot read the token.
 */
export const SESSION_COOKIE = 'sw_session';

export interface AuthContext {
  user: User | null;
  via: 'token' | 'session' | null;
  csrf: string | null;
  sid: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext;
  }
}

/** What a route needs: public (anyone, even on a private server), read, analyst or admin. */
export type Access = 'public' | 'read' | Role;

export function authenticate(req: FastifyRequest, users: UserStore): AuthContext {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const user = m ? users.userForToken(m[1]) : null;
    if (!user) throw new ApiError(401, 'unauthorized', 'the API token is unknown or revoked');
    return { user, via: 'token', csrf: null, sid: null };
  }
  const sid = req.cookies?.[SESSION_COOKIE];
  if (sid) {
    const s = users.getSession(sid);
    if (s) return { user: s.user, via: 'session', csrf: s.csrf, sid };
  }
  return { user: null, via: null, csrf: null, sid: null };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authorize(req: FastifyRequest, access: Access, isPrivate: boolean): void {
  const { user } = req.auth;
  if (access === 'public') return;
  if (access === 'read') {
    if (isPrivate && !user) throw new ApiError(401, 'unauthorized', 'this server is private: sign in or send an API token');
    return;
  }
  if (!user) throw new ApiError(401, 'unauthorized', `sign in as ${access === 'admin' ? 'an admin' : 'an analyst'} to do this`);
  if (!roleAtLeast(user.role, access)) {
    throw new ApiError(403, 'forbidden', `${user.name} is a ${user.role}; this needs the ${access} role`);
  }
  checkCsrf(req);
}

/** Cookie-authenticated writes must carry the session's CSRF token. */
export function checkCsrf(req: FastifyRequest): void {
  if (req.auth.via !== 'session' || SAFE.has(req.method)) return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent !== req.auth.csrf) {
    throw new ApiError(403, 'csrf', 'missing or wrong x-csrf-token header for a cookie-authenticated write');
  }
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, sid: string, expires: string): void {
  reply.setCookie(SESSION_COOKIE, sid, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    expires: new Date(expires),
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
}
