/**
 * Field-by-field judgments of one predicted report against one gold incident, and the
 * compatibility test used to match them. Every rule is written out here so a user can read
 * exactly what a score means (the README's eval section says the same in prose).
 */
import type { Report, Stance } from '../domain/index.ts';
import type { GoldIncident } from './gold.ts';
import { primaryBelligerent, statusOf as incidentStatusOf } from '../extract/attribution-verdict.ts';
import { belligerentIdOf } from '../lexicon/index.ts';

/** Matching: dates within 3 days and points within 161 km (100 miles), or the gold radius if wider. */
export const MATCH_DAYS = 3;
export const MATCH_KM = 161;
/** Location accuracy: within the gold radius plus this margin. */
export const LOCATION_MARGIN_KM = 25;
/** Date accuracy: the gold window within this many days of the predicted window... */
export const DATE_SLACK_DAYS = 1;
/** ...and the predicted window no wider than the gold one plus this many days. */
export const DATE_EXTRA_WIDTH_DAYS = 2;

const DAY = 86_400_000;
const dayNum = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371.0088; // mean Earth radius, IUGG
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Days between two windows (0 when they overlap); null when either is unknown. */
export function dateGap(r: Report, g: GoldIncident): number | null {
  if (!r.date || !g.date_start) return null;
  const ps = dayNum(r.date.start);
  const pe = dayNum(r.date.end);
  const gs = dayNum(g.date_start);
  const ge = dayNum(g.date_end ?? g.date_start);
  if (pe < gs) return gs - pe;
  if (ge < ps) return ps - ge;
  return 0;
}

/** Kilometres between the predicted and gold points; null when either is unknown. */
export function distance(r: Report, g: GoldIncident): number | null {
  if (!r.place || g.lat == null || g.lon == null) return null;
  return haversineKm(r.place, { lat: g.lat, lon: g.lon });
}

/**
 * Can this report be the gold incident? Unknown dates do not block a match (date accuracy
 * counts them); a report with no place cannot match a located incident.
 * Returns a cost (lower is better) or null when incompatible.
 */
export function matchCost(r: Report, g: GoldIncident): number | null {
  const gap = dateGap(r, g);
  if (gap !== null && gap > MATCH_DAYS) return null;
  const km = distance(r, g);
  if (g.lat != null && km === null) return null;
  if (km !== null && km > Math.max(MATCH_KM, g.radius_km ?? 0)) return null;
  return (gap ?? 1) + (km ?? 0) / 50;
}

export function judgeDate(r: Report, g: GoldIncident): boolean {
  if (!g.date_start) return r.date === null;
  if (!r.date) return false;
  const ps = dayNum(r.date.start);
  const pe = dayNum(r.date.end);
  const gs = dayNum(g.date_start);
  const ge = dayNum(g.date_end ?? g.date_start);
  const within = gs >= ps - DATE_SLACK_DAYS && ge <= pe + DATE_SLACK_DAYS;
  const tight = pe - ps <= ge - gs + DATE_EXTRA_WIDTH_DAYS;
  return within && tight;
}

export function judgeLocation(r: Report, g: GoldIncident): boolean {
  const km = distance(r, g);
  if (km === null) return g.lat == null && r.place === null;
  return km <= (g.radius_km ?? 0) + LOCATION_MARGIN_KM;
}

export function judgeCountry(r: Report, g: GoldIncident): boolean {
  if (!g.country) return true;
  return r.place?.country === g.country;
}

/**
 * Killed: gold with no figure wants no figure; otherwise the ranges must overlap, an open
 * bound (null) reaching to 0 or to infinity.
 */
export function judgeKilled(r: Report, g: GoldIncident): boolean {
  const gmin = g.killed_min ?? null;
  const gmax = g.killed_max ?? null;
  if (gmin === null && gmax === null) return r.killed === null || (r.killed.min === null && r.killed.max === null);
  if (!r.killed) return false;
  const pmin = r.killed.min ?? 0;
  const pmax = r.killed.max ?? Infinity;
  return pmin <= (gmax ?? Infinity) && (gmin ?? 0) <= pmax;
}

