import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, wordsValue } from './numbers.ts';

describe('parseNumber', () => {
  it.each<[string, number | null, number | null]>([
    ['seven', 7, 7],
    ['17', 17, 17],
    ['1,200', 1200, 1200],
    ['One hundred and five', 105, 105],
    ['twenty-five', 25, 25],
    ['a dozen', 12, 12],
    ['dozens', 20, null],
    ['several', 2, null],
    ['hundreds', 200, null],
    ['at least 42', 42, null],
    ['no fewer than 18', 18, null],
    ['more than 22', 22, null],
    ['over 60', 60, null],
    ['well over a dozen', 12, null],
    ['well above 30', 30, null],
    ['up to 200', null, 200],
    ['as many as 200', null, 200],
    ['about 95', 95, 95],
    ['some 61', 61, 61],
    ['nearly 900', 900, 900],
    ['between four and seven', 4, 7],
    ['between 5 and 7', 5, 7],
    ['sept', 7, 7],
    ['vingt-cinq', 25, 25],
    ['quatre-vingt-dix-sept', 97, 97],
    ['soixante-dix', 70, 70],
    ['vingt et un', 21, 21],
    ['une trentaine', 30, 30],
    ['une dizaine', 10, 10],
    ['une vingtaine', 20, 20],
    ['des dizaines', 20, null],
    ['plusieurs dizaines', 20, null],
    ['plusieurs', 2, null],
    ["plus d'une dizaine", 10, null],
    ['au moins cinq', 5, null],
    ['près de 30', 30, 30],
    ['environ 40', 40, 40],
    ["jusqu'à 50", null, 50],
    ['deux mille', 2000, 2000],
  ])('%s -> %s..%s', (s, min, max) => {
    const n = parseNumber(s, null);
    expect(n).not.toBeNull();
    expect([n!.min, n!.max]).toEqual([min, max]);
  });

  it('marks hedged figures as approximate', () => {
    expect(parseNumber('une trentaine')!.approx).toBe(true);
    expect(parseNumber('about 40')!.approx).toBe(true);
    expect(parseNumber('40')!.approx).toBe(false);
  });

  it.each([['many'], ['killed'], [''], ['seven-ish people']])('rejects %j', (s) => {
    expect(parseNumber(s)).toBeNull();
  });

  it('reads back every number it can spell (property)', () => {
    const units = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    const spell = (n: number): string => {
      const h = Math.floor(n / 100);
      const r = n % 100;
      const t = Math.floor(r / 10);
      const u = r % 10;
      const rest = t >= 2 ? [tens[t], units[u]].filter(Boolean).join('-') : r > 0 ? ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'][r] : '';
      return [h ? `${units[h]} hundred` : '', rest].filter(Boolean).join(' and ');
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
        expect(wordsValue(spell(n))).toBe(n);
        expect(parseNumber(String(n))!.min).toBe(n);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseNumber(s)));
  });
});
