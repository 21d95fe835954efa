import { describe, expect, it } from 'vitest';
import { assignIds, idPrefix } from './ids.ts';

const next = (used: Record<string, number> = {}) => (p: string) => (used[p] ?? 0) + 1;
const d = (ids: string[], country: string | null = 'ML', year: number | null = 2012) => ({ report_ids: ids, country, year });

describe('stable incident ids', () => {
  it('formats SW-<ISO2|XX>-<YEAR|0000>-<NNNN> and numbers after the highest used', () => {
    expect(idPrefix('ML', 2012)).toBe('SW-ML-2012-');
    expect(idPrefix(null, null)).toBe('SW-XX-0000-');
    const a = assignIds([d(['x:0']), d(['y:0'], null, null)], new Map(), next({ 'SW-ML-2012-': 3 }));
    expect(a.ids).toEqual(['SW-ML-2012-0004', 'SW-XX-0000-0001']);
  });

  it('keeps an id while most of its reports stay, even when a report joins or leaves', () => {
    const prev = new Map([['SW-ML-2012-0001', ['a:0', 'b:0', 'c:0']]]);
    expect(assignIds([d(['a:0', 'b:0', 'c:0', 'n:0'])], prev, next()).ids).toEqual(['SW-ML-2012-0001']);
    const split = assignIds([d(['a:0', 'b:0']), d(['c:0'])], prev, next({ 'SW-ML-2012-': 1 }));
    expect(split.ids).toEqual(['SW-ML-2012-0001', 'SW-ML-2012-0002']);
    expect(split.redirects).toEqual([]);
  });

  it('when two incidents merge, the larger keeps its id and the other redirects to it', () => {
    const prev = new Map([
      ['SW-ML-2012-0001', ['a:0']],
      ['SW-ML-2012-0002', ['b:0', 'c:0']],
    ]);
    const m = assignIds([d(['a:0', 'b:0', 'c:0'])], prev, next({ 'SW-ML-2012-': 2 }));
    expect(m.ids).toEqual(['SW-ML-2012-0002']);
    expect(m.redirects).toEqual([{ from: 'SW-ML-2012-0001', to: 'SW-ML-2012-0002' }]);
    expect(m.removed).toEqual(['SW-ML-2012-0001']);
  });

  it('removes an incident all of whose reports are gone', () => {
    const m = assignIds([], new Map([['SW-ML-2012-0001', ['a:0']]]), next());
    expect(m.removed).toEqual(['SW-ML-2012-0001']);
  });
});
