import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildHashIndex, findKey, findKeyHashed, fnv1a, fnv1aCode, fnv1aFrom } from './hashindex.ts';

describe('incremental FNV-1a (the scanner extends a key token by token)', () => {
  it('continuing a hash over a space and a token equals hashing the joined key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(fnv1aFrom(fnv1aCode(fnv1a(a), 0x20), b)).toBe(fnv1a(`${a} ${b}`));
        expect(fnv1aFrom(0x811c9dc5, a)).toBe(fnv1a(a));
      }),
    );
  });

  it('findKeyHashed finds the same key index as findKey, and -1 for an absent key', () => {
    const ix = buildHashIndex(new Map([['tombuktu', [2]], ['ras', []], ['ras kamboni', [5, 7]], ['mali', [9]]]));
    for (const key of ['tombuktu', 'ras', 'ras kamboni', 'mali']) {
      const h = key.includes(' ') ? fnv1aFrom(fnv1aCode(fnv1a('ras'), 0x20), 'kamboni') : fnv1a(key);
      expect(findKeyHashed(ix, key, h)).toBe(findKey(ix, key));
      expect(findKey(ix, key)).toBeGreaterThanOrEqual(0);
    }
    expect(findKey(ix, 'gao')).toBe(-1);
  });
});
