import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildHashIndex, findKey, findKeyHashed, findKeyWords, fnv1a, HAS_POSTINGS, KEY_SEED, keyHash, keyStep, mayBeFirst, probe, SHARED_HASH } from './hashindex.ts';

/** A token of a key: no space (keys are tokens joined by one space). */
const token = fc.string({ minLength: 1 }).filter((s) => !s.includes(' '));

describe('key hash built token by token (the scanner extends a key one word at a time)', () => {
  it('stepping over each token hash equals hashing the joined key', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), (toks) => {
        let h = KEY_SEED;
        for (const t of toks) h = keyStep(h, fnv1a(t));
        expect(h).toBe(keyHash(toks.join(' ')));
      }),
    );
  });

  it('order matters: "a b" and "b a" hash apart', () => {
    expect(keyHash('ras kamboni')).not.toBe(keyHash('kamboni ras'));
  });
});

describe('hash index', () => {
  const entries = new Map([['tombuktu', [2]], ['ras', []], ['ras kamboni', [5, 7]], ['mali', [9]]]);
  const ix = buildHashIndex(entries);

  it('finds each key by string, by hash and by its words, and -1 for an absent key', () => {
    const words = ['ras', 'kamboni', 'gao', 'mali'];
    for (const key of entries.keys()) {
      const k = findKey(ix, key);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(findKeyHashed(ix, key, keyHash(key))).toBe(k);
      const parts = key.split(' ');
      if (parts.every((p) => words.includes(p))) {
        const at = Int32Array.from(parts.map((p) => words.indexOf(p)));
        expect(findKeyWords(ix, keyHash(key), words, at, at.length)).toBe(k);
      }
    }
    expect(findKey(ix, 'gao')).toBe(-1);
    expect(findKey(ix, 'kamboni')).toBe(-1);
    expect(findKeyWords(ix, keyHash('ras gao'), words, Int32Array.from([0, 2]), 2)).toBe(-1);
  });

  it('a probe says whether a key has postings; the first-token bitset admits every one-token key', () => {
    expect(probe(ix, keyHash('ras')) & HAS_POSTINGS).toBe(0);
    expect(probe(ix, keyHash('ras kamboni')) & HAS_POSTINGS).toBe(HAS_POSTINGS);
    for (const key of ['tombuktu', 'ras', 'mali']) expect(mayBeFirst(ix, keyHash(key))).toBe(true);
  });

  it('keys that share a hash are both marked and both found', () => {
    // two keys with the same 32-bit hash (found by a search over 'k' + base-36 numbers)
    const [a, b] = ['k1k6eh7q', 'k12j9xe8'];
    expect(keyHash(a)).toBe(keyHash(b));
    const ix2 = buildHashIndex(new Map([[a, [1]], [b, [3]]]));
    expect(probe(ix2, keyHash(a)) & SHARED_HASH).toBe(SHARED_HASH);
    expect(findKey(ix2, a)).toBe(0);
    expect(findKey(ix2, b)).toBe(1);
    expect(findKeyWords(ix2, keyHash(b), [b], Int32Array.from([0]), 1)).toBe(1);
  });
});
