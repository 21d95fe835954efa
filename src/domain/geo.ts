/**
 * Great-circle distance, shared by the gazetteer, corroboration and queries.
 *
 * The Earth is taken as a sphere of mean radius R = 6371.0088 km (IUGG mean radius R1 =
 * (2a + b) / 3 of the WGS 84 ellipsoid, Moritz 2000, "Geodetic Reference System 1980").
 * On this sphere the error against the ellipsoid is below 0.5 %, far under the vagueness
 * of any news report.
 */

/** Mean Earth radius in km (IUGG R1 of WGS 84). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km by the haversine formula:
 * d = 2R·asin(√(sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2))).
 * @example haversineKm(16.7735, -3.0074, 16.2717, -0.0447) // Timbuktu → Gao ≈ 320 km
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
