/**
 * Small geometry and calendar helpers for corroboration. The pure clustering core
 * depends on nothing but the domain (distance comes from src/domain/geo.ts).
 */

export { EARTH_RADIUS_KM, haversineKm } from '../domain/geo.ts';

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
