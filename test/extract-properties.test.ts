import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract, type ExtractInput } from '../src/extract/index.ts';
import { Report } from '../src/domain/index.ts';

/** Every [start, end) pair anywhere in a report. */
function allSpans(r: Report): [number, number][] {
  const out: [number, number][] = [];
  for (const v of Object.values(r.spans)) {
    if (v.length === 2 && typeof v[0] === 'number') out.push(v as [number, number]);
    else for (const s of v as [number, number][]) out.push(s);
  }
  if (r.place?.span) out.push(r.place.span);
  for (const p of r.place_alternatives) if (p.span) out.push(p.span);
  for (const a of r.attributions) if (a.span) out.push(a.span);
  return out;
}

/** Pieces of news prose so random texts actually reach the strike paths. */
const PIECES = [
  'A US drone strike killed two militants near Jilib on Saturday.',
  'Une frappe aérienne a tué cinq jihadistes mardi près de Gao.',
  'If confirmed, it would be the first air strike.',
  'The strike hit a convoy of four vehicles about 200km north of Timbuktu.',
  'At least 17 civilians died on Monday when warplanes hit a market.',
  'A second strike took place in the town of Shehr.',
  'غارة جوية على مدينة سرت',
  '“We struck the camp,” the Pentagon said on Oct. 1.',
  '\n\n',
  ' • mike says:\n',
  'U.S. officials would neither confirm nor deny it.',
  'killed 7 wounded 3 dozens',
];

const doc = (text: string, published: string | null): ExtractInput => ({
  id: 'p', name: 'p', title: text.split('\n', 1)[0] || null, text, published,
  published_precision: published ? 'day' : null, language: 'en',
});

describe('extract (properties)', () => {
  it('never throws, returns valid reports, every span inside the text (random strings)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.option(fc.constantFrom('2012-06-26', '2020-02-29', '1999-12-31')), (text, pub) => {
        const reports = extract(doc(text, pub ?? null));
        for (const r of reports) {
          Report.parse(r);
          for (const [s, e] of allSpans(r)) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(text.length);
            expect(s).toBeLessThanOrEqual(e);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on news-like texts and keeps spans inside them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.string({ maxLength: 20 }), (parts, noise) => {
        const text = parts.join(' ') + noise;
        const reports = extract(doc(text, '2012-06-26'));
        for (const r of reports) {
          Report.parse(r);
          for (const [s, e] of allSpans(r)) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(text.length);
            expect(s).toBeLessThanOrEqual(e);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
