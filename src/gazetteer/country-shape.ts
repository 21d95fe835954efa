import type { GazData } from './data.ts';
import { bearingVector, haversineKm } from './geo.ts';

/**
 * The part of a country a phrase names ("northern Mali", "l'est du Burkina Faso", "the
 * north-west of Syria"), from the country's extent rather than from where its towns are.
 *
 * Why: towns crowd where people live (Mali's in the south-west, along the Niger), so a box
 * or mean of towns puts "north-east" hundreds of km short of the empty north-east. Here
 * the country's shape is the convex hull of its places (a lone place far from all others,
 * usually a GeoNames coding slip, left out), cut into cells weighted by their area; the
 * part in a direction is the third of that area lying farthest that way, and the result
 * is its area centroid with a radius covering most of it. Every cell counts by its area,
 * not by how many towns it holds, so the desert counts as much as the river valley.
 * No polygons ship with our data, so a hull is the honest extent: it overshoots concave
 * borders a little, and countries across the antimeridian are not handled (lon wraps).
 */

export interface Point {
  lat: number;
  lon: number;
}

export interface Shape {
  /** Cell centres inside the hull and their areas (relative; cos(lat) × cell). */
  lat: Float64Array;
  lon: Float64Array;
  area: Float64Array;
  totalArea: number;
  /** Half the diagonal of a cell (km): a cell reaches that far past its centre. */
  cellKm: number;
}

export interface Part {
  lat: number;
  lon: number;
  radius: number;
}

/** A place this far (km) from every other place of its country is taken for a coding slip. */
const LONE_KM = 800;
/** The part of a country in a direction: this share of its area, farthest that way. */
const PART_SHARE = 1 / 3;
/** A corner (north and east thirds) smaller than this share of the area is cut off by the hull. */
const CORNER_MIN_SHARE = 0.05;
/** The radius covers this share of the part's area (all of it: the phrase names the whole part). */
const COVER_SHARE = 1;
/** "Near the border with X": within this distance of X's extent. */
const BORDER_KM = 150;
/** Cells along the longer side of the hull's box. */
const GRID = 64;
const MIN_RADIUS_KM = 40;

