import type { ClusterItem } from './item.ts';
import { haversineKm } from './geo.ts';

/**
 * Pair scoring: do two reports describe the same strike?
 *
 * Two layers. `compatible` is a hard veto (dates that cannot overlap, places farther apart
 * than their radii allow, two reports the extractor kept apart in one document); blocking
 * is built so that it never misses a compatible pair. `scorePair` then adds evidence: a
 * shared day, a precise shared place, the same targets, similar tolls, shared details. Two
 * reports link when the score reaches LINK_THRESHOLD. Only language-independent features are
 * used (day numbers, coordinates, canonical actor ids), so an English and a French report of
 * one strike compare like two English ones.
 */

/** Days two date windows may miss each other by (time zones, "overnight", a strike late on day D). */
export const DATE_TOLERANCE_DAYS = 1;
/** Km added to the sum of radii before two places are ruled apart (geocoding error of small places). */
export const PLACE_SLACK_KM = 10;
/** A place this precise (radius in km) counts as "fine" for blocking. */
export const FINE_RADIUS_KM = 25;
/** A date window this short (days between start and end) counts as "fine" for blocking. */
export const FINE_SPAN_DAYS = 7;
/** Beyond this latitude a 1° longitude cell is narrower than the largest fine distance. */
export const FINE_MAX_ABS_LAT = 54;
/** Score at which two reports are linked. */
export const LINK_THRESHOLD = 2.4;

/** A report whose date and place are precise enough for the space-time grid. */
export function isFine(a: ClusterItem): boolean {
  return (
    a.day0 !== null &&
    a.day1 !== null &&
    a.day1 - a.day0 <= FINE_SPAN_DAYS &&
    a.lat !== null &&
    a.radius !== null &&
    a.radius <= FINE_RADIUS_KM &&
    Math.abs(a.lat) <= FINE_MAX_ABS_LAT
  );
}

/** A place within FINE_RADIUS_KM, at a latitude where the 1° grid works. */
export function isPrecisePlace(a: ClusterItem): boolean {
  return a.lat !== null && a.lon !== null && a.radius !== null && a.radius <= FINE_RADIUS_KM && Math.abs(a.lat) <= FINE_MAX_ABS_LAT;
}

/** Days between two windows (0 when they overlap), or null when either is undated. */
export function dateGap(a: ClusterItem, b: ClusterItem): number | null {
  if (a.day0 === null || a.day1 === null || b.day0 === null || b.day1 === null) return null;
  return Math.max(0, a.day0 - b.day1, b.day0 - a.day1);
}

/**
 * Hard veto. False when the two reports cannot be one strike:
 * - the same document (the extractor kept them apart);
 * - dated windows more than DATE_TOLERANCE_DAYS apart;
 * - places farther apart than radius + radius + PLACE_SLACK_KM;
 * - different countries, unless both are precise points close to each other (border strikes);
 * - unknown country on either side, unless both are precise in time and space: without a
 *   place, only "same country" can tie a report to another;
 * - no place on either side, unless both are dated and share a target, a belligerent or a
 *   detail; no date on either side, unless they share a target or both places are precise.
 */
export function compatible(a: ClusterItem, b: ClusterItem): boolean {
  return distanceIfCompatible(a, b) !== INCOMPATIBLE;
}

/**
 * The contradictions alone: false when the two reports cannot be one strike (one document,
 * dates, distance, country), without asking that they have anything in common. Used when
 * joining groups: a report of the country and the month that names no target does not
 * contradict the town-level report of the same strike its group already holds, even though
 * the two alone would not be linked.
 */
export function consistent(a: ClusterItem, b: ClusterItem): boolean {
  return distanceIfCompatible(a, b, false) !== INCOMPATIBLE;
}

const INCOMPATIBLE = -1;
const UNPLACED = -2;
const KM_PER_DEG_LAT = 111.2;

/**
 * The veto, returning the distance in km between the two places (UNPLACED when either has
 * none) or INCOMPATIBLE, so that scoring does not compute it twice. A latitude check comes
 * before the haversine: most candidates from a country-wide look-up fail it.
 */
function distanceIfCompatible(a: ClusterItem, b: ClusterItem, needEvidence = true): number {
  if (a.doc === b.doc) return INCOMPATIBLE;
  const gap = dateGap(a, b);
  if (gap !== null && gap > DATE_TOLERANCE_DAYS) return INCOMPATIBLE;
  let d = UNPLACED;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const allowed = (a.radius ?? 0) + (b.radius ?? 0) + PLACE_SLACK_KM;
    if (Math.abs(a.lat - b.lat) * KM_PER_DEG_LAT > allowed + 1) return INCOMPATIBLE;
    d = haversineKm(a.lat, a.lon, b.lat, b.lon);
    if (d > allowed) return INCOMPATIBLE;
  }
  if (a.country === null || b.country === null || a.country !== b.country) {
    return d !== UNPLACED && isFine(a) && isFine(b) ? d : INCOMPATIBLE;
  }
  if (!needEvidence) return d;
  // Without a place, the same country and day need something more in common: a target, a
  // belligerent or a distinctive detail. Without a date, the same target or two precise
  // places (the same town).
  if (d === UNPLACED) {
    const more = shareAny(a.targets, b.targets) || shareAny(a.belligerents, b.belligerents) || shareAny(a.details, b.details);
    return more && gap !== null ? d : INCOMPATIBLE;
  }
  if (gap === null && !shareAny(a.targets, b.targets) && !(isPrecisePlace(a) && isPrecisePlace(b))) return INCOMPATIBLE;
  return d;
}

