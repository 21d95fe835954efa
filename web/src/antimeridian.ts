/**
 * Country shapes that cross the antimeridian (Russia's Chukotka, Fiji, Antarctica) come out of
 * TopoJSON as rings that jump from +180° to -180°; drawn on a flat map, each jump is a
 * horizontal streak across the whole world. `splitAtAntimeridian` unwraps such a ring into
 * continuous longitudes, clips it into 360°-wide strips (Sutherland-Hodgman against two
 * vertical lines) and shifts each piece back into [-180, 180]. A polygon whose outer ring goes
 * round a pole (Antarctica's mainland) cannot be drawn on a Mercator map without an edge along
 * the pole, so it is dropped (no strike database needs it). Pure: geometry in, geometry out.
 */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonCoords;
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Whether a ring has a step longer than half the world in longitude. */
export function crossesAntimeridian(ring: Ring): boolean {
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) return true;
  return false;
}

/** The ring with longitudes made continuous (each step shorter than 180°). */
export function unwrap(ring: Ring): Ring {
  if (ring.length === 0) return [];
  const out: Ring = [[ring[0][0], ring[0][1]]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const d = ring[i][0] - ring[i - 1][0];
    if (d > 180) offset -= 360;
    else if (d < -180) offset += 360;
    out.push([ring[i][0] + offset, ring[i][1]]);
  }
  return out;
}

/** Clip a ring to the half-plane lon >= x (keep = 1) or lon <= x (keep = -1). */
function clipHalf(ring: Ring, x: number, keep: 1 | -1): Ring {
  const inside = (p: Position) => (p[0] - x) * keep >= 0;
  const out: Ring = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const cur = ring[i];
    const prev = ring[(i + n - 1) % n];
    const cin = inside(cur);
    const pin = inside(prev);
    if (cin !== pin) {
      const t = (x - prev[0]) / (cur[0] - prev[0]);
      out.push([x, prev[1] + t * (cur[1] - prev[1])]);
    }
    if (cin) out.push(cur);
  }
  return out;
}

function openRing(ring: Ring): Ring {
  const last = ring[ring.length - 1];
  const first = ring[0];
  return ring.length > 1 && last[0] === first[0] && last[1] === first[1] ? ring.slice(0, -1) : ring.slice();
}

function closeRing(ring: Ring): Ring {
  return ring.length ? [...ring, ring[0]] : ring;
}

/** Whether an unwrapped ring ends a whole turn away from where it starts: it goes round a pole. */
function goesRoundPole(ring: Ring): boolean {
  return ring.length > 1 && Math.abs(ring[ring.length - 1][0] - ring[0][0]) >= 180;
}

/** Splits a polygon (outer ring + holes) into pieces that each lie within [-180, 180]. */
export function splitPolygon(poly: PolygonCoords): PolygonCoords[] {
  if (!poly.some(crossesAntimeridian)) return [poly];
  const rings = poly.map((r) => unwrap(openRing(r)));
  if (goesRoundPole(rings[0])) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const p of rings[0]) {
    min = Math.min(min, p[0]);
    max = Math.max(max, p[0]);
  }
  const pieces: PolygonCoords[] = [];
  for (let k = Math.floor((min + 180) / 360); k <= Math.floor((max + 180) / 360); k++) {
    const lo = k * 360 - 180;
    const hi = lo + 360;
    const clip = (r: Ring) => clipHalf(clipHalf(r, lo, 1), hi, -1).map(([x, y]) => [x - k * 360, y] as Position);
    const outer = clip(rings[0]);
    if (outer.length < 3) continue;
    const holes = rings
      .slice(1)
      .map(clip)
      .filter((h) => h.length >= 3);
    pieces.push([outer, ...holes].map(closeRing));
  }
  return pieces;
}

/** A Polygon or MultiPolygon with every antimeridian-crossing polygon split (polar ones dropped). */
export function splitAtAntimeridian(g: AreaGeometry): AreaGeometry {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!polys.some((p) => p.some(crossesAntimeridian))) return g;
  return { type: 'MultiPolygon', coordinates: polys.flatMap(splitPolygon) };
}
