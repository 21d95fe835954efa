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

/**
 * Days two date windows may miss each other by: time zones, "overnight", a strike late on day D,
 * and a report dated by its communiqué or publication two days on. A two-day miss is allowed
 * but brings no date evidence (see scorePair).
 */
export const DATE_TOLERANCE_DAYS = 2;
/** Km added to the sum of radii before two places are ruled apart (geocoding error of small places). */
export const PLACE_SLACK_KM = 10;
/** A place this precise (radius in km) counts as "fine" for blocking. */
export const FINE_RADIUS_KM = 25;
/** A date window this short (days between start and end) counts as "fine" for blocking. */
export const FINE_SPAN_DAYS = 7;
/** Beyond this latitude a 1° longitude cell is narrower than the largest fine distance. */
export const FINE_MAX_ABS_LAT = 54;
/** Radius (km) up to which a place counts fully as evidence; wider places count in proportion. */
export const FINE_PLACE_KM = 50;
/** A place at least this wide (radius in km) is an area other places can lie inside (a district, a region). */
export const CONTAINER_MIN_KM = 40;
/** A place this wide (radius in km) says no more than "somewhere in the country". */
export const COUNTRY_WIDE_KM = 300;
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

/**
 * Dated and placed finely enough to tell one strike from another of the same week: a window
 * of at most FINE_SPAN_DAYS and a place narrower than the country. Reports short of that
 * attach to one group in clustering and never bridge two (see cluster.ts).
 */
export function anchors(a: ClusterItem): boolean {
  return a.day0 !== null && a.day1 !== null && a.day1 - a.day0 <= FINE_SPAN_DAYS && a.radius !== null && a.radius < COUNTRY_WIDE_KM;
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
 * - no place (or a country-wide one, COUNTRY_WIDE_KM) on either side, unless they share a
 *   target, a belligerent, a detail or an exact toll (and, without a place, both are dated);
 * - no date on either side, unless they share a target or a detail, both places are precise,
 *   they share a belligerent and a figure for the dead of at least DISTINCTIVE_TOLL, or they
 *   tell one profile (sameProfile: striker, weapon, agreeing tolls, places finer than the country).
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
  // Without a place, or with one as wide as a country, the same country and day need something
  // more in common: a target, a belligerent, a distinctive detail or the same exact toll.
  // Without a date, the same target or detail, two precise places (the same town), or the same
  // striker and figure for the dead.
  if (d === UNPLACED || Math.max(a.radius ?? 0, b.radius ?? 0) >= COUNTRY_WIDE_KM) {
    const more = shareAny(a.targets, b.targets) || shareAny(a.belligerents, b.belligerents) || shareAny(a.details, b.details) || sameFigure(a, b);
    if (!more) return INCOMPATIBLE;
    if (d === UNPLACED) return gap !== null ? d : INCOMPATIBLE;
  }
  if (gap === null) {
    const tie = shareAny(a.targets, b.targets) || shareAny(a.details, b.details) || (isPrecisePlace(a) && isPrecisePlace(b)) || (shareAny(a.belligerents, b.belligerents) && sameFigure(a, b)) || sameProfile(a, b);
    if (!tie) return INCOMPATIBLE;
  }
  return d;
}

/**
 * The same striker with the same weapon (a named kind, not "an air raid"), figures for the dead
 * within 1.5× of each other ("at least 9" and "13 killed"), no target that contradicts, and both
 * placed more precisely than the whole country: what an undated report of a strike shares with
 * a dated report of it when neither names the target. Weak alone; such a pair attaches only
 * when no other strike fits (see RIVAL_FLOOR and cluster.ts).
 */
export function sameProfile(a: ClusterItem, b: ClusterItem): boolean {
  if (!profiled(a) || !profiled(b) || a.event !== b.event || !shareAny(a.belligerents, b.belligerents)) return false;
  const la = (a.killedMin ?? a.killedMax)!;
  const lb = (b.killedMin ?? b.killedMax)!;
  return (Math.max(la, lb) + 1) / (Math.min(la, lb) + 1) <= 1.5 && overlapScore(a.targets, b.targets, 1, -1) >= 0;
}

