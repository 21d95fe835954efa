import type Database from 'better-sqlite3';
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Accounts, sessions, API tokens and the audit log of the HTTP API (migration 4 tables).
 * Secrets are never stored: passwords as scrypt hashes, session ids and tokens as sha256.
 * Synchronous on purpose: better-sqlite3 is synchronous and these run on every request.
 */

export const Role = z.enum(['viewer', 'analyst', 'admin']);
export type Role = z.infer<typeof Role>;

/** What a role may do, weakest first: a role can do everything the roles before it can. */
const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

export const UserName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'user names use letters, digits and . _ @ - only');

export interface User {
  id: number;
  name: string;
  role: Role;
  created_at: string;
  disabled_at: string | null;
}

export interface Session {
  user: User;
  csrf: string;
  expires_at: string;
}

export interface ApiTokenInfo {
  id: string;
  user: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user_name: string;
  action: string;
  target: string | null;
  reason: string | null;
  detail: unknown;
}

/** scrypt cost parameters (N=2^15, r=8, p=1: OWASP's minimum recommendation for scrypt). */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const got = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A random secret, URL-safe. */
export const secret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

type Row = Record<string, unknown>;
const toUser = (r: Row): User => ({
  id: r.id as number,
  name: r.name as string,
  role: Role.parse(r.role),
  created_at: r.created_at as string,
  disabled_at: (r.disabled_at as string | null) ?? null,
});

/** Users, sessions, tokens and audit log over one SQLite connection. */
export class UserStore {
  constructor(private readonly db: Database.Database) {}

  addUser(name: string, role: Role, password: string): User {
    UserName.parse(name);
    Role.parse(role);
    if (password.length < 8) throw new Error(`password for ${name} is too short (8 characters at least)`);
    if (this.getUser(name)) throw new Error(`user ${name} already exists`);
    this.db
      .prepare('INSERT INTO users (name, role, password, created_at) VALUES (?, ?, ?, ?)')
      .run(name, role, hashPassword(password), new Date().toISOString());
    return this.getUser(name)!;
  }

  getUser(name: string): User | null {
    const r = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined;
    return r ? toUser(r) : null;
  }

  listUsers(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as Row[]).map(toUser);
  }

  setPassword(name: string, password: string): void {
    if (password.length < 8) throw new Error(`password for ${name} is too short (8 characters at least)`);
    const n = this.db.prepare('UPDATE users SET password = ? WHERE name = ?').run(hashPassword(password), name).changes;
    if (n === 0) throw new Error(`no user named ${name}`);
  }

  /** The user when name and password match an enabled account; null otherwise (same cost either way). */
  authenticate(name: string, password: string): User | null {
    const r = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined;
    // Hash against a dummy when the user does not exist, so timing does not reveal names.
    const ok = verifyPassword(password, (r?.password as string) ?? dummyHash());
    if (!r || !ok || r.disabled_at) return null;
    return toUser(r);
  }

  // ---- sessions ----

  /** Opens a session; returns the session id (for the cookie) and its CSRF token. */
  createSession(user: User, ttlHours = 12): { sid: string; csrf: string; expires_at: string } {
    const sid = secret();
    const csrf = secret(24);
    const now = new Date();
    const expires_at = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
    this.db
      .prepare('INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(sid), user.id, csrf, now.toISOString(), expires_at);
    return { sid, csrf, expires_at };
  }

  getSession(sid: string): Session | null {
    const r = this.db
      .prepare(
        `SELECT s.csrf, s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = ?`,
      )
      .get(sha256(sid)) as Row | undefined;
    if (!r || r.disabled_at || (r.expires_at as string) <= new Date().toISOString()) return null;
    return { user: toUser(r), csrf: r.csrf as string, expires_at: r.expires_at as string };
  }

  deleteSession(sid: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(sid));
  }

  // ---- API tokens ----

  /** Creates a token for a user. The token is returned once; only its sha256 is kept. */
  createToken(name: string, label: string | null = null): { id: string; token: string } {
    const user = this.getUser(name);
    if (!user) throw new Error(`no user named ${name}`);
    const id = `tok_${secret(6)}`;
    const token = `sw_${secret(32)}`;
    this.db
      .prepare('INSERT INTO api_tokens (id, token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, sha256(token), user.id, label, new Date().toISOString());
    return { id, token };
  }

  /** The token's user, when the token exists, is not revoked and the user is enabled. */
  userForToken(token: string): User | null {
    const r = this.db
      .prepare(
        `SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
      )
      .get(sha256(token)) as Row | undefined;
    if (!r || r.disabled_at) return null;
    return toUser(r);
  }

  revokeToken(id: string): void {
    const n = this.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id).changes;
    if (n === 0) throw new Error(`no active token with id ${id}`);
  }

  listTokens(): ApiTokenInfo[] {
    return this.db
      .prepare(
        `SELECT t.id, u.name AS user, t.label, t.created_at, t.revoked_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.created_at`,
      )
      .all() as ApiTokenInfo[];
  }

  // ---- audit log ----

  audit(entry: { user: string; action: string; target?: string | null; reason?: string | null; detail?: unknown }): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_name, action, target, reason, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        new Date().toISOString(),
        entry.user,
        entry.action,
        entry.target ?? null,
        entry.reason ?? null,
        entry.detail === undefined ? null : JSON.stringify(entry.detail),
      );
  }

  listAudit(limit = 100): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as Row[];
    return rows.map((r) => ({
      id: r.id as number,
      at: r.at as string,
      user_name: r.user_name as string,
      action: r.action as string,
      target: (r.target as string | null) ?? null,
      reason: (r.reason as string | null) ?? null,
      detail: r.detail ? JSON.parse(r.detail as string) : null,
    }));
  }
}

let dummy: string | null = null;
const dummyHash = (): string => (dummy ??= hashPassword('not-a-real-password-' + secret(8)));
