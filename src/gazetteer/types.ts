import type { Place } from '../domain/index.ts';

/**
 * The gazetteer's contract, used by extraction and query. The implementation (index,
 * scanner, disambiguation, offsets) lives beside this file.
 */

/** One GeoNames-backed candidate for a name. */
export interface PlaceCandidate {
  geonames_id: number | null;
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  /** 'P' populated place, 'A' admin region / country, etc. (GeoNames feature class) */
  feature_class: string;
  feature_code: string;
  population: number;
  /** Radius that covers the place itself (a town a few km, a region its extent). */
  radius_km: number;
}

/** A resolved mention in a text. `place.span` is where it was written. */
export interface GeocodeResult {
  /** The resolved place (name as written, span, point, radius, precision). */
  place: Place;
  /** How it was written: a plain name, a region phrase, an offset from an anchor, "near X". */
  kind: 'name' | 'region' | 'offset' | 'near' | 'country';
  /** For offsets and "near X": the anchor place as resolved. */
  anchor?: Place;
  /** Other readings kept when the text disagrees with itself (e.g. an offset vs. a named place). */
  conflicts?: Place[];
  /** 0..1, how sure the disambiguation is. */
  score: number;
}

export interface GeocodeOptions {
  /** ISO2 countries the document is about, strongest first (a bias, not a filter). */
  countryHints?: string[];
}

export interface Gazetteer {
  /** Every place mention in the text, resolved in context. Pure; never throws on any string. */
  geocode(text: string, opts?: GeocodeOptions): GeocodeResult[];
  /** Candidates for one name (any spelling or script), best first. */
  lookup(name: string, opts?: GeocodeOptions): PlaceCandidate[];
  /** A country by ISO2: name, centroid and a radius covering it. */
  country(iso2: string): PlaceCandidate | null;
}
