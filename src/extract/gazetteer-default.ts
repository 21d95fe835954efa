/**
 * The gazetteer extraction uses when the caller passes none. TEMPORARY: returns null until
 * src/gazetteer/index.ts (loadGazetteer) lands; then it loads it once, lazily.
 */
import type { Gazetteer } from '../gazetteer/types.ts';

export function defaultGazetteer(): Gazetteer | null {
  return null;
}
