import type { HashIndex } from './hashindex.ts';

/**
 * The in-memory gazetteer: every place (GeoNames cities500 rows, then derived admin2 and
 * admin1 regions, then countries) as parallel typed arrays, plus the name index.
 * Built by build.ts, written to and read from disk by cache.ts.
 */
export interface GazData {
  /** Number of places. */
  n: number;
  /** GeoNames id, or -1 for a derived region or a country. */
  gid: Int32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  /** Radius (km) covering the place itself. */
  radius: Float32Array;
  /** Index into `fcodes`. */
  fcode: Uint8Array;
  /** Index into `countries`. */
  country: Uint16Array;
  /** Index into `admin1Codes` ("ML.08"), or 0xffff when unknown. */
  admin1: Uint16Array;
  /** Canonical names, one per place. */
  names: string[];
  /** Feature codes: PPL, PPLA, ..., plus ADM1, ADM2, PCLI for derived regions. */
  fcodes: string[];
  /** ISO2 codes. */
  countries: string[];
  /** "CC.code" of every admin1, and its display name. */
  admin1Codes: string[];
  admin1Names: string[];
  /**
   * Extent (trimmed bounding box of member places) of region and country entries, indexed
   * by place index − `firstRegion`: [latMin, latMax, lonMin, lonMax] × count.
   */
  extent: Float32Array;
  firstRegion: number;
  /** Index of each country's entry by ISO2. */
  countryPlace: Map<string, number>;
  index: HashIndex;
}

export const NO_ADMIN1 = 0xffff;
