import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterItems, strongestFirst } from './cluster.ts';
import { consistent, sameProfile, linked } from './pair.ts';
import { toClusterItem, type ClusterItem } from './item.ts';
import { PLACES, report } from './test-reports.ts';
import { generateReports } from '../../bench/cluster-synthetic.ts';
import { bcubed } from './bcubed.ts';

/** Dense random reports in a small area and a few weeks, so that they interact a lot. */
const arbItem = (k: number) =>
  fc.record({
    doc: fc.integer({ min: 0, max: 12 }),
    day: fc.integer({ min: 0, max: 20 }),
    span: fc.constantFrom(0, 0, 0, 2, 6, 29),
    dated: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
    lat: fc.double({ min: 10, max: 11.5, noNaN: true }),
    lon: fc.double({ min: 20, max: 21.5, noNaN: true }),
    radius: fc.constantFrom(5, 10, 30, 120, 600),
    target: fc.constantFrom<string[]>([], ['A'], ['B']),
    killed: fc.option(fc.integer({ min: 0, max: 30 })),
  }).map(
    (r): ClusterItem => ({
      id: `r${k}`,
      doc: `d${r.doc}`,
      day0: r.dated ? 16000 + r.day : null,
      day1: r.dated ? 16000 + r.day + r.span : null,
      lat: r.lat,
      lon: r.lon,
      radius: r.radius,
      country: 'ZZ',
      event: 'drone_strike',
      targets: r.target,
      belligerents: [],
      killedMin: r.killed,
      killedMax: r.killed,
      details: [],
    }),
  );

const arbItems = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => arbItem(k))));

