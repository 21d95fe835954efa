import { resolve } from 'node:path';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { ingestSources } from '../pipeline.ts';
import { defaultStages } from '../stages.ts';
import { buildServer } from '../server/app.ts';
import { defaultAskDeps } from '../query/deps.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { defaultReviewService } from '../server/review-default.ts';
import { ensureWebBuilt } from './web-build.ts';

/**
 * `strikewatch start` (what `npm start` runs): builds the web app if needed, ingests the
 * bundled sample corpus into the database (idempotent: a second start finds it unchanged),
 * then serves the app and prints its address.
 */
export const registerStart: RegisterCommand = (program) => {
  program
    .command('start')
    .description('ingest the bundled sample corpus and serve the web app (what npm start runs)')
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '8080')
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--sample <dir>', 'corpus to ingest first', 'data/sample')
    .action(async (opts: { port: string; host: string; sample: string }, cmd) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${opts.port} is not a port number`);
      console.log('Building the web app (first start only)…');
      const webRoot = await ensureWebBuilt();
      await withStore(cmd, async (store) => {
        const info = await store.info();
        console.log(`Ingesting ${opts.sample} into ${info.location}…`);
        const summary = await ingestSources(store, [resolve(opts.sample)], {}, await defaultStages());
        const [documents, reports] = [await store.countDocuments(), await store.countReports()];
        console.log(
          `${summary.ingested} new, ${summary.unchanged} unchanged, ${summary.failed.length} failed; ` +
            `the database holds ${documents} documents and ${reports} reports.`,
        );
        for (const f of summary.failed) console.log(`  failed: ${f.input}: ${f.reason}`);
        const app = await buildServer({
          store,
          webRoot,
          askDeps: defaultAskDeps(),
          gazetteer: loadGazetteer(),
          review: await defaultReviewService(store),
        });
        const address = await app.listen({ port, host: opts.host });
        const url = address.replace('127.0.0.1', 'localhost');
        console.log(`\nstrikewatch is running at ${url}`);
        console.log(`  ask:       npx strikewatch ask "Did the US launch a drone strike on AQIM in northern Mali?"`);
        console.log(`  API docs:  ${url}/api/docs`);
        console.log(`  add users: npx strikewatch users add NAME --role analyst`);
        console.log('Press Ctrl+C to stop.');
        await new Promise<void>((done) => {
          const stop = () => void app.close().then(() => done());
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });
};
