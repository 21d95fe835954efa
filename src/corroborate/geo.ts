/**
 * Small geometry and calendar helpers for corroboration. Kept local so that the pure
 * clustering core depends on nothing but the domain types.
 */

/** Mean Earth radius in km (IUGG, R1 = 6371.0088 km), the usual value for haversine. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Days since 1970-01-01 for a YYYY-MM-DD day (UTC), e.g. dayNumber('1970-01-02') === 1. */
export function dayNumber(isoDay: string): number {
  const ms = Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
  if (Number.isNaN(ms)) throw new Error(`not a YYYY-MM-DD day: ${JSON.stringify(isoDay)}`);
  return Math.round(ms / 86_400_000);
}

/** Inverse of dayNumber: dayString(0) === '1970-01-01'. */
export function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
