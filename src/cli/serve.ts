import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { buildServer } from '../server/app.ts';
import { defaultAskDeps } from '../query/deps.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { defaultReviewService } from '../server/review-default.ts';
import { checkTileUrl } from '../server/tile-url.ts';

/** `strikewatch serve`: the HTTP API and, when built, the web app. Runs until interrupted. */
export const registerServe: RegisterCommand = (program) => {
  program
    .command('serve')
    .description('serve the HTTP API (and the web app from web/dist when built)')
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--private', 'require sign-in (or an API token) for reads too')
    .option('--web <dir>', 'directory of the built web app', 'web/dist')
    .option('--rate-limit <n>', 'requests per minute per client (0 turns it off)', '1200')
    .option('--trust-proxy', 'behind a reverse proxy: take the client address and https from X-Forwarded-*')
    .option('--tile-url <template>', 'map tiles for the web app, https://.../{z}/{x}/{y}.png (default: STRIKEWATCH_TILE_URL, else the offline basemap)', process.env.STRIKEWATCH_TILE_URL)
    .option('--quiet', 'no request log')
    .action(async (opts: { port: string; host: string; private?: boolean; web: string; rateLimit: string; trustProxy?: boolean; quiet?: boolean; tileUrl?: string }, cmd) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${opts.port} is not a port number`);
      const rate = Number(opts.rateLimit);
      if (!Number.isInteger(rate) || rate < 0) throw new Error(`--rate-limit ${opts.rateLimit} is not a whole number`);
      const tileUrl = opts.tileUrl ? checkTileUrl(opts.tileUrl, opts.tileUrl === process.env.STRIKEWATCH_TILE_URL ? 'STRIKEWATCH_TILE_URL' : '--tile-url') : null;
      await withStore(cmd, async (store) => {
        const webRoot = resolve(opts.web);
        const app = await buildServer({
          store,
          private: opts.private ?? false,
          webRoot: existsSync(webRoot) ? webRoot : undefined,
          askDeps: defaultAskDeps(),
          gazetteer: loadGazetteer(),
          review: await defaultReviewService(store),
          rateLimit: rate === 0 ? false : rate,
          trustProxy: opts.trustProxy ?? false,
          tileUrl,
          logger: !opts.quiet,
        });
        const address = await app.listen({ port, host: opts.host });
        const info = await store.info();
        console.log(`strikewatch serving ${info.location} at ${address.replace('127.0.0.1', 'localhost')}${opts.private ? ' (private)' : ''}`);
        console.log(`API docs at ${address}/api/docs`);
        await new Promise<void>((done) => {
          const stop = () => void app.close().then(() => done());
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });
};
