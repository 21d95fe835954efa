import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { crossesAntimeridian, splitAtAntimeridian, type AreaGeometry } from '../web/src/antimeridian.ts';
import { segment, flattenSpans } from '../web/src/highlight.ts';
import { formatState, parseState } from '../web/src/url-state.ts';
import { bucketEnd, keyRange, nextKey } from '../web/src/time-buckets.ts';
import { bboxParam } from '../web/src/bbox.ts';

/** The web app's pure parts: basemap geometry, span highlighting, URL state, calendar buckets. */

const atlas = JSON.parse(readFileSync(new URL('../node_modules/world-atlas/countries-50m.json', import.meta.url), 'utf8')) as Topology;
const countries = (feature(atlas, atlas.objects.countries as GeometryCollection) as GeoJSON.FeatureCollection).features;

function lonExtent(poly: [number, number][][]): number {
  const xs = poly[0].map((p) => p[0]);
  return Math.max(...xs) - Math.min(...xs);
}

describe('antimeridian splitting of the Natural Earth basemap', () => {
  it('leaves no ring of any country with a step across the antimeridian', () => {
    const crossing = countries.filter((f) => {
      const g = f.geometry as AreaGeometry;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return polys.some((p) => p.some(crossesAntimeridian));
    });
    // Russia, Fiji and Antarctica cross it in the source data; Antarctica's mainland rings the pole and is dropped.
    expect(crossing.map((f) => (f.properties as { name: string }).name).sort()).toEqual(['Antarctica', 'Fiji', 'Russia']);
    for (const f of crossing) {
      const out = splitAtAntimeridian(f.geometry as AreaGeometry);
      const polys = out.type === 'Polygon' ? [out.coordinates] : out.coordinates;
      for (const p of polys) {
        for (const ring of p) {
          expect(crossesAntimeridian(ring)).toBe(false);
          for (const [x] of ring) expect(Math.abs(x)).toBeLessThanOrEqual(180);
        }
        expect(lonExtent(p as [number, number][][])).toBeLessThan(200);
      }
    }
  });

  it('splits a square straddling 180° into two pieces of the same total width', () => {
    const square: AreaGeometry = { type: 'Polygon', coordinates: [[[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]]] };
    const out = splitAtAntimeridian(square);
    expect(out.type).toBe('MultiPolygon');
    const pieces = (out as { coordinates: [number, number][][][] }).coordinates;
    expect(pieces).toHaveLength(2);
    expect(pieces.map((p) => lonExtent(p)).sort()).toEqual([10, 10]);
  });

  it('keeps shapes that do not cross as they are', () => {
    const mali = countries.find((f) => (f.properties as { name: string }).name === 'Mali')!;
    expect(splitAtAntimeridian(mali.geometry as AreaGeometry)).toBe(mali.geometry);
  });
});

describe('span highlighting', () => {
  it('cuts text at span boundaries and labels overlaps with every field', () => {
    const text = 'A drone strike near Jilib killed four people.';
    const segs = segment(text, flattenSpans({ event: [2, 14], place: [15, 25], killed: [[26, 37]], date: [2, 25] }));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.text === 'drone strike')!.fields).toEqual(['date', 'event']);
    expect(segs.find((s) => s.text === 'near Jilib')!.fields).toEqual(['date', 'place']);
    expect(segs.find((s) => s.text === 'killed four')!.fields).toEqual(['killed']);
  });

  it('always covers the text exactly, whatever the spans (clipped, inverted, out of range)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.tuple(fc.constantFrom('date', 'place', 'killed'), fc.integer({ min: -5, max: 260 }), fc.integer({ min: -5, max: 260 })), { maxLength: 12 }), (text, spans) => {
        const segs = segment(text, spans.map(([field, start, end]) => ({ field, start, end })));
        expect(segs.map((s) => s.text).join('')).toBe(text);
        for (let i = 1; i < segs.length; i++) {
          expect(segs[i].start).toBe(segs[i - 1].end);
          expect(segs[i].fields.join()).not.toBe(segs[i - 1].fields.join());
        }
        // Every character marked with a field lies inside some span of that field (adjacent
        // spans of one field merge into one segment, so check character by character).
        for (const s of segs)
          for (const f of s.fields)
            for (let c = s.start; c < s.end; c++) expect(spans.some(([g, a, b]) => g === f && a <= c && b > c)).toBe(true);
      }),
    );
  });
});

describe('view state in the URL', () => {
  it('round-trips filters, map position and timeline options', () => {
    const s = parseState('?grade=weak&country=ML&event_date_from=2012-01-01&at=17.5,-3.25,6&by=week&stack=belligerent&q=drone');
    expect(s.filters).toEqual({ grade: 'weak', country: 'ML', event_date_from: '2012-01-01', q: 'drone' });
    expect(s.at).toEqual({ lat: 17.5, lon: -3.25, zoom: 6 });
    expect(parseState(formatState(s))).toEqual(s);
  });

  it('drops values that cannot be valid instead of guessing', () => {
    const s = parseState('?event_date_from=yesterday&min_killed=-3&at=95,0,3&by=day');
    expect(s.filters).toEqual({});
    expect(s.at).toBeNull();
    expect(s.by).toBe('month');
  });
});

describe('timeline buckets', () => {
  it('steps through months across a year end and through ISO weeks', () => {
    expect(keyRange('month', '2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(bucketEnd('month', '2020-02')).toBe('2020-02-29');
    expect(nextKey('week', '2019-12-30')).toBe('2020-01-06');
    expect(bucketEnd('week', '2019-12-30')).toBe('2020-01-05');
  });
});

describe('map box sent to the clusters endpoint', () => {
  const box = (w: number, s: number, e: number, n: number) => ({ getWest: () => w, getSouth: () => s, getEast: () => e, getNorth: () => n });
  it('widens to whole tiles, so a small pan asks for the same box', () => {
    expect(bboxParam(box(-3.2, 14.1, 4.9, 19.8), 5)).toBe('-11.25,11.25,11.25,22.5');
    expect(bboxParam(box(-2.9, 14.4, 5.3, 20.1), 5)).toBe('-11.25,11.25,11.25,22.5');
  });
  it('keeps to the world: a box over the antimeridian or wider than the world becomes the whole band', () => {
    expect(bboxParam(box(170, -10, 190, 10), 4)).toBe('-180,-22.5,180,22.5');
    expect(bboxParam(box(-400, -100, 400, 100), 1)).toBe('-180,-90,180,90');
    expect(bboxParam(box(190, 0, 200, 10), 3)).toBe('-180,0,-135,45');
  });
});
