/**
 * The gazetteer extraction uses when the caller passes none: the process-wide GeoNames
 * gazetteer, loaded lazily on first use (from its disk cache) and memoised by its module.
 */
import type { Gazetteer } from '../gazetteer/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';

let failed = false;

export function defaultGazetteer(): Gazetteer | null {
  if (failed) return null;
  try {
    return loadGazetteer();
  } catch {
    // No gazetteer data: extraction still runs, without places.
    failed = true;
    return null;
  }
}
