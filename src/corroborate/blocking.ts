import type { ClusterItem } from './item.ts';
import { EARTH_RADIUS_KM } from './geo.ts';
import { DATE_TOLERANCE_DAYS, distinctiveToll, FINE_RADIUS_KM, FINE_SPAN_DAYS, isFine, isEdge, isPrecisePlace, PLACE_SLACK_KM, profiled, SAME_FIGURE_SLACK, scorePair } from './pair.ts';

/**
 * Blocking: candidate pairs without comparing everything with everything. Complete with
 * respect to `compatible`: every compatible pair is scored, so the edges found here are
 * exactly the pairs `isEdge` accepts, whatever the order of the items.
 *
 * - Fine reports (window <= 7 days, place within 25 km, |lat| <= 54°) go into a space-time
 *   grid of 8-day buckets × 1°×1° cells. Two compatible fine reports start at most 8 days
 *   apart and lie at most 25 + 25 + 10 km apart, less than a cell, so the 3 × 3 × 3
 *   neighbouring buckets hold every partner.
 * - Any other report needs the same country as its partner (see `compatible`). A dated one
 *   looks at its country's dated reports whose window can meet its own (one date index per
 *   span class, with the class's largest span as look-back) and whose place can be within
 *   reach (latitude bands for places up to 150 km; wider or unplaced reports always).
 * - An undated report needs a shared target, detail or figure for the dead, a shared profile,
 *   or two precise places, so it looks at its country's placed reports that name one of its
 *   targets or details, give its figure (within SAME_FIGURE_SLACK) or share its profile, sorted by latitude and ruled out by
 *   a lower bound of their distance, and, when its own place is precise, at its country's
 *   precise places likewise.
 * Pairs of a dated and an undated report are found from the undated side. Cost: reports ×
 * local density, about linear. A pair may come twice; clustering ignores repeated edges.
 */

const BUCKET_DAYS = FINE_SPAN_DAYS + DATE_TOLERANCE_DAYS;
const KM_PER_DEG_LAT = 111.2;
/** Span classes (days between start and end) for the per-country date index. */
const SPAN_CLASSES = [FINE_SPAN_DAYS, 31, 366, Infinity];
/** Radius classes (km) for the latitude-band index of undated look-ups. */
const RADIUS_CLASSES = [FINE_RADIUS_KM, 150, Infinity];

export interface Edges {
  /** Index of the first item (always < b). */
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
  length: number;
}

