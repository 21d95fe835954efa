import type { Place, PlacePrecision } from '../domain/index.ts';
import type { GazData } from './data.ts';
import { bearingVector, destination, haversineKm } from './geo.ts';
import { regionAfter, regionBefore } from './phrases.ts';
import { candidateOf, fcodeOf, isRegionCode, round, type Scored } from './candidates.ts';
import { countryShape, partOfShape } from './country-shape.ts';
import { bordersAfter } from './border.ts';
import type { Mention } from './resolve.ts';
import type { GeocodeResult } from './types.ts';

/**
 * Turns a resolved name and the phrase around it into a GeocodeResult: a plain name, a
 * region part ("northern Mali"), an offset ("200 km north of Timbuktu"), or "near X"; and
 * marks pairs of readings that cannot both hold.
 */

function basePrecision(d: GazData, p: number): PlacePrecision {
  const fc = fcodeOf(d, p);
  if (fc === 'PCLI') return 'country';
  if (fc === 'ADM1') return 'region';
  if (fc === 'ADM2') return 'district';
  if (d.population[p] < 1000 && fc === 'PPL') return 'village';
  return 'town';
}

/**
 * The Place of gazetteer entry `p` as written `name` at `span`; `extra` overrides fields
 * (assigned, not spread: an object literal with a spread is built on V8's slow path, and
 * so is every copy of it).
 */
export function placeOf(d: GazData, p: number, name: string, span: [number, number] | null, extra?: Partial<Place>): Place {
  const c = candidateOf(d, p);
  const place: Place = {
    name,
    span,
    geonames_id: c.geonames_id,
    canonical_name: c.name,
    country: c.country,
    admin1: c.admin1,
    lat: c.lat,
    lon: c.lon,
    radius_km: c.radius_km,
    precision: basePrecision(d, p),
  };
  return extra ? Object.assign(place, extra) : place;
}

/** Parts of countries already worked out, per loaded gazetteer: "country|bearing|neighbours". */
const parts = new WeakMap<GazData, Map<string, { lat: number; lon: number; radius: number }>>();

/**
 * The part of a region toward a compass direction (or its middle). A country's part comes
 * from its area (country-shape.ts); an admin region, with a handful of places, is shifted
 * inside its box.
 */
function regionPart(d: GazData, p: number, bearing: number | null, neighbours: number[] = []): { lat: number; lon: number; radius: number } {
  const shape = fcodeOf(d, p) === 'PCLI' ? countryShape(d, d.country[p]) : null;
  if (shape) {
    const others = neighbours.filter((ci) => ci !== d.country[p]);
    // a part costs a walk over the shape's cells (and over the neighbours' for a border):
    // the few directions a text can name are worked out once per process
    let memo = parts.get(d);
    if (!memo) parts.set(d, (memo = new Map()));
    const key = `${d.country[p]}|${bearing}|${others.join(',')}`;
    let part = memo.get(key);
    if (!part) {
      const shapes = others.map((ci) => countryShape(d, ci));
      part = partOfShape(shape, bearing, shapes.every((o) => o !== null) ? shapes : []);
      memo.set(key, part);
    }
    return part;
  }
  const k = p - d.firstRegion;
  const [la0, la1, lo0, lo1] = [d.extent[4 * k], d.extent[4 * k + 1], d.extent[4 * k + 2], d.extent[4 * k + 3]];
  const midLat = (la0 + la1) / 2;
  const midLon = (lo0 + lo1) / 2;
  const halfDiag = haversineKm(la0, lo0, la1, lo1) / 2;
  if (bearing === null) return { lat: midLat, lon: midLon, radius: Math.max(40, halfDiag * 0.4) };
  const v = bearingVector(bearing);
  return {
    lat: midLat + v.dNorth * 0.3 * (la1 - la0),
    lon: midLon + v.dEast * 0.3 * (lo1 - lo0),
    radius: Math.max(40, halfDiag * 0.45),
  };
}

