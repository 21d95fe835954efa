import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { buildServer } from './app.ts';
import { checkTileUrl } from './tile-url.ts';

describe('tile URL setting', () => {
  it('accepts https templates with {z}/{x}/{y} and names a bad one', () => {
    expect(checkTileUrl(' https://tile.example.org/{z}/{x}/{y}.png ', 'x')).toBe('https://tile.example.org/{z}/{x}/{y}.png');
    expect(() => checkTileUrl('http://tile.example.org/{z}/{x}/{y}.png', '--tile-url')).toThrow(/--tile-url "http:.*" is not an https URL/);
    expect(() => checkTileUrl('https://tile.example.org/{z}/{x}.png', '--tile-url')).toThrow(/lacks \{y\}/);
    expect(() => checkTileUrl('https://a b/{z}/{x}/{y}', 'STRIKEWATCH_TILE_URL')).toThrow(/STRIKEWATCH_TILE_URL/);
  });

  describe('GET /api/config on loopback', () => {
    let dir: string;
    let store: SqliteStore;
    const apps: FastifyInstance[] = [];
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sw-config-'));
      store = await SqliteStore.open(join(dir, 'c.db'));
    });
    afterAll(async () => {
      for (const a of apps) await a.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const serve = async (tileUrl: string | null, priv = false) => {
      const app = await buildServer({ store, tileUrl, private: priv, rateLimit: false });
      apps.push(app);
      return app.listen({ port: 0, host: '127.0.0.1' });
    };

    it('returns the configured template, even on a private server', async () => {
      const base = await serve('https://tile.example.org/{z}/{x}/{y}.png', true);
      const res = await fetch(`${base}/api/config`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ tile_url: 'https://tile.example.org/{z}/{x}/{y}.png' });
    });

    it('returns null without one', async () => {
      const base = await serve(null);
      expect(await (await fetch(`${base}/api/config`)).json()).toEqual({ tile_url: null });
    });

    it('refuses to start with a bad one', async () => {
      await expect(buildServer({ store, tileUrl: 'ftp://x/{z}/{x}/{y}', rateLimit: false })).rejects.toThrow(/tile URL "ftp:/);
    });
  });
});