/** A report that can share a profile (sameProfile): a named weapon, a striker, a toll and a place finer than the country. */
export function profiled(a: ClusterItem): boolean {
  return specificEvent(a) && a.belligerents.length > 0 && (a.killedMin !== null || a.killedMax !== null) && a.radius !== null && a.radius < COUNTRY_WIDE_KM;
}

/** A named kind of attack: "drone strike", not "an air raid" or something else. */
export function specificEvent(a: ClusterItem): boolean {
  return a.event !== 'other' && a.event !== 'air_raid_unspecified';
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
    s += (gap === 0 ? 1 : gap === 1 ? 0.5 : 0) * (2.2 - 0.35 * Math.log(width));
  }
  // Where: closeness relative to what the radii allow, weighted by how precise the places are.
  if (d !== UNPLACED) {
    const ra = Math.max(a.radius ?? 0, 1);
    const rb = Math.max(b.radius ?? 0, 1);
    const allowed = ra + rb + PLACE_SLACK_KM;
    // How much the coarser of the two places narrows the strike down: a town inside a region
    // says no more than the region does; a country-wide place says little beyond the country.
    const fineness = Math.max(0.25, Math.min(1, FINE_PLACE_KM / Math.max(ra, rb)));
    // A place inside a district or region another report names agrees with it fully (the
    // region's own vagueness is in `fineness`); otherwise the evidence fades as the distance
    // nears what the radii allow.
    const big = Math.max(ra, rb);
    const inside = big >= CONTAINER_MIN_KM && d + Math.min(ra, rb) <= big + PLACE_SLACK_KM;
    s += 2 * (inside ? 1 : 1 - d / allowed) * fineness;
  } // Unplaced: the same country only, which the veto already requires.
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
  if (a.event === b.event && a.event !== 'other' && a.event !== 'air_raid_unspecified' && (targets > 0 || sameFigure(a, b)) && belligerents > 0 && casualties >= 0) {
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

/**
 * Score from which a dated report counts for an undated one as a candidate strike (cluster.ts):
 * a rival that makes attaching to a linked group a guess, or, when it is the only candidate of
 * all, the strike the undated report attaches to ("exactly one strike fits").
 */
export const RIVAL_FLOOR = LINK_THRESHOLD - 1;

/** Whether a scored pair is an edge for clustering: a link, or an undated report's candidate. */
export function isEdge(a: ClusterItem, b: ClusterItem, score: number): boolean {
  return score >= LINK_THRESHOLD || (score >= RIVAL_FLOOR && (a.day0 === null) !== (b.day0 === null));
}

/** Linked, or an undated report's candidate (isEdge): what the incremental path follows to grow a connected part. */
export function related(a: ClusterItem, b: ClusterItem): boolean {
  return isEdge(a, b, scorePair(a, b));
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
  if (sameFigure(a, b)) return Math.min(a.killedMin!, b.killedMin!) >= 10 ? 1.1 : 0.8;
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

/** A toll of this many or more, given alike by two reports, is distinctive. */
export const DISTINCTIVE_TOLL = 5;
/** Two figures this close (or closer) count as the same ("at least 42" and "43 killed"). */
export const SAME_FIGURE_SLACK = 1;

/**
 * Both reports give the same figure for the dead ("30 killed" and "trente morts", "at least 42"
 * and "43 killed"), large enough to be distinctive: two different strikes in one region and
 * week rarely kill as many.
 */
function sameFigure(a: ClusterItem, b: ClusterItem): boolean {
  const ta = distinctiveToll(a);
  const tb = distinctiveToll(b);
  return ta !== null && tb !== null && Math.abs(ta - tb) <= SAME_FIGURE_SLACK;
}

/** The report's figure for the dead (its lower bound: "30", "at least 30"), when at least DISTINCTIVE_TOLL. */
export function distinctiveToll(a: ClusterItem): number | null {
  return a.killedMin !== null && a.killedMin >= DISTINCTIVE_TOLL ? a.killedMin : null;
}