/** Every pair of items that is an edge (pair.ts isEdge; indexes into `items`). */
export function candidateEdges(items: readonly ClusterItem[]): Edges {
  const out = new EdgeBuffer();
  // Dates and places in typed arrays (NaN when missing): most candidates fail the date or the
  // latitude part of the veto, which these rule out without touching the report objects.
  const n = items.length;
  const d0 = new Float64Array(n);
  const d1 = new Float64Array(n);
  const lat = new Float64Array(n);
  const reach = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const it = items[k];
    d0[k] = it.day0 ?? NaN;
    d1[k] = it.day1 ?? NaN;
    lat[k] = it.lat ?? NaN;
    reach[k] = it.radius ?? 0;
  }
  const consider = (i: number, j: number) => {
    if (i === j) return;
    // The same checks as the veto (pair.ts), false when a comparison involves NaN.
    if (d0[i] - d1[j] > DATE_TOLERANCE_DAYS || d0[j] - d1[i] > DATE_TOLERANCE_DAYS) return;
    if (Math.abs(lat[i] - lat[j]) * KM_PER_DEG_LAT > reach[i] + reach[j] + PLACE_SLACK_KM + 1) return;
    const s = scorePair(items[i], items[j]);
    if (isEdge(items[i], items[j], s)) out.push(Math.min(i, j), Math.max(i, j), s);
  };

  const fine = items.map(isFine);
  const grid = new Map<number, number[]>();
  const precise = new Map<string, BandIndex>(); // precise places of all times per country, for undated look-ups
  const byDate = new Map<string, DateIndex>();
  // Per country, placed reports by what can tie an undated report to them: a target ("\0name"),
  // a belligerent and a figure for the dead ("\0#US\030"), a detail ("\0@convoy").
  const byTie = new Map<string, BandIndex>();
  items.forEach((it, i) => {
    if (fine[i]) push(grid, cellKey(Math.floor(it.day0! / BUCKET_DAYS), it.lat!, it.lon!), i);
    if (it.country === null) return;
    if (isPrecisePlace(it)) getOr(precise, it.country, () => new BandIndex()).add(it, i);
    if (it.day0 !== null) getOr(byDate, it.country, () => new DateIndex()).add(it, i);
    for (const t of it.targets) getOr(byTie, `${it.country}\u0000${t}`, () => new BandIndex()).add(it, i);
    const toll = distinctiveToll(it);
    // An undated report tied by its figure must share a belligerent too: keyed by both.
    if (toll !== null) for (const b of it.belligerents) getOr(byTie, `${it.country}\u0000#${b}\u0000${toll}`, () => new BandIndex()).add(it, i);
    for (const d of it.details) getOr(byTie, `${it.country}\u0000@${d}`, () => new BandIndex()).add(it, i);
    if (profiled(it)) for (const b of it.belligerents) getOr(byTie, `${it.country}\u0000!${b}\u0000${it.event}`, () => new BandIndex()).add(it, i);
  });
  for (const d of byDate.values()) d.finish(items);
  for (const b of byTie.values()) b.finish(items);
  for (const b of precise.values()) b.finish(items);

  const seen = new Int32Array(n); // seen[j] === i + 1: j already scored for the undated report i
  // Queries in the order of country and day: consecutive queries look at the same neighbours,
  // which are then still in the CPU cache (on a million reports the look-ups are memory-bound).
  // The edges found do not depend on the order.
  for (const i of localityOrder(items)) {
    const it = items[i];
    if (fine[i]) {
      const t = Math.floor(it.day0! / BUCKET_DAYS);
      const cy = Math.floor(it.lat!);
      const cx = Math.floor(it.lon!);
      // The 3 × 3 × 3 neighbouring buckets; 1° of longitude is wider than 60 km up to FINE_MAX_ABS_LAT.
      for (let dt = -1; dt <= 1; dt++)
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const cell = grid.get(cellKeyOf(t + dt, cy + dy, cx + dx));
            if (cell) for (const j of cell) if (j > i) consider(i, j);
          }
      continue;
    }
    if (it.country === null) continue; // a vague report without a country is compatible with nothing
    if (it.day0 !== null) {
      byDate.get(it.country)!.forWindow(items, it, it.day0 - DATE_TOLERANCE_DAYS, it.day1! + DATE_TOLERANCE_DAYS, (j) => consider(i, j));
      continue;
    }
    if (it.lat === null) continue; // no date and no place: compatible with nothing
    // One report can be reached through several ties (a target and a detail): score it once.
    const once = (j: number) => {
      if (seen[j] === i + 1) return;
      seen[j] = i + 1;
      consider(i, j);
    };
    for (const t of it.targets) byTie.get(`${it.country}\u0000${t}`)!.forNear(it, once);
    const toll = distinctiveToll(it);
    if (toll !== null) {
      for (const b of it.belligerents)
        for (let t = toll - SAME_FIGURE_SLACK; t <= toll + SAME_FIGURE_SLACK; t++) byTie.get(`${it.country}\u0000#${b}\u0000${t}`)?.forNear(it, once);
    }
    for (const d of it.details) byTie.get(`${it.country}\u0000@${d}`)!.forNear(it, once);
    if (profiled(it)) for (const b of it.belligerents) byTie.get(`${it.country}\u0000!${b}\u0000${it.event}`)!.forNear(it, once);
    if (isPrecisePlace(it)) precise.get(it.country)!.forNear(it, once);
  }
  return out.done();
}

const ORDER_IDX_BITS = 21;
const ORDER_DAYS = 2 ** 15;

/**
 * Item indexes sorted by country, then start day (undated last), then index: one native sort
 * of packed numbers (country rank, day, index). Beyond 2^21 items, plain index order.
 */
