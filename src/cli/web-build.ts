import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Newest modification time of any file under dir (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app (web/ -> web/dist) with Vite when the build is missing or older than
 * its sources, so `npm start` on a fresh clone serves the app with no extra step.
 * Returns the directory to serve.
 */
export async function ensureWebBuilt(root = resolve('web')): Promise<string> {
  const dist = join(root, 'dist');
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'index.html')).mtimeMs);
  if (existsSync(join(dist, 'index.html')) && newestMtime(dist) >= sources) return dist;
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return dist;
}
