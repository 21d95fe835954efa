/**
 * Spherical geometry for offsets ("200 km north of Timbuktu") and distances.
 *
 * The Earth is taken as a sphere of mean radius R = 6371.0088 km (IUGG mean radius R1 =
 * (2a + b) / 3 of the WGS 84 ellipsoid, Moritz 2000, "Geodetic Reference System 1980").
 * On this sphere the error against the ellipsoid is below 0.5 %, far under the vagueness
 * of any news report.
 */

import { EARTH_RADIUS_KM, haversineKm } from '../domain/geo.ts';

export { EARTH_RADIUS_KM, haversineKm };

/** One statute mile in km (international mile, exactly 1609.344 m). */
export const KM_PER_MILE = 1.609344;

const RAD = Math.PI / 180;

/**
 * Destination point from a start, an initial bearing (degrees clockwise from true north)
 * and a distance along the great circle:
 * φ2 = asin(sin φ1 · cos δ + cos φ1 · sin δ · cos θ),
 * λ2 = λ1 + atan2(sin θ · sin δ · cos φ1, cos δ − sin φ1 · sin φ2), with δ = d / R.
 * Longitude is wrapped to [-180, 180].
 * @example destination(16.7735, -3.0074, 0, 200) // 200 km north of Timbuktu ≈ (18.57, -3.01)
 */
export function destination(lat: number, lon: number, bearingDeg: number, distanceKm: number): { lat: number; lon: number } {
  const d = distanceKm / EARTH_RADIUS_KM;
  const t = bearingDeg * RAD;
  const p1 = lat * RAD;
  const l1 = lon * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  let lonOut = l2 / RAD;
  lonOut = ((((lonOut + 180) % 360) + 360) % 360) - 180;
  return { lat: Math.max(-90, Math.min(90, p2 / RAD)), lon: lonOut };
}

/** Compass words (English, French, Arabic) → bearing in degrees. Keys are lower case, no accents. */
const BEARINGS: Record<string, number> = {
  north: 0, nord: 0, 'north-east': 45, northeast: 45, 'north east': 45, 'nord-est': 45, 'nord est': 45,
  east: 90, est: 90, 'south-east': 135, southeast: 135, 'south east': 135, 'sud-est': 135, 'sud est': 135,
  south: 180, sud: 180, 'south-west': 225, southwest: 225, 'south west': 225, 'sud-ouest': 225, 'sud ouest': 225,
  west: 270, ouest: 270, 'north-west': 315, northwest: 315, 'north west': 315, 'nord-ouest': 315, 'nord ouest': 315,
  'north-northeast': 22.5, 'east-northeast': 67.5, 'east-southeast': 112.5, 'south-southeast': 157.5,
  'south-southwest': 202.5, 'west-southwest': 247.5, 'west-northwest': 292.5, 'north-northwest': 337.5,
  شمال: 0, جنوب: 180, شرق: 90, غرب: 270, 'شمال شرق': 45, 'شمال غرب': 315, 'جنوب شرق': 135, 'جنوب غرب': 225,
  'شمال شرقي': 45, 'شمال غربي': 315, 'جنوب شرقي': 135, 'جنوب غربي': 225, شمالي: 0, جنوبي: 180, شرقي: 90, غربي: 270,
};

/** Bearing of a compass word ("north-east", "nord-ouest", "NW", "غرب"), or null. */
export function bearingOf(word: string): number | null {
  const w = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010\u2011\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ern$/, '')
    .replace(/erly$/, '');
  if (w in BEARINGS) return BEARINGS[w];
  const abbr: Record<string, number> = { n: 0, ne: 45, e: 90, se: 135, s: 180, sw: 225, w: 270, nw: 315 };
  if (w in abbr) return abbr[w];
  const joined = w.replace(/[- ]/g, '');
  for (const [k, v] of Object.entries(BEARINGS)) if (k.replace(/[- ]/g, '') === joined) return v;
  return null;
}

/** Unit vector (north, east) of a bearing, for shifting a point inside an extent. */
export function bearingVector(bearingDeg: number): { dNorth: number; dEast: number } {
  return { dNorth: Math.cos(bearingDeg * RAD), dEast: Math.sin(bearingDeg * RAD) };
}
