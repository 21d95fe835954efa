import { loadOrBuild, type LoadStats } from './cache.ts';
import type { GazData } from './data.ts';
import { findKey, postingsOf } from './hashindex.ts';
import { nameKey } from './normalize.ts';
import { candidateOf, candidatesOf, fcodeOf, geocodeText } from './resolve.ts';
import type { Gazetteer, GeocodeOptions, GeocodeResult, PlaceCandidate } from './types.ts';

export type { Gazetteer, GeocodeOptions, GeocodeResult, PlaceCandidate } from './types.ts';
export { destination, haversineKm, bearingOf, EARTH_RADIUS_KM, KM_PER_MILE } from './geo.ts';
export { nameKey } from './normalize.ts';

/**
 * The offline gazetteer (GeoNames cities500 + admin1/admin2 + country names, CC BY 4.0).
 * `loadGazetteer()` reads the disk cache (.cache/gazetteer-*.bin), building it on first
 * use; it is synchronous and memoised per process.
 */
export class GeoNamesGazetteer implements Gazetteer {
  constructor(
    readonly data: GazData,
    readonly stats: LoadStats,
  ) {}

  geocode(text: string, opts?: GeocodeOptions): GeocodeResult[] {
    try {
      return geocodeText(this.data, text, opts);
    } catch {
      // the contract is "never throws on any string"; a bug here must not sink extraction
      return [];
    }
  }

  lookup(name: string, opts?: GeocodeOptions): PlaceCandidate[] {
    const key = typeof name === 'string' ? nameKey(name) : null;
    if (!key) return [];
    const k = findKey(this.data.index, key);
    if (k < 0) return [];
    const weights = new Map<string, number>();
    (opts?.countryHints ?? []).forEach((cc, i) => weights.set(cc.toUpperCase(), Math.max(0.4, 1 - 0.2 * i)));
    return candidatesOf(this.data, postingsOf(this.data.index, k), weights).map((c) => candidateOf(this.data, c.place));
  }

  country(iso2: string): PlaceCandidate | null {
    const p = this.data.countryPlace.get(String(iso2).toUpperCase());
    return p === undefined ? null : candidateOf(this.data, p);
  }

  /** The ISO2 code of a country name in any indexed language ("Somalie", "الصومال", "Mali"), or null. */
  countryByName(name: string): string | null {
    const key = nameKey(name);
    if (!key) return null;
    const k = findKey(this.data.index, key);
    if (k < 0) return null;
    for (const code of postingsOf(this.data.index, k)) {
      const p = code >>> 1;
      if (fcodeOf(this.data, p) === 'PCLI') return this.data.countries[this.data.country[p]];
    }
    return null;
  }

  /** Countries named in a text, in order of first mention, without duplicates. */
  countriesIn(text: string): string[] {
    const out: string[] = [];
    for (const r of this.geocode(text)) if (r.kind === 'country' && r.place.country && !out.includes(r.place.country)) out.push(r.place.country);
    return out;
  }
}

let memo: GeoNamesGazetteer | null = null;

/** The process-wide gazetteer: loaded from the disk cache, built on first use. */
export function loadGazetteer(): GeoNamesGazetteer {
  if (!memo) {
    const { data, stats } = loadOrBuild();
    memo = new GeoNamesGazetteer(data, stats);
  }
  return memo;
}

/** ISO2 of a country name in any indexed language, or null. */
export function countryByName(name: string): string | null {
  return loadGazetteer().countryByName(name);
}
