/**
 * The API server process of bench/api.bench.ts: `node --import tsx bench/api-server.ts <db>`.
 * Prints its address on the first line of stdout. Rate limiting and request logs are off.
 */
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { buildServer } from '../src/server/app.ts';
import { defaultAskDeps } from '../src/query/deps.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';

const db = process.argv[2];
if (!db) throw new Error('usage: api-server.ts <database file>');
const store = await SqliteStore.open(db);
const app = await buildServer({ store, askDeps: defaultAskDeps(), gazetteer: loadGazetteer(), rateLimit: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(address);
process.on('SIGTERM', () => void app.close().then(() => store.close()).then(() => process.exit(0)));
