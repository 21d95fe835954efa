import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateEdges } from './blocking.ts';
import { isEdge, scorePair } from './pair.ts';
import type { ClusterItem } from './item.ts';

/** Reports of every shape: precise or vague, dated or not, placed or not, across a border. */
const arbItem = (k: number) =>
  fc
    .record({
      doc: fc.integer({ min: 0, max: 15 }),
      day: fc.integer({ min: 0, max: 40 }),
      span: fc.constantFrom(0, 0, 1, 3, 6, 7, 8, 29, 200),
      dated: fc.integer({ min: 0, max: 5 }).map((x) => x > 0),
      placed: fc.integer({ min: 0, max: 7 }).map((x) => x > 0),
      lat: fc.double({ min: 9, max: 12, noNaN: true }),
      lon: fc.double({ min: 19, max: 22, noNaN: true }),
      radius: fc.constantFrom(3, 10, 25, 40, 150, 600),
      country: fc.constantFrom('AA', 'AA', 'BB', null),
      targets: fc.constantFrom<string[]>([], ['A'], ['B'], ['A', 'B']),
      belligerents: fc.constantFrom<string[]>([], ['US'], ['US', 'FR']),
      details: fc.constantFrom<string[]>([], [], ['convoy'], ['convoy', 'wedding']),
      killed: fc.option(fc.integer({ min: 0, max: 30 })),
      atLeast: fc.boolean(),
    })
    .map(
      (r): ClusterItem => ({
        id: `r${k}`,
        doc: `d${r.doc}`,
        day0: r.dated ? 16000 + r.day : null,
        day1: r.dated ? 16000 + r.day + r.span : null,
        lat: r.placed ? r.lat : null,
        lon: r.placed ? r.lon : null,
        radius: r.placed ? r.radius : null,
        country: r.country,
        event: 'airstrike',
        targets: r.targets,
        belligerents: r.belligerents,
        killedMin: r.killed,
        killedMax: r.atLeast ? null : r.killed,
        details: r.details,
      }),
    );

describe('candidateEdges', () => {
  it('finds exactly the edges (links and undated candidates) a comparison of everything with everything finds (blocking is complete)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => arbItem(k)))),
        (items) => {
          const brute = new Set<string>();
          for (let i = 0; i < items.length; i++)
            for (let j = i + 1; j < items.length; j++) {
              // Scoring is symmetric: blocking may score a pair from either side.
              expect(scorePair(items[j], items[i])).toBe(scorePair(items[i], items[j]));
              if (isEdge(items[i], items[j], scorePair(items[i], items[j]))) brute.add(`${i}-${j}`);
            }
          const e = candidateEdges(items);
          const found = new Set<string>();
          for (let k = 0; k < e.length; k++) found.add(`${e.a[k]}-${e.b[k]}`);
          expect([...found].sort()).toEqual([...brute].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
