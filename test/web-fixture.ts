import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { ingestSources } from '../src/pipeline.ts';
import { defaultStages } from '../src/stages.ts';
import { sqliteOf } from '../src/query/db.ts';
import { UserStore } from '../src/store/sqlite/users.ts';
import { buildServer } from '../src/server/app.ts';
import { defaultAskDeps } from '../src/query/deps.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';
import { defaultReviewService } from '../src/server/review-default.ts';
import type { ReviewService } from '../src/server/review-service.ts';

/**
 * The browser tests' world: the web app built by Vite, a temporary SQLite database holding
 * the sample corpus ingested through the real pipeline, an analyst account, the real server
 * on loopback, and Debian's chromium driven by playwright-core.
 */
export const ROOT = resolve(import.meta.dirname, '..');
export const WEB = join(ROOT, 'web');
export const DIST = join(WEB, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const ANALYST = { name: 'web-analyst', password: 'correct horse battery' };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** Builds web/dist when it is missing or older than the app's sources. */
export async function buildWebIfStale(): Promise<void> {
  const index = join(DIST, 'index.html');
  const sources = Math.max(newest(join(WEB, 'src')), newest(join(WEB, 'index.html')), newest(join(WEB, 'vite.config.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), root: WEB, logLevel: 'warn' });
}

export interface World {
  store: Store;
  app: FastifyInstance;
  url: string;
  browser: Browser;
  review: ReviewService | null;
  dir: string;
  close(): Promise<void>;
}

function countIncidents(store: Store): number {
  return (sqliteOf(store).prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
}

/**
 * A hostile article: a strike report whose text carries markup that must show as text. Written
 * for these tests; the ids of anything it runs would land on window.__pwned.
 */
export const HOSTILE_NAME = 'hostile-markup';
export const HOSTILE_TEXT = [
  'Drone strike kills four near Jilib',
  '',
  'A US drone strike killed four al-Shabaab fighters near Jilib, in southern Somalia, on 12 March 2019, a regional official said.',
  'A post shared after the strike read <script>window.__pwned = 1; alert(1)</script> before it was taken down.',
  'Another showed <img src=x onerror="window.__pwned = 2; alert(2)"> and a link <a href="javascript:alert(3)">here</a>.',
  'The US Africa Command said it was assessing the reports.',
].join('\n');

export async function startWorld(): Promise<World> {
  await buildWebIfStale();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'sw-web-'));
  const hostile = join(dir, 'sources');
  mkdirSync(hostile);
  writeFileSync(join(hostile, `${HOSTILE_NAME}.txt`), HOSTILE_TEXT);
  const store = await openStore(join(dir, 'web.db'));
  await ingestSources(store, [join(ROOT, 'data/sample'), hostile], {}, await defaultStages());
  if (countIncidents(store) === 0) throw new Error('the pipeline made no incidents from data/sample: the browser tests need some');
  new UserStore(sqliteOf(store)).addUser(ANALYST.name, 'analyst', ANALYST.password);
  const review = await defaultReviewService(store);
  const app = await buildServer({
    store,
    webRoot: DIST,
    askDeps: defaultAskDeps(),
    gazetteer: loadGazetteer(),
    review,
    rateLimit: false,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    store,
    app,
    url: address,
    browser,
    review,
    dir,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh page that fails the test on any uncaught page error and records console errors. */
export async function newPage(world: World, viewport = { width: 1280, height: 860 }): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const context = await world.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, errors, dialogs };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Writes a file into a fresh directory (for ingest uploads). */
export function tempFile(name: string, content: string): string {
  const d = mkdtempSync(join(tmpdir(), 'sw-up-'));
  const p = join(d, name);
  writeFileSync(p, content);
  return p;
}
