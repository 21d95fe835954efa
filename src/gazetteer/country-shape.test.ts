import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haversineKm, loadGazetteer } from './index.ts';
import { convexHull, partOfShape, shapeOf } from './country-shape.ts';
import { bordersAfter } from './border.ts';

/**
 * Parts of countries ("northern Mali", "l'est du Tchad") must land in the area a geographer
 * would draw for them, whatever the density of towns; boxes are [latMin, latMax, lonMin, lonMax].
 */
const PARTS: [string, [number, number, number, number], [string, number, number][]][] = [
  ['northern Mali', [17, 23, -6, 2], [['Timbuktu', 16.77, -3.01], ['Taoudenni', 22.68, -3.98]]],
  ['dans le nord-est du Mali', [17, 21, -1, 4.5], [['Kidal', 18.44, 1.41]]],
  ['central Mali', [13, 17, -6.5, -1.5], [['Mopti', 14.49, -4.2]]],
  ["l'est du Burkina Faso", [11, 13.5, 0, 2.4], [["Fada N'Gourma", 12.06, 0.36]]],
  ['le nord du Burkina', [13, 15.1, -2.6, 0.6], [['Djibo', 14.1, -1.63]]],
  ['eastern Libya', [24, 33, 20, 25], [['Benghazi', 32.12, 20.07], ['Kufra', 24.2, 23.29]]],
  ['southern Somalia', [-1.7, 3.8, 41, 46], [['Kismayo', -0.36, 42.54], ['Mogadishu', 2.04, 45.34]]],
  ['the north-west of Syria', [35.3, 36.9, 35.8, 37.3], [['Idlib', 35.93, 36.63]]],
  ["l'est du Tchad", [11, 17.5, 19.5, 23.5], [['Abéché', 13.83, 20.83]]],
  ['southern Afghanistan', [29.5, 33, 61, 67.5], [['Kandahar', 31.61, 65.71]]],
  // a part said to lie along a neighbour: the part's cells near it, or the end of the border strip that way
  ['le nord-est du Mali, près de la frontière avec le Niger', [15, 18.5, 0.5, 4.3], [['Ménaka', 15.92, 2.4]]],
  ["l'est du Burkina Faso, près des frontières du Niger et du Bénin", [11.3, 12.8, 0.8, 2.4], [['Diapaga', 12.07, 1.79]]],
  ['southern Somalia, near the border with Kenya', [-1.7, 4, 40.9, 43.5], [['Dhobley', 0.41, 41.02]]],
];

describe('country parts: the part of the country area in a direction', () => {
  const gz = loadGazetteer();
  it.each(PARTS)('%s', (phrase, [la0, la1, lo0, lo1], inside) => {
    const r = gz.geocode(phrase).find((x) => x.kind === 'region' && x.anchor?.precision === 'country');
    expect(r, phrase).toBeDefined();
    const { lat, lon, radius_km } = r!.place;
    expect(lat).toBeGreaterThanOrEqual(la0);
    expect(lat).toBeLessThanOrEqual(la1);
    expect(lon).toBeGreaterThanOrEqual(lo0);
    expect(lon).toBeLessThanOrEqual(lo1);
    for (const [name, y, x] of inside) expect(haversineKm(lat, lon, y, x), `${name} within ${radius_km} km`).toBeLessThanOrEqual(radius_km);
  });

  it('the part of a country the text calls "the country" uses the same construction', () => {
    const r = gz.geocode('Mali : des frappes ont visé des jihadistes dans le nord du pays.').find((x) => x.kind === 'region');
    const direct = gz.geocode('le nord du Mali').find((x) => x.kind === 'region');
    expect(r && direct).toBeTruthy();
    expect(haversineKm(r!.place.lat, r!.place.lon, direct!.place.lat, direct!.place.lon)).toBeLessThan(1);
  });
});

describe('shapes', () => {
  /** A square of towns crowded in its south-west corner: its north-east lies in the empty corner. */
  const crowded = [
    { lat: 0, lon: 0 }, { lat: 6, lon: 0 }, { lat: 0, lon: 6 }, { lat: 6, lon: 6 },
    ...Array.from({ length: 200 }, (_, i) => ({ lat: (i % 20) * 0.1, lon: Math.floor(i / 20) * 0.1 })),
  ];

  it('weighs area, not towns: the north-east of a square is its north-east corner', () => {
    const part = partOfShape(shapeOf(crowded)!, 45);
    expect(part.lat).toBeGreaterThan(4);
    expect(part.lon).toBeGreaterThan(4);
    const north = partOfShape(shapeOf(crowded)!, 0);
    expect(north.lat).toBeGreaterThan(4.5);
    expect(north.lon).toBeGreaterThan(2.5);
    expect(north.lon).toBeLessThan(3.5);
  });

  it('leaves out a place far from all others (a coding slip), and has no shape for a line', () => {
    const withSlip = [...crowded, { lat: 40, lon: 40 }];
    expect(partOfShape(shapeOf(withSlip)!, 0).lat).toBeLessThan(6);
    expect(shapeOf([{ lat: 0, lon: 0 }, { lat: 1, lon: 1 }, { lat: 2, lon: 2 }])).toBeNull();
    expect(shapeOf([])).toBeNull();
  });

  it('every part is finite, at least 40 km wide, and within the latitudes of its places', () => {
    const pt = fc.record({ lat: fc.double({ min: -60, max: 70, noNaN: true }), lon: fc.double({ min: -170, max: 170, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 3, maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 359 }), { nil: null }), (points, bearing) => {
        const s = shapeOf(points);
        if (!s) return;
        const part = partOfShape(s, bearing);
        expect(Number.isFinite(part.lat) && Number.isFinite(part.lon) && part.radius >= 40).toBe(true);
        const hull = convexHull(points);
        const [la0, la1] = [Math.min(...hull.map((p) => p.lat)), Math.max(...hull.map((p) => p.lat))];
        expect(part.lat).toBeGreaterThanOrEqual(la0 - 1e-9);
        expect(part.lat).toBeLessThanOrEqual(la1 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('neighbours a part lies along', () => {
  const d = loadGazetteer().data;
  const BORDERS: [string, string[] | null][] = [
    ['le nord du Mali, près de la frontière avec l’Algérie, où', ['DZ']],
    ['le nord du Mali, près des frontières du Niger et du Bénin.', ['NE', 'BJ']],
    ['northern Syria, near the border with Turkey', ['TR']],
    ['eastern Afghanistan along the border with Pakistan', ['PK']],
    ['le nord du Mali, près de la frontière.', null],
    ['le nord du Mali, près de Gao', null],
  ];
  it.each(BORDERS)('%s', (text, expected) => {
    const end = text.indexOf(',') > 0 ? text.indexOf(',') : text.indexOf(' along');
    const r = bordersAfter(d, text, end);
    expect(r ? r.countries.map((ci) => d.countries[ci]) : null).toEqual(expected);
  });
});