/** A part of a country the text names only as "the country" ("dans l'est du pays"). */
export function countryPartResult(d: GazData, text: string, span: [number, number], countryPlace: number, bearing: number | null, dirText: string): GeocodeResult {
  const anchor = placeOf(d, countryPlace, d.names[countryPlace], null);
  const part = regionPart(d, countryPlace, bearing);
  const place: Place = {
    ...anchor,
    name: text.slice(span[0], span[1]),
    span,
    lat: round(part.lat),
    lon: round(part.lon),
    radius_km: r1(part.radius),
    precision: 'region',
    how: `region: ${bearing === null ? 'centre' : `part ${Math.round(bearing)}° (${dirText})`} of ${anchor.canonical_name}, the country in focus`,
  };
  return { place, kind: 'region', anchor, score: 0.7 };
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function toResult(d: GazData, text: string, m: Mention, c: Scored): GeocodeResult {
  const p = c.place;
  const fc = fcodeOf(d, p);
  const span: [number, number] = [m.raw.start, m.raw.end];
  const written = text.slice(span[0], span[1]);
  const score = Math.max(0.05, Math.min(0.99, m.cands.length > 1 ? 1 / (1 + Math.exp(-(c.score - m.cands[1].score))) : 0.9));
  const name = placeOf(d, p, written, span);
  const isRegion = isRegionCode(fc);

  if (isRegion) {
    const rp = regionBefore(text, span[0]);
    const ra = rp ? null : regionAfter(text, span[1]);
    if (rp || ra) {
      const bearing = rp ? rp.bearing : ra!.bearing;
      const borders = fc === 'PCLI' ? bordersAfter(d, text, ra ? ra.end : span[1]) : null;
      const part = regionPart(d, p, bearing, borders?.countries);
      const along = borders ? `, along ${borders.countries.map((ci) => d.countries[ci]).join('+')}` : '';
      const s: [number, number] = [rp ? rp.start : span[0], ra ? ra.end : span[1]];
      const place: Place = {
        ...name,
        name: text.slice(s[0], s[1]),
        span: s,
        lat: round(part.lat),
        lon: round(part.lon),
        radius_km: r1(part.radius),
        precision: 'region',
        how: `region: ${bearing === null ? 'centre' : `part ${Math.round(bearing)}°`} of ${name.canonical_name}${along}`,
      };
      return { place, kind: 'region', anchor: name, score };
    }
    const kind = fc === 'PCLI' ? 'country' : 'name';
    const admin = m.admin && m.admin.level !== 'town' && fc !== 'PCLI' ? m.admin : null;
    const s: [number, number] = admin ? [Math.min(admin.start, span[0]), Math.max(admin.end, span[1])] : span;
    // `name` is this result's own: set in place (a spread copy is V8's slow path), the same
    // keys in the same order as { ...name, name, span, how }
    name.name = text.slice(s[0], s[1]);
    name.span = s;
    name.how = `${fc === 'PCLI' ? 'country' : fc === 'ADM1' ? 'admin1 region' : 'admin2 district'} ${name.canonical_name}`;
    return { place: name, kind, score };
  }

  const off = m.offset;
  if (off) {
    const dist = off.distance ?? { km: 15, vague: true };
    const pt = destination(name.lat, name.lon, off.bearing, dist.km);
    // lateral spread of a compass word (±22.5°) is ~0.4 d; hedged figures add 15 % of d
    const radius = r1(name.radius_km + 3 + 0.3 * dist.km + (dist.vague ? 0.15 * dist.km : 0) + (off.distance ? 0 : 15));
    const s: [number, number] = [off.start, span[1]];
    const place: Place = {
      ...name,
      name: text.slice(s[0], s[1]),
      span: s,
      geonames_id: null,
      canonical_name: null,
      lat: round(pt.lat),
      lon: round(pt.lon),
      radius_km: radius,
      precision: radius <= 25 ? 'near' : radius <= 60 ? 'district' : 'region',
      how: `offset ${off.distance ? `${Math.round(dist.km)} km` : 'some km'} ${off.dirText} of ${name.canonical_name}`,
    };
    return { place, kind: 'offset', anchor: name, score };
  }

  const near = m.near;
  if (near || m.admin?.level === 'area') {
    const s: [number, number] = [near ? near.start : span[0], m.admin?.level === 'area' ? m.admin.end : span[1]];
    const radius = r1(name.radius_km + (near?.tight ? 5 : 12));
    const place: Place = { ...name, name: text.slice(s[0], s[1]), span: s, radius_km: radius, precision: 'near', how: `near ${name.canonical_name}` };
    return { place, kind: 'near', anchor: name, score };
  }
  name.how = `${fc} ${name.canonical_name} (${name.country})`;
  return { place: name, kind: 'name', score };
}

/**
 * Two readings of one location that cannot both hold (an offset point and a named place
 * next to it that lies outside its radius): each keeps the other in `conflicts`.
 */
export function markConflicts(text: string, results: GeocodeResult[]) {
  for (const a of results) {
    if (a.kind !== 'offset' || !a.place.span) continue;
    for (const b of results) {
      if (b === a || !b.place.span || b.kind === 'country' || b.kind === 'region') continue;
      if (b.place.country !== a.place.country) continue;
      const gap = b.place.span[0] >= a.place.span[1] ? b.place.span[0] - a.place.span[1] : a.place.span[0] - b.place.span[1];
      if (gap < 0 || gap > 60) continue;
      const between = text.slice(Math.min(a.place.span[1], b.place.span[1]), Math.max(a.place.span[0], b.place.span[0]));
      if (/[.!?\n]/.test(between)) continue;
      if (a.anchor && b.place.geonames_id !== null && b.place.geonames_id === a.anchor.geonames_id) continue;
      const km = haversineKm(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
      if (km > a.place.radius_km + b.place.radius_km) {
        (a.conflicts ??= []).push(b.place);
        (b.conflicts ??= []).push(a.place);
      }
    }
  }
}