function localityOrder(items: readonly ClusterItem[]): Int32Array {
  const n = items.length;
  if (n >= 2 ** ORDER_IDX_BITS) return Int32Array.from(items, (_, i) => i);
  const keys = new Float64Array(n);
  const rank = new Map<string | null, number>();
  for (const it of items) if (!rank.has(it.country)) rank.set(it.country, rank.size);
  for (let i = 0; i < n; i++) {
    const it = items[i];
    const day = it.day0 === null ? ORDER_DAYS - 1 : Math.min(ORDER_DAYS - 1, Math.max(0, it.day0));
    keys[i] = (rank.get(it.country)! * ORDER_DAYS + day) * 2 ** ORDER_IDX_BITS + i;
  }
  keys.sort();
  return Int32Array.from(keys, (key) => key % 2 ** ORDER_IDX_BITS);
}

/** Dated reports, per span class, sorted by start day. */
class SpanClasses {
  private classes = SPAN_CLASSES.map(() => ({ idx: [] as number[], ids: new Int32Array(0), starts: new Float64Array(0), ends: new Float64Array(0), maxSpan: 0 }));

  add(it: ClusterItem, i: number): void {
    const span = it.day1! - it.day0!;
    const c = this.classes[SPAN_CLASSES.findIndex((m) => span <= m)];
    c.idx.push(i);
    c.maxSpan = Math.max(c.maxSpan, span);
  }

  finish(items: readonly ClusterItem[]): void {
    for (const c of this.classes) {
      c.idx.sort((x, y) => items[x].day0! - items[y].day0! || x - y);
      c.ids = Int32Array.from(c.idx);
      c.starts = Float64Array.from(c.idx, (x) => items[x].day0!);
      c.ends = Float64Array.from(c.idx, (x) => items[x].day1!);
      c.idx = [];
    }
  }

  /** Reports whose window meets [from, to]. */
  forWindow(from: number, to: number, fn: (j: number) => void): void {
    for (const c of this.classes) {
      const { ids, starts, ends } = c;
      for (let k = lowerBound(starts, from - c.maxSpan); k < ids.length && starts[k] <= to; k++) if (ends[k] >= from) fn(ids[k]);
    }
  }
}

/** Reports placed within this radius go in latitude bands; wider or unplaced ones in one list. */
const BANDED_MAX_RADIUS_KM = 150;
const BAND_DEG = 2;

/**
 * One country's dated reports: those placed within BANDED_MAX_RADIUS_KM in bands of BAND_DEG
 * latitude (a look-up only visits the bands within reach of its own place), the others together.
 */
class DateIndex {
  private bands = new Map<number, SpanClasses>();
  private wide = new SpanClasses();

  add(it: ClusterItem, i: number): void {
    if (it.lat !== null && it.lon !== null && it.radius !== null && it.radius <= BANDED_MAX_RADIUS_KM) {
      getOr(this.bands, Math.floor(it.lat / BAND_DEG), () => new SpanClasses()).add(it, i);
    } else this.wide.add(it, i);
  }

  finish(items: readonly ClusterItem[]): void {
    this.wide.finish(items);
    for (const b of this.bands.values()) b.finish(items);
  }

  /** Reports whose window meets [from, to] and whose place can be within reach of q's. */
  forWindow(items: readonly ClusterItem[], q: ClusterItem, from: number, to: number, fn: (j: number) => void): void {
    this.wide.forWindow(from, to, fn);
    if (q.lat === null || q.lon === null) {
      for (const b of this.bands.values()) b.forWindow(from, to, fn);
      return;
    }
    const reach = ((q.radius ?? 0) + BANDED_MAX_RADIUS_KM + PLACE_SLACK_KM) / KM_PER_DEG_LAT + 1e-9;
    const lo = Math.floor((q.lat - reach) / BAND_DEG);
    const hi = Math.floor((q.lat + reach) / BAND_DEG);
    for (let k = lo; k <= hi; k++) this.bands.get(k)?.forWindow(from, to, fn);
  }
}

