import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.ts';
import { hashPassword, roleAtLeast, UserStore, verifyPassword } from './users.ts';

let dir: string;
let store: SqliteStore;
let users: UserStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-users-'));
  store = await SqliteStore.open(join(dir, 'u.db'));
  users = new UserStore(store.db);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('users', () => {
  it('hashes passwords with scrypt and a fresh salt', () => {
    const a = hashPassword('correct horse battery');
    const b = hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(verifyPassword('correct horse battery', a)).toBe(true);
    expect(verifyPassword('correct horse batterY', a)).toBe(false);
    expect(verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('authenticates, and refuses wrong passwords, unknown and disabled users', () => {
    users.addUser('ana', 'analyst', 'analyst-password');
    expect(users.authenticate('ana', 'analyst-password')?.role).toBe('analyst');
    expect(users.authenticate('ana', 'wrong-password')).toBeNull();
    expect(users.authenticate('nobody', 'analyst-password')).toBeNull();
    store.db.prepare("UPDATE users SET disabled_at = '2020-01-01' WHERE name = 'ana'").run();
    expect(users.authenticate('ana', 'analyst-password')).toBeNull();
    store.db.prepare("UPDATE users SET disabled_at = NULL WHERE name = 'ana'").run();
  });

  it('rejects bad names, roles, duplicates and short passwords with the input named', () => {
    expect(() => users.addUser('a b', 'viewer', 'long-enough-pw')).toThrow(/letters, digits/);
    expect(() => users.addUser('ana', 'viewer', 'long-enough-pw')).toThrow(/ana already exists/);
    expect(() => users.addUser('bob', 'viewer', 'short')).toThrow(/bob is too short/);
    expect(() => users.addUser('bob', 'root' as never, 'long-enough-pw')).toThrow();
  });

  it('sessions expire and end on logout', () => {
    const ana = users.getUser('ana')!;
    const live = users.createSession(ana);
    expect(users.getSession(live.sid)?.csrf).toBe(live.csrf);
    const expired = users.createSession(ana, -1);
    expect(users.getSession(expired.sid)).toBeNull();
    users.deleteSession(live.sid);
    expect(users.getSession(live.sid)).toBeNull();
  });

  it('tokens work until revoked, and are stored only as hashes', () => {
    const t = users.createToken('ana', 'script');
    expect(users.userForToken(t.token)?.name).toBe('ana');
    expect(JSON.stringify(store.db.prepare('SELECT * FROM api_tokens').all())).not.toContain(t.token);
    users.revokeToken(t.id);
    expect(users.userForToken(t.token)).toBeNull();
    expect(() => users.revokeToken(t.id)).toThrow(/no active token/);
  });

  it('orders roles', () => {
    expect(roleAtLeast('admin', 'analyst')).toBe(true);
    expect(roleAtLeast('analyst', 'analyst')).toBe(true);
    expect(roleAtLeast('viewer', 'analyst')).toBe(false);
  });

  it('keeps an audit log, newest first', () => {
    users.audit({ user: 'ana', action: 'review.grade', target: 'SW-ML-2012-0001', reason: 'second source', detail: { grade: 'fair' } });
    const [last] = users.listAudit(1);
    expect(last).toMatchObject({ user_name: 'ana', action: 'review.grade', reason: 'second source', detail: { grade: 'fair' } });
  });
});