function shareAny(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) if (ys.includes(x)) return true;
  return false;
}

/** Evidence that two compatible reports describe one strike; -Infinity when incompatible. */
export function scorePair(a: ClusterItem, b: ClusterItem): number {
  const d = distanceIfCompatible(a, b);
  if (d === INCOMPATIBLE) return -Infinity;
  let s = 0;
  // When: a shared exact day is strong; a shared month is weak; no date costs a little,
  // so undated reports need more than a place to link ("overlapping other info").
  const gap = dateGap(a, b);
  if (gap === null) s -= 0.1;
  else {
    const width = Math.max(a.day1! - a.day0!, b.day1! - b.day0!) + 1;
    s += (gap === 0 ? 1 : 0.5) * (2.2 - 0.35 * Math.log(width));
  }
  // Where: closeness relative to what the radii allow, weighted by how precise the places are.
  if (d !== UNPLACED) {
    const ra = Math.max(a.radius ?? 0, 1);
    const rb = Math.max(b.radius ?? 0, 1);
    const allowed = ra + rb + PLACE_SLACK_KM;
    const fineness = Math.min(1, Math.max(0.25, 30 / Math.sqrt(ra * rb)));
    s += 2 * (1 - d / allowed) * fineness;
  } else s += 0.5; // same country (the veto guarantees it)
  // What: the same kind of attack. Outlets call one strike a drone strike, an airstrike or a
  // missile strike depending on what they were told, so those (and "unspecified") agree mildly;
  // "other" (e.g. drones shot down) rarely matches a strike.
  if ((a.event === 'other') !== (b.event === 'other')) s -= 0.5;
  else if (a.event === b.event && a.event !== 'other' && a.event !== 'air_raid_unspecified') s += 0.3;
  else if (a.event !== 'other') s += 0.15;
  // Who was targeted, who struck (canonical ids, so "AQMI" and "AQIM" are one).
  const targets = overlapScore(a.targets, b.targets, 1, -1);
  const belligerents = overlapScore(a.belligerents, b.belligerents, 0.3, -0.3);
  const casualties = casualtyScore(a, b);
  s += targets + belligerents + casualties;
  // The whole profile agrees: the same weapon, the same target and the same striker named on
  // both sides, and no toll that contradicts. Without a date this is what ties two accounts of
  // one strike together ("a Malian drone hit CSP-DPA fighters"), so it counts beyond its parts.
  if (a.event === b.event && a.event !== 'other' && a.event !== 'air_raid_unspecified' && targets > 0 && belligerents > 0 && casualties >= 0) {
    s += 0.4;
  }
  // Distinctive details ("convoy", "wedding"): each shared one is strong evidence, up to two.
  let shared = 0;
  for (const d of a.details) if (b.details.includes(d)) shared++;
  s += 0.6 * Math.min(shared, 2);
  return s;
}

/** True when the two reports score at least LINK_THRESHOLD. */
export function linked(a: ClusterItem, b: ClusterItem): boolean {
  return scorePair(a, b) >= LINK_THRESHOLD;
}

function overlapScore(xs: string[], ys: string[], match: number, mismatch: number): number {
  if (xs.length === 0 || ys.length === 0) return 0;
  for (const x of xs) if (ys.includes(x)) return match;
  return mismatch;
}

/**
 * Similar tolls are mild evidence; wildly different ones mild counter-evidence only, because
 * early reports often give a fraction of the final toll (2 dead at first, 50 the next day).
 */
function casualtyScore(a: ClusterItem, b: ClusterItem): number {
  const la = a.killedMin ?? a.killedMax;
  const lb = b.killedMin ?? b.killedMax;
  if (la === null || lb === null) return 0;
  const ha = a.killedMax ?? Infinity;
  const hb = b.killedMax ?? Infinity;
  if (la <= hb && lb <= ha) {
    // "At least 2" and "at least 100" do not contradict each other, but say little in common:
    // two open-ended tolls agree only as far as their lower bounds do.
    if (ha === Infinity && hb === Infinity) return ratioScore((Math.max(la, lb) + 1) / (Math.min(la, lb) + 1), 0.5);
    return 0.5;
  }
  return ratioScore((Math.max(la, lb) + 1) / (Math.min(ha, hb) + 1), 0.4);
}

/** Tolls `ratio` apart: `close` when within 1.5×, counter-evidence beyond 4×, nothing between. */
function ratioScore(ratio: number, close: number): number {
  if (ratio <= 1.5) return close;
  if (ratio > 4) return -0.5;
  return 0;
}