describe('clusterItems', () => {
  it('does not depend on the order of the reports', () => {
    fc.assert(
      fc.property(arbItems, fc.integer(), (items, seed) => {
        const shuffled = [...items].sort((a, b) => ((hash(a.id) ^ seed) >>> 0) - ((hash(b.id) ^ seed) >>> 0));
        expect(clusterItems(shuffled)).toEqual(clusterItems(items));
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent: re-clustering the reports of each incident gives the incident back', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const first = clusterItems(items);
        const byId = new Map(items.map((i) => [i.id, i]));
        const again = first.flatMap((g) => clusterItems(g.map((id) => byId.get(id)!)));
        expect(again.sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual(first);
        expect(clusterItems(items)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('clustering a connected part alone gives what clustering everything gives (the incremental path)', () => {
    fc.assert(
      fc.property(arbItems, arbItems, (a, b) => {
        // b moved to another country far away: two independent parts.
        const far = b.map((x) => ({ ...x, id: `b${x.id}`, doc: `b${x.doc}`, lat: x.lat! - 40, country: 'YY' }));
        const both = clusterItems([...a, ...far]);
        const apart = [...clusterItems(a), ...clusterItems(far)].sort((x, y) => (x[0] < y[0] ? -1 : 1));
        expect(both).toEqual(apart);
      }),
      { numRuns: 60 },
    );
  });

  it('never puts two reports of one document together, and keeps analyst constraints', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        for (const g of clusterItems(items)) {
          const docs = g.map((id) => items.find((i) => i.id === id)!.doc);
          expect(new Set(docs).size).toBe(docs.length);
        }
      }),
      { numRuns: 100 },
    );
    const a = toClusterItem(report({ doc: 'a', date: '2014-08-06', place: PLACES.dattaKhel, targets: ['TTP'] }));
    const b = toClusterItem(report({ doc: 'b', date: '2014-08-06', place: PLACES.dattaKhelFr, targets: ['TTP'] }));
    const c = toClusterItem(report({ doc: 'c', date: '2014-09-20', place: PLACES.wana }));
    expect(clusterItems([a, b, c])).toEqual([['a:0', 'b:0'], ['c:0']]);
    expect(clusterItems([a, b, c], { mustLink: [], cannotLink: [['a:0', 'b:0']] })).toEqual([['a:0'], ['b:0'], ['c:0']]);
    // An analyst merge forces its reports together; b stays out, being incompatible with c.
    expect(clusterItems([a, b, c], { mustLink: [['a:0', 'c:0']], cannotLink: [] })).toEqual([['a:0', 'c:0'], ['b:0']]);
  });

  it('recovers the synthetic truth on a small seeded stream (near-duplicates and hard negatives)', () => {
    const { items, truth } = generateReports({ n: 5000, seed: 7 });
    const score = bcubed(clusterItems(items), truth);
    expect(score.f1).toBeGreaterThan(0.93);
    expect(score.precision).toBeGreaterThan(0.96);
  });
});

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

describe('joining groups', () => {
  // Three outlets on one strike near Datta Khel: a dated town-level wire naming the target,
  // an undated local report of the same compound and toll, and a dated district-level report
  // naming the target. The undated and the district-level reports share nothing but the
  // district, so they would not be linked alone, yet nothing in them contradicts each other.
  const wire = toClusterItem(report({ doc: 'wire', date: '2014-08-06', place: PLACES.dattaKhel, targets: ['TTP'], killed: [6, 6], details: ['compound'], attributions: [{ actor: 'US', stance: 'alleges' }] }));
  const local = toClusterItem(report({ doc: 'local', date: null, place: PLACES.dattaKhel, killed: [6, 6], details: ['compound'] }));
  const district = toClusterItem(report({ doc: 'district', date: '2014-08-06', place: PLACES.northWaziristan, targets: ['TTP'], attributions: [{ actor: 'US', stance: 'alleges' }] }));

  it('puts reports that do not contradict each other in one incident through the links they have', () => {
    expect(clusterItems([wire, local, district])).toEqual([['district:0', 'local:0', 'wire:0']]);
  });

  it('still keeps apart a group whose members contradict (another town the same day)', () => {
    const mirAli = toClusterItem(report({ doc: 'mirali', date: '2014-08-06', place: PLACES.mirAli, targets: ['TTP'], attributions: [{ actor: 'US', stance: 'alleges' }] }));
    const groups = clusterItems([wire, local, district, mirAli]);
    expect(groups.find((g) => g.includes('wire:0'))).not.toContain('mirali:0');
  });
});

describe('vague reports attach, they do not bridge', () => {
  // Two strikes the same day in towns 29 km apart, near enough not to contradict each other
  // but with tolls too far apart to be linked; a report with no place that names the striker
  // links to each of them. It may join one of the strikes, never both into one incident.
  const town = (id: string, lat: number, killed: number): ClusterItem => ({
    id: `${id}:0`, doc: id, day0: 16000, day1: 16000, lat, lon: 20, radius: 10, country: 'ZZ', event: 'drone_strike',
    targets: [], belligerents: ['US'], killedMin: killed, killedMax: killed, details: [],
  });
  const a = town('a', 10, 2);
  const b = town('b', 10 + 29 / 111.2, 30);
  const vague: ClusterItem = { ...a, id: 'v:0', doc: 'v', lat: null, lon: null, radius: null, killedMin: null, killedMax: null };

  it('the premise: the vague report links to both strikes, which do not link to each other but do not contradict', () => {
    expect(linked(vague, a)).toBe(true);
    expect(linked(vague, b)).toBe(true);
    expect(linked(a, b)).toBe(false);
    expect(consistent(a, b)).toBe(true);
  });

  it('keeps the two strikes apart and puts the vague report with one of them', () => {
    const groups = clusterItems([a, b, vague]);
    expect(groups).toHaveLength(2);
    expect(groups.find((g) => g.includes('a:0'))).not.toContain('b:0');
  });

  it('lets a vague report join a strike when only one links to it', () => {
    expect(clusterItems([a, vague])).toEqual([['a:0', 'v:0']]);
  });
});

describe('undated reports', () => {
  // Two strikes on one town three weeks apart against the same group; an undated report of a
  // strike on that town naming the group links to both alike.
  const strike = (id: string, day: number, killed: number | null): ClusterItem => ({
    id: `${id}:0`, doc: id, day0: day, day1: day, lat: 10, lon: 20, radius: 8, country: 'ZZ', event: 'drone_strike',
    targets: ['G'], belligerents: [], killedMin: killed, killedMax: killed, details: [],
  });
  const first = strike('first', 16000, 3);
  const later = strike('later', 16021, 3);
  const undated: ClusterItem = { ...strike('undated', 0, 3), day0: null, day1: null };

  it('stay alone when they link to two strikes alike', () => {
    expect(linked(undated, first)).toBe(true);
    expect(linked(undated, later)).toBe(true);
    expect(clusterItems([first, later, undated])).toEqual([['first:0'], ['later:0'], ['undated:0']]);
  });

  it('join the strike they link to clearly best (the same toll of 12)', () => {
    const toll = { ...undated, killedMin: 12, killedMax: 12 };
    expect(clusterItems([first, { ...later, killedMin: 12, killedMax: 12 }, toll])).toEqual([['first:0'], ['later:0', 'undated:0']]);
  });

  it('join the only strike they link to', () => {
    expect(clusterItems([first, undated])).toEqual([['first:0', 'undated:0']]);
  });
});

describe('undated reports sharing only a profile', () => {
  // "A drone strike by the army killed at least 9 at a village" (no date, no target) and "army
  // drone strikes killed 13 in the region on 17 March": the same striker, weapon and a close
  // toll, the village inside the region; short of a link, but no other strike fits.
  const region: ClusterItem = {
    id: 'region:0', doc: 'region', day0: 19799, day1: 19799, lat: 16.2, lon: 0.8, radius: 200, country: 'ZZ', event: 'drone_strike',
    targets: [], belligerents: ['ZZ'], killedMin: 13, killedMax: null, details: [],
  };
  const village: ClusterItem = { ...region, id: 'village:0', doc: 'village', day0: null, day1: null, lat: 16.3, lon: 0, radius: 27, killedMin: 9, details: ['truck'] };

  it('the premise: the two fit one profile but do not link', () => {
    expect(sameProfile(village, region)).toBe(true);
    expect(linked(village, region)).toBe(false);
  });

  it('attach to the only strike that fits', () => {
    expect(clusterItems([region, village])).toEqual([['region:0', 'village:0']]);
  });

  it('stay alone when another strike fits too', () => {
    const other = { ...region, id: 'other:0', doc: 'other', day0: 19830, day1: 19830, lat: 16.4, lon: -0.3, killedMin: 10 };
    expect(clusterItems([region, village, other])).toEqual([['other:0'], ['region:0'], ['village:0']]);
  });

  it('stay alone when the tolls are far apart, the weapons differ or the place is the whole country', () => {
    expect(clusterItems([region, { ...village, killedMin: 2 }])).toHaveLength(2);
    expect(clusterItems([region, { ...village, event: 'airstrike' }])).toHaveLength(2);
    expect(clusterItems([{ ...region, radius: 600 }, village])).toHaveLength(2);
  });
});

describe('strongestFirst', () => {
  it('orders edges by score, then first and second index, like a comparator sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.integer({ min: 0, max: 2_000_000 }), d: fc.integer({ min: 1, max: 90_000 }), s: fc.integer({ min: 2400, max: 14000 }) }), { maxLength: 300 }),
        (raw) => {
          const edges = {
            a: Int32Array.from(raw, (r) => r.a),
            b: Int32Array.from(raw, (r) => r.a + r.d),
            score: Float64Array.from(raw, (r) => r.s / 1000),
            length: raw.length,
          };
          const byComparator = [...raw.keys()].sort((p, q) => edges.score[q] - edges.score[p] || edges.a[p] - edges.a[q] || edges.b[p] - edges.b[q]);
          const [a, b, score] = strongestFirst(edges, 2_097_151);
          expect([...a]).toEqual(byComparator.map((k) => edges.a[k]));
          expect([...b]).toEqual(byComparator.map((k) => edges.b[k]));
          byComparator.forEach((k, r) => expect(Math.abs(score[r] - edges.score[k])).toBeLessThan(2e-5));
          // Past 2^21 items the comparator sort itself runs.
          const [a2, b2] = strongestFirst(edges, 2 ** 21);
          expect([...a2]).toEqual([...a]);
          expect([...b2]).toEqual([...b]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
