/**
 * Choosing the place of a strike among the places the gazetteer found in the document.
 *
 * Not every place in an article is where the strike happened: the capital a distance is
 * measured from, the city a journalist speaks from, the country of a base. The place of
 * the strike is the one attached to the trigger: in the trigger's sentence, nearest to the
 * trigger, preferring the most specific reading (an offset from an anchor or "near X" over
 * a bare region, a town over its country). Other specific places given for the same strike
 * that disagree are kept as alternatives, never dropped.
 */
import type { Place } from '../domain/index.ts';
import type { GeocodeResult } from '../gazetteer/types.ts';

const PRECISION_RANK: Record<Place['precision'], number> = {
  exact: 0,
  village: 1,
  town: 1,
  near: 2,
  district: 3,
  region: 4,
  country: 6,
};

export interface PlaceChoice {
  place: Place | null;
  alternatives: Place[];
  span: [number, number] | null;
}

/**
 * @param results every geocoded mention of the document
 * @param tiers ranges to look in, most relevant first (the strike's sentences, then the headline,
 *   then the neighbouring sentences)
 * @param anchors trigger spans; distance to them breaks ties
 */
export function choosePlace(results: GeocodeResult[], tiers: [number, number][][], anchors: [number, number][]): PlaceChoice {
  for (const ranges of tiers) {
    const inTier = results.filter((r) => r.place.span !== null && ranges.some(([s, e]) => r.place.span![0] >= s && r.place.span![1] <= e));
    if (inTier.length === 0) continue;
    const specific = inTier.filter((r) => r.place.precision !== 'country');
    const pool = specific.length > 0 ? specific : inTier;
    const scored = pool
      .map((r) => ({ r, score: scoreOf(r, anchors) }))
      .sort((a, b) => a.score - b.score);
    const best = scored[0].r;
    const alternatives: Place[] = [...(best.conflicts ?? [])];
    for (const { r } of scored.slice(1)) {
      if (r.place.precision === 'country') continue;
      if (r.anchor && best.anchor && r.anchor.geonames_id === best.anchor.geonames_id) continue;
      if (best.anchor && samePoint(r.place, best.anchor)) continue;
      if (r.anchor && samePoint(r.anchor, best.place)) continue;
      const d = distanceKm(best.place, r.place);
      if (d > best.place.radius_km + r.place.radius_km && !alternatives.some((a) => samePoint(a, r.place))) {
        alternatives.push(r.place);
      }
    }
    return { place: best.place, alternatives: alternatives.slice(0, 4), span: best.place.span };
  }
  return { place: null, alternatives: [], span: null };
}

function scoreOf(r: GeocodeResult, anchors: [number, number][]): number {
  const span = r.place.span!;
  let dist = Infinity;
  for (const [s, e] of anchors) {
    const d = span[0] >= e ? span[0] - e : s >= span[1] ? s - span[1] : 0;
    if (d < dist) dist = d;
  }
  if (!Number.isFinite(dist)) dist = 2000;
  const kindBonus = r.kind === 'offset' || r.kind === 'near' ? -2 : 0;
  // Precision matters more than distance; distance breaks ties within a sentence.
  return PRECISION_RANK[r.place.precision] * 3 + kindBonus + Math.min(dist, 600) / 200 - r.score;
}

function samePoint(a: Place, b: Place): boolean {
  if (a.geonames_id !== null && a.geonames_id === b.geonames_id) return true;
  return distanceKm(a, b) < 1;
}

/** Great-circle distance (haversine, mean Earth radius 6371.0088 km, IUGG). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
