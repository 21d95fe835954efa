import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePattern, matchAt, normalize, PatternSet, tokenize, type Token } from './tokens.ts';

/**
 * PatternSet answers from a per-word memo of the cues that can start at a word; these tests
 * check it against matching every cue afresh, on texts whose words the memo has and has not
 * seen before.
 */
const CUES = ['said', 'say*', 'according to', 'a indiqué', 'n a pas _ comment*', 'declined to comment', 'de*', 'us officials', 'off*', 'o*', 'carried out _ strike*'];
const WORDS = ['said', 'says', 'saying', 'according', 'to', 'a', 'indiqué', 'n', 'pas', 'souhaité', 'commenter', 'declined', 'comment', 'de', 'des', 'defence', 'US', 'officials', 'off', 'office', 'o', 'carried', 'out', 'the', 'strikes', 'strike', 'new'];

const set = new PatternSet(CUES);
const patterns = CUES.map(compilePattern);

/** The reference: every cue tried at word i, the longest end kept. */
function naiveMatchesAt(tokens: Token[], i: number, to: number): number {
  if (i < 0 || i >= to || i >= tokens.length) return -1;
  let best = -1;
  for (const p of patterns) {
    const e = matchAt(tokens, i, p, Math.min(to, tokens.length));
    if (e > i && e > best) best = e;
  }
  return best;
}

describe('PatternSet', () => {
  it('matches gaps, prefixes and multi-word cues', () => {
    const t = tokenize("L'armée n'a pas souhaité commenter, selon des officials.");
    const at = (w: string) => t.findIndex((x) => x.norm === w);
    expect(set.matchesAt(t, at('n'))).toBe(at('commenter') + 1);
    expect(set.matchesAt(t, at('des'))).toBe(at('des') + 1);
    expect(set.matchesAt(t, at('selon'))).toBe(-1);
    expect(set.startOfMatchEndingAt(t, at('commenter') + 1)).toBe(at('n'));
  });

  it('agrees with matching every cue afresh, whatever words it has seen', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[a-zé]{1,6}$/)), { minLength: 1, maxLength: 14 }), fc.nat(16), (words, cut) => {
        const tokens = tokenize(words.join(' '));
        const to = Math.min(tokens.length, cut);
        for (let i = 0; i < tokens.length; i++) {
          expect(set.matchesAt(tokens, i, to)).toBe(naiveMatchesAt(tokens, i, to));
          expect(set.matchesAt(tokens, i)).toBe(naiveMatchesAt(tokens, i, tokens.length));
        }
        const found = set.find(tokens).map((m) => [m.first, m.end]);
        const naive: number[][] = [];
        for (let i = 0; i < tokens.length; i++) {
          const e = naiveMatchesAt(tokens, i, tokens.length);
          if (e > i) naive.push([i, e]);
        }
        expect(found).toEqual(naive);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tokenize', () => {
  /** The reference: the runs of letters and digits as the regular expression finds them in the slice. */
  const byRegex = (text: string, start: number, end: number) => {
    const s = Math.max(0, Math.min(start, text.length));
    const e = Math.max(s, Math.min(end, text.length));
    return [...text.slice(s, e).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ raw: m[0], norm: normalize(m[0]), start: s + m.index, end: s + m.index + m[0].length }));
  };
  const plain = (ts: Token[]) => ts.map(({ raw, norm, start, end }) => ({ raw, norm, start, end }));

  it('splits on punctuation, hyphens and apostrophes, keeps accents, Arabic and astral letters', () => {
    const text = "L'armée a frappé Al-Qaïda à 3h, selon AFRICOM — قال الجيش 𝐀𝐁 x";
    expect(tokenize(text).map((t) => t.raw)).toEqual(['L', 'armée', 'a', 'frappé', 'Al', 'Qaïda', 'à', '3h', 'selon', 'AFRICOM', 'قال', 'الجيش', '𝐀𝐁', 'x']);
    expect(tokenize(text).map((t) => t.norm).slice(0, 6)).toEqual(['l', 'armee', 'a', 'frappe', 'al', 'qaida']);
  });

  it('finds what the regular expression finds, in any range, surrogate pairs cut or not', () => {
    const pieces = fc.constantFrom('a', 'Z', '9', ' ', '-', "'", '’', 'é', 'É', 'ß', 'ق', '٣', '\u0301', '𝐀', '😀', '\ud835', '\udc00', '.', '\n', 'Ⅻ', '²');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: -2, max: 50 }), fc.integer({ min: -2, max: 50 }), (chars, a, b) => {
        const text = chars.join('');
        expect(plain(tokenize(text, a, b))).toEqual(byRegex(text, a, b));
        expect(plain(tokenize(text))).toEqual(byRegex(text, 0, text.length));
      }),
      { numRuns: 500 },
    );
  });
});