/** Distinct places on a 0.5° grid (a country of 30,000 towns has a few thousand cells). */
function snapped(points: Point[]): Point[] {
  const seen = new Map<string, Point>();
  for (const p of points) {
    const key = `${Math.round(p.lat * 2)},${Math.round(p.lon * 2)}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

/** Points with another point within LONE_KM (all of them when there are fewer than 3). */
function withoutLoners(points: Point[]): Point[] {
  if (points.length < 3) return points;
  return points.filter((p, i) => points.some((q, j) => j !== i && haversineKm(p.lat, p.lon, q.lat, q.lon) <= LONE_KM));
}

function cross(o: Point, a: Point, b: Point): number {
  return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, in (lon, lat) degrees. */
export function convexHull(points: Point[]): Point[] {
  const ps = [...points].sort((a, b) => a.lon - b.lon || a.lat - b.lat);
  if (ps.length < 3) return ps;
  const lower: Point[] = [];
  for (const p of ps) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

function insideHull(hull: Point[], p: Point): boolean {
  for (let i = 0; i < hull.length; i++) if (cross(hull[i], hull[(i + 1) % hull.length], p) < 0) return false;
  return true;
}

/** The country's shape from its places, or null when they span no area (fewer than 3, or in a line). */
export function shapeOf(points: Point[]): Shape | null {
  const hull = convexHull(withoutLoners(snapped(points)));
  if (hull.length < 3) return null;
  let [la0, la1, lo0, lo1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of hull) {
    la0 = Math.min(la0, p.lat);
    la1 = Math.max(la1, p.lat);
    lo0 = Math.min(lo0, p.lon);
    lo1 = Math.max(lo1, p.lon);
  }
  const step = Math.max(la1 - la0, lo1 - lo0) / GRID;
  const lat: number[] = [];
  const lon: number[] = [];
  const area: number[] = [];
  for (let y = la0 + step / 2; y < la1; y += step) {
    for (let x = lo0 + step / 2; x < lo1; x += step) {
      if (!insideHull(hull, { lat: y, lon: x })) continue;
      lat.push(y);
      lon.push(x);
      area.push(Math.cos((y * Math.PI) / 180));
    }
  }
  if (lat.length < 3) return null;
  return { lat: Float64Array.from(lat), lon: Float64Array.from(lon), area: Float64Array.from(area), totalArea: area.reduce((a, b) => a + b, 0), cellKm: step * 111.2 * Math.SQRT1_2 };
}

/** Cells (of `from`, all by default) by `key` descending, taken until they hold `share` of their area. */
function topShare(s: Shape, key: (i: number) => number, share: number, from: number[] = Array.from(s.lat.keys())): number[] {
  const order = [...from].sort((a, b) => key(b) - key(a));
  const total = from.reduce((a, i) => a + s.area[i], 0);
  const out: number[] = [];
  let acc = 0;
  for (const i of order) {
    out.push(i);
    acc += s.area[i];
    if (acc >= share * total) break;
  }
  return out;
}

/** Area centroid of some cells, and the radius covering COVER_SHARE of their area. */
function centreOf(s: Shape, cells: number[]): Part {
  let a = 0;
  let y = 0;
  let x = 0;
  for (const i of cells) {
    a += s.area[i];
    y += s.lat[i] * s.area[i];
    x += s.lon[i] * s.area[i];
  }
  const lat = y / a;
  const lon = x / a;
  const byDist = cells.map((i) => ({ km: haversineKm(lat, lon, s.lat[i], s.lon[i]), w: s.area[i] })).sort((p, q) => p.km - q.km);
  let acc = 0;
  let radius = 0;
  for (const c of byDist) {
    acc += c.w;
    radius = c.km;
    if (acc >= COVER_SHARE * a) break;
  }
  return { lat, lon, radius: Math.max(MIN_RADIUS_KM, radius + s.cellKm) };
}

/** Cells in the third of the area farthest toward a cardinal axis (north/east with sign). */
function axisThird(s: Shape, dNorth: number, dEast: number, k: number): Set<number> {
  return new Set(topShare(s, (i) => dNorth * s.lat[i] + dEast * k * s.lon[i], PART_SHARE));
}

/**
 * The part of a shape toward a compass bearing (null: its middle third, around the
 * centroid), as in the nine-part division a geographer draws: "the north" is the third of
 * the area farthest north, "the north-east" the cells both in the northern and in the
 * eastern third (the corner), or, when the hull cuts that corner off, the ninth of the
 * area farthest along the diagonal. Directions are taken on a local plane (east scaled by
 * cos(lat)).
 */
export function partOfShape(s: Shape, bearing: number | null, neighbours: Shape[] = []): Part {
  const cells = partCells(s, bearing);
  if (!neighbours.length) return centreOf(s, cells);
  const strip = alongBorders(Array.from(s.lat.keys()), s, neighbours);
  if (!strip.length) return centreOf(s, cells);
  const inPart = new Set(cells);
  const near = strip.filter((i) => inPart.has(i));
  // the part does not reach the border: the end of the border strip toward the bearing
  const v = bearing === null ? null : bearingVector(bearing);
  const k = Math.cos((s.lat[strip[0]] * Math.PI) / 180);
  const at = near.length ? near : v ? topShare(s, (i) => v.dNorth * s.lat[i] + v.dEast * k * s.lon[i], PART_SHARE, strip) : strip;
  // "near the border" is itself vague by about the strip's width, whatever our hulls say
  const c = centreOf(s, at);
  return { ...c, radius: Math.max(c.radius, BORDER_KM) };
}

function partCells(s: Shape, bearing: number | null): number[] {
  const all = centreOf(s, Array.from(s.lat.keys()));
  if (bearing === null) return topShare(s, (i) => -haversineKm(all.lat, all.lon, s.lat[i], s.lon[i]), PART_SHARE);
  const v = bearingVector(bearing);
  const k = Math.cos((all.lat * Math.PI) / 180);
  const n = Math.abs(v.dNorth) < 0.2 ? 0 : Math.sign(v.dNorth);
  const e = Math.abs(v.dEast) < 0.2 ? 0 : Math.sign(v.dEast);
  if (n !== 0 && e !== 0) {
    const east = axisThird(s, 0, e, k);
    const corner = [...axisThird(s, n, 0, k)].filter((i) => east.has(i));
    const area = corner.reduce((a, i) => a + s.area[i], 0);
    if (area >= CORNER_MIN_SHARE * s.totalArea) return corner;
    return topShare(s, (i) => v.dNorth * s.lat[i] + v.dEast * k * s.lon[i], PART_SHARE * PART_SHARE);
  }
  return topShare(s, (i) => v.dNorth * s.lat[i] + v.dEast * k * s.lon[i], PART_SHARE);
}

/** Rough distance (km) on a local plane: enough to tell 100 km from 300. */
function planeKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) * Math.PI) / 360);
  return 111.2 * Math.hypot(lat2 - lat1, x);
}

/**
 * The cells of a part within BORDER_KM of every neighbour named ("près des frontières du
 * Niger et du Bénin": near both), or none when the part does not reach them.
 */
function alongBorders(cells: number[], s: Shape, neighbours: Shape[]): number[] {
  if (!neighbours.length) return [];
  return cells.filter((i) =>
    neighbours.every((o) => {
      for (let j = 0; j < o.lat.length; j++) if (planeKm(s.lat[i], s.lon[i], o.lat[j], o.lon[j]) <= BORDER_KM + o.cellKm) return true;
      return false;
    }),
  );
}

const shapes = new WeakMap<GazData, Map<number, Shape | null>>();

/** The shape of country `ci` (index into d.countries), built once per process from its places. */
export function countryShape(d: GazData, ci: number): Shape | null {
  let m = shapes.get(d);
  if (!m) shapes.set(d, (m = new Map()));
  if (!m.has(ci)) {
    const points: Point[] = [];
    for (let p = 0; p < d.firstRegion; p++) if (d.country[p] === ci) points.push({ lat: d.lat[p], lon: d.lon[p] });
    m.set(ci, shapeOf(points));
  }
  return m.get(ci) ?? null;
}
