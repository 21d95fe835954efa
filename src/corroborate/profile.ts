import type { EventType } from '../domain/index.ts';
import type { ClusterItem } from './item.ts';

/**
 * An incident's profile: what its reports say together, as one ClusterItem, so that a report
 * or another group is scored against the incident rather than against whichever single member
 * it happens to resemble most. Single-link pair scores chain: a month-wide report links to a
 * strike two days off through the one member whose window is as vague as its own, and a report
 * naming no target links to a strike on another group. The profile is as precise as the most
 * precise member on each field:
 * - date: the window all dated members share (their intersection); when they only meet within
 *   the date tolerance, the days between them;
 * - place: the member with the narrowest radius (ties: the first given);
 * - weapon: given by the caller (the kind most members name);
 * - targets, belligerents, details: every one any member names;
 * - toll: the highest lower bound and the lowest upper bound (when still above it).
 */
export function mergeProfiles(p: ClusterItem, q: ClusterItem, event: EventType): ClusterItem {
  const [day0, day1] = meetWindows(p, q);
  const place = (q.radius ?? Infinity) < (p.radius ?? Infinity) ? q : p;
  const lo = maxOf(p.killedMin, q.killedMin);
  let hi = minOf(p.killedMax, q.killedMax);
  if (hi !== null && lo !== null && hi < lo) hi = null;
  return {
    id: p.id,
    doc: p.doc,
    day0,
    day1,
    lat: place.lat,
    lon: place.lon,
    radius: place.radius,
    country: place.country ?? p.country ?? q.country,
    event,
    targets: union(p.targets, q.targets),
    belligerents: union(p.belligerents, q.belligerents),
    killedMin: lo,
    killedMax: hi,
    details: union(p.details, q.details),
  };
}

function meetWindows(p: ClusterItem, q: ClusterItem): [number | null, number | null] {
  if (p.day0 === null || p.day1 === null) return [q.day0, q.day1];
  if (q.day0 === null || q.day1 === null) return [p.day0, p.day1];
  const from = Math.max(p.day0, q.day0);
  const to = Math.min(p.day1, q.day1);
  return from <= to ? [from, to] : [to, from];
}

function maxOf(x: number | null, y: number | null): number | null {
  return x === null ? y : y === null ? x : Math.max(x, y);
}

function minOf(x: number | null, y: number | null): number | null {
  return x === null ? y : y === null ? x : Math.min(x, y);
}

function union(xs: string[], ys: string[]): string[] {
  if (ys.length === 0 || xs === ys) return xs;
  if (xs.length === 0) return ys;
  const out = [...xs];
  for (const y of ys) if (!out.includes(y)) out.push(y);
  return out.sort();
}