/** Normalise an actor name for comparison: lower case, no parenthetical, no article, no dashes. */
export function normActor(s: string): string {
  return s
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/^\s*(?:the|al|el)\s+/, '')
    .replace(/[-‐–'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type ActorResolver = (name: string) => string | null;

/**
 * Targets: the sets of canonical ids agree. A gold name resolves through the lexicon
 * (when given) or by normalised name; gold names the lexicon does not know ("terroristes",
 * "unspecified jihadist groups") are generic and match a generic prediction or none.
 */
export function judgeTargets(r: Report, g: GoldIncident, resolve: ActorResolver): boolean {
  const known = (name: string) => resolve(name) ?? resolve(name.replace(/\(.*?\)/g, '').trim());
  const goldIds = new Set<string>();
  for (const t of g.targets) {
    const id = known(t);
    if (id) goldIds.add(normActor(id));
  }
  const predIds = new Set<string>();
  for (const t of r.targets) {
    const id = known(t.id) ?? known(t.name);
    if (id) predIds.add(normActor(id));
  }
  if (goldIds.size !== predIds.size) return false;
  for (const id of goldIds) if (!predIds.has(id)) return false;
  return true;
}

/** The product's incident statuses in the gold's words. */
const GOLD_STATUS = { acknowledged: 'confirmed', alleged: 'claimed', suspected: 'suspected', denied: 'denied', unknown: 'unknown' } as const;

/**
 * Our stance mapped to the gold's belligerent status: the product's own mapping
 * (attribution-verdict.ts), in the gold's words. The eval rules call `confirmed` the
 * belligerent's own acknowledgment of any kind, so a claim of responsibility (`claims`) is
 * `confirmed`; their `claimed` is an attribution by the outlet or third parties (`alleges`).
 */
export function statusOf(stance: Stance | null): (typeof GOLD_STATUS)[keyof typeof GOLD_STATUS] {
  return stance === null ? 'unknown' : GOLD_STATUS[incidentStatusOf(stance)];
}

/**
 * The report's main belligerent (the lexicon's state or group, a force counted as its state:
 * US-AFRICOM -> US) and its status, as the attribution module ranks them. A party that only
 * declines to comment is no attribution.
 */
export function primaryAttribution(r: Report): { actor: string | null; status: ReturnType<typeof statusOf> } {
  const best = primaryBelligerent(r.attributions);
  if (!best || best.stance === 'no_comment' || best.stance === 'unknown') return { actor: null, status: 'unknown' };
  return { actor: safeBelligerentId(best.actor.id), status: statusOf(best.stance) };
}

function safeBelligerentId(id: string): string {
  try {
    return belligerentIdOf(id);
  } catch {
    return id;
  }
}

/** The gold belligerent's leading token: "US (CIA)" -> "US", "LNA (Khalifa Haftar)" -> "LNA". */
export function goldBelligerent(g: GoldIncident): string | null {
  const b = g.belligerent_claimed;
  if (!b) return null;
  const m = /^[\p{L}\p{N}-]+/u.exec(b.trim());
  return m ? m[0] : b.trim();
}

/** Belligerent: same leading token (via the resolver when the gold gives a name). */
export function judgeBelligerent(r: Report, g: GoldIncident, resolve: ActorResolver): boolean {
  const gold = goldBelligerent(g);
  const pred = primaryAttribution(r).actor;
  if (!gold || g.belligerent_status === 'unknown') return pred === null;
  if (!pred) return false;
  // The whole name first ("US-led coalition", "Saudi-led coalition"), then its leading token;
  // both sides compared at the state level, as primaryAttribution counts a force as its state.
  const whole = resolve(g.belligerent_claimed ?? gold);
  const a = normActor(whole ? safeBelligerentId(whole) : (resolve(gold) ?? gold));
  const b = normActor(resolve(pred) ?? pred);
  return a === b;
}

export function judgeStance(r: Report, g: GoldIncident): boolean {
  return primaryAttribution(r).status === (g.belligerent_status ?? 'unknown');
}
