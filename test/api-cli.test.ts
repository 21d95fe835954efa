import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/** `strikewatch users` and `strikewatch serve` as an administrator runs them. */
let dir: string;
let db: string;
const BIN = new URL('../bin/strikewatch.js', import.meta.url).pathname;
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', input, timeout: 120_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-api-cli-'));
  db = join(dir, 'users.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('strikewatch users and serve', () => {
  let token = '';
  let tokenId = '';

  it('adds users with the password on STDIN or --password, refuses bad roles and short passwords', () => {
    expect(cli(['users', 'add', 'ana', '--role', 'analyst'], 'a-long-password\n').status).toBe(0);
    expect(cli(['users', 'add', 'vic', '--password', 'another-password']).status).toBe(0);
    const bad = cli(['users', 'add', 'eve', '--role', 'overlord', '--password', 'whatever-long']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--role overlord/);
    const short = cli(['users', 'add', 'eve', '--password', 'short']);
    expect(short.stderr).toMatch(/too short/);
    const list = cli(['users', 'list']);
    expect(list.stdout).toMatch(/^ana\tanalyst/m);
    expect(list.stdout).toMatch(/^vic\tviewer/m);
  });

  it('creates a token printed once', () => {
    const r = cli(['users', 'token', 'ana', '--label', 'tests']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    tokenId = /token id (tok_\S+)/.exec(lines[0])![1];
    token = lines[1];
    expect(token).toMatch(/^sw_/);
    expect(cli(['users', 'tokens']).stdout).not.toContain(token);
  });

  it('serves the API; a revoked token stops working at once', async () => {
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((ok, fail) => {
        createInterface({ input: child.stdout! }).once('line', ok);
        child.once('exit', (c) => fail(new Error(`serve exited with ${c}`)));
      });
      const base = /at (http:\/\/\S+)/.exec(line)![1].replace('localhost', '127.0.0.1');
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      const auth = { authorization: `Bearer ${token}` };
      const me = await (await fetch(`${base}/api/auth/me`, { headers: auth })).json();
      expect(me).toMatchObject({ user: 'ana', role: 'analyst', via: 'token' });
      expect(cli(['users', 'revoke', tokenId]).status).toBe(0);
      const after = await fetch(`${base}/api/auth/me`, { headers: auth });
      expect(after.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