/**
 * One country's placed reports naming one target, per radius class, sorted by latitude, with
 * coordinates and radii in typed arrays: a look-up rules most of them out by a lower bound of
 * their distance without touching the report objects (memory-bound on a million reports).
 */
class BandIndex {
  private classes = RADIUS_CLASSES.map(() => ({
    idx: [] as number[],
    lats: new Float64Array(0),
    lons: new Float64Array(0),
    radii: new Float64Array(0),
    maxR: 0,
  }));

  add(it: ClusterItem, i: number): void {
    if (it.lat === null || it.lon === null) return; // an undated report needs a place to match
    const r = it.radius ?? 0;
    const c = this.classes[RADIUS_CLASSES.findIndex((m) => r <= m)];
    c.idx.push(i);
    c.maxR = Math.max(c.maxR, r);
  }

  finish(items: readonly ClusterItem[]): void {
    for (const c of this.classes) {
      c.idx.sort((x, y) => items[x].lat! - items[y].lat! || x - y);
      c.lats = Float64Array.from(c.idx, (x) => items[x].lat!);
      c.lons = Float64Array.from(c.idx, (x) => items[x].lon!);
      c.radii = Float64Array.from(c.idx, (x) => items[x].radius ?? 0);
    }
  }

  /** Every placed report that could lie within reach of `q` (which has a place). */
  forNear(q: ClusterItem, fn: (j: number) => void): void {
    const qlat = q.lat!;
    const qlon = q.lon!;
    const qr = q.radius ?? 0;
    const cosQ = Math.cos(qlat * RAD);
    for (const c of this.classes) {
      const band = (qr + c.maxR + PLACE_SLACK_KM) / KM_PER_DEG_LAT + 1e-9;
      for (let k = lowerBound(c.lats, qlat - band); k < c.idx.length && c.lats[k] <= qlat + band; k++) {
        if (distanceLowerBound(qlat, qlon, cosQ, c.lats[k], c.lons[k]) > qr + c.radii[k] + PLACE_SLACK_KM) continue;
        fn(c.idx[k]);
      }
    }
  }
}

const RAD = Math.PI / 180;

/**
 * A lower bound (km) of the great-circle distance, from the haversine identity
 * sin²(d/2R) = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) >= each term alone, less 1 km for rounding.
 */
function distanceLowerBound(lat1: number, lon1: number, cos1: number, lat2: number, lon2: number): number {
  const ns = Math.abs(lat1 - lat2) * KM_PER_DEG_LAT;
  const s = Math.sqrt(Math.max(0, cos1 * Math.cos(lat2 * RAD))) * Math.abs(Math.sin(((lon1 - lon2) * RAD) / 2));
  const ew = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, s));
  return Math.max(ns, ew) - 1;
}

/** First position in the sorted `xs` holding a value >= v. */
export function lowerBound(xs: Float64Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cellKey(t: number, lat: number, lon: number): number {
  return cellKeyOf(t, Math.floor(lat), Math.floor(lon));
}

function cellKeyOf(t: number, cy: number, cx: number): number {
  const x = (((cx + 180) % 360) + 360) % 360;
  return (t * 181 + (cy + 90)) * 360 + x;
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

/** Growable typed arrays for edges: a million reports give a few million edges. */
class EdgeBuffer {
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private s = new Float64Array(1024);
  private n = 0;

  push(a: number, b: number, s: number): void {
    if (this.n === this.a.length) {
      const a2 = new Int32Array(this.n * 2);
      const b2 = new Int32Array(this.n * 2);
      const s2 = new Float64Array(this.n * 2);
      a2.set(this.a);
      b2.set(this.b);
      s2.set(this.s);
      [this.a, this.b, this.s] = [a2, b2, s2];
    }
    this.a[this.n] = a;
    this.b[this.n] = b;
    this.s[this.n] = s;
    this.n++;
  }

  done(): Edges {
    return { a: this.a.subarray(0, this.n), b: this.b.subarray(0, this.n), score: this.s.subarray(0, this.n), length: this.n };
  }
}
