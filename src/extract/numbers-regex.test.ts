import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alternation } from './numbers-regex.ts';
import { KILLED_BEFORE, PERSON_NOUNS } from './casualties-lexicon.ts';
import { NUMBER_WORDS } from './numbers.ts';
import { PATTERN_SOURCE_LENGTHS } from './casualties-patterns.ts';

/** The plain form the trie replaces: longest word first, spaces as \s+. */
function plain(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Every match (sticky, at every offset) of `(?:alt)tail`, for comparing two alternations. */
function matches(alt: string, tail: string, text: string): Array<string | null> {
  const re = new RegExp(`(?:${alt})${tail}`, 'yiu');
  const out: Array<string | null> = [];
  for (let i = 0; i <= text.length; i++) {
    re.lastIndex = i;
    out.push(re.exec(text)?.[0] ?? null);
  }
  return out;
}

describe('alternation', () => {
  it('writes shared beginnings once', () => {
    expect(alternation(['kill', 'killed', 'killing', 'kills'])).toBe('kill(?:ed|ing|s)?');
    expect(alternation(['a tué', 'a blessé'])).toBe('a\\s+(?:tué|blessé)');
    expect(alternation(['x.y', 'x(y'])).toBe('x(?:\\.y|\\(y)');
  });

  it('matches what the longest-first list matches, also when what follows forces backtracking', () => {
    const lists = [KILLED_BEFORE, PERSON_NOUNS, NUMBER_WORDS];
    const text = 'killing killed kill claimed the lives of civilians civil men menace seventeen seven sept dix-sept onze ont tué tuer';
    for (const words of lists) {
      for (const tail of ['', '(?![\\p{L}])', 's?\\s+\\p{L}+', 'e']) {
        expect(matches(alternation(words), tail, text)).toEqual(matches(plain(words), tail, text));
      }
    }
  });

  it('agrees with the longest-first list on random words and texts', () => {
    const word = fc.stringMatching(/^[ab' .-]{1,5}$/).filter((w) => w.trim() === w && !w.includes('  '));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[ab' .-]{0,24}$/), fc.constantFrom('', 'b', '(?![ab])', 'a?b'), (words, text, tail) => {
        expect(matches(alternation(words), tail, text)).toEqual(matches(plain(words), tail, text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('casualty patterns', () => {
  it('each stays under the 20 KB of source past which V8 stops optimising a regex', () => {
    expect(PATTERN_SOURCE_LENGTHS.length).toBeGreaterThan(10);
    for (const n of PATTERN_SOURCE_LENGTHS) expect(n).toBeLessThan(20 * 1024);
  });
});
