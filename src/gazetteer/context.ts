import type { GazData } from './data.ts';
import { findKey, postingsOf } from './hashindex.ts';
import { ARABIC, CAP, type RawMention, type TokenList } from './scan.ts';
import { STOPWORDS } from './stopwords.ts';
import { fcodeOf } from './candidates.ts';

/**
 * Clues in the words around a name that it is not a place at all: a person's name (a
 * title, an initial, a speech verb, a capitalised neighbour), a demonym ("Malian"), or a
 * headline where every word is capitalised.
 */

export const QUALIFIERS = new Set(['north', 'south', 'east', 'west', 'upper', 'lower', 'middle', 'central', 'greater', 'northern', 'southern', 'eastern', 'western', 'new', 'old', 'haut', 'bas', 'moyen', 'grand', 'petit', 'nord', 'sud', 'est', 'ouest']);

/** Lines whose words are mostly capitalised (headlines): capitals there say nothing. */
export function titleLines(tokens: TokenList): Set<number> {
  // counts per line in two typed arrays (tokens come in line order, so lines are 0..last)
  const lines = tokens.length > 0 ? tokens.line[tokens.length - 1] + 1 : 0;
  const caps = new Int32Array(lines);
  const words = new Int32Array(lines);
  for (let i = 0; i < tokens.length; i++) {
    const f = tokens.flags[i];
    if (f & ARABIC || tokens.end[i] - tokens.start[i] < 4) continue;
    const ln = tokens.line[i];
    if (f & CAP) caps[ln]++;
    words[ln]++;
  }
  const out = new Set<number>();
  for (let ln = 0; ln < lines; ln++) if (words[ln] >= 3 && caps[ln] / words[ln] > 0.7) out.add(ln);
  return out;
}

/** A capitalised word right next to the name that is not part of it: likely a person or an organisation. */
const TITLES = new Set(['general', 'colonel', 'captain', 'major', 'sergeant', 'commander', 'president', 'minister', 'secretary', 'ambassador', 'sheikh', 'mullah', 'imam', 'emir', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'adm', 'sgt', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'pres', 'prof', 'rev', 'cdr', 'cmdr', 'brig', 'm', 'mme', 'mgr']);
const SPEECH = /^[ \t]+(?:said|says|told|added|stated|noted|explained|tweeted|wrote|declared|announced|confirmed|denied|insisted|claimed|argued|warned|urged|who|a déclaré|a dit|a affirmé|a indiqué|a ajouté|a précisé)\b/i;
/**
 * Words that introduce a name ("nommé", "named"), in their folded form (nommé -> nome, called
 * -> caled): a two-word capitalised name after them is a person's.
 */
const NAMING = new Set(['nome', 'denome', 'surnome', 'apele', 'named', 'caled', 'alias']);
/** Up to three capitalised words before token `first`, then a naming word ("nommé Boubakar", "named Abu Bakr"). */
function namedBefore(first: number, cap: (i: number) => boolean, spaced: (a: number, b: number) => boolean, folded: (i: number) => string): boolean {
  let i = first - 1;
  for (let n = 0; n < 3 && i >= 0 && cap(i) && spaced(i, i + 1); n++, i--) {
    if (i - 1 >= 0 && spaced(i - 1, i) && NAMING.has(folded(i - 1))) return true;
  }
  return false;
}

export const LOCATIVE = /\b(?:in|at|near|from|to|of|into|toward|towards|outside|around|à|a|de|dans|vers|près|en|au)\s+$/i;
export const LOCATIVE_AR = /(?:^|\s)(?:في|من|إلى|الى|على|قرب)\s+$/;

/**
 * Whether the name reads as (part of) a person's or an organisation's name: a capitalised
 * word right next to it that is not part of it, an initial or a title before it ("Gen.",
 * "F."), or a speech verb after it with no locative preposition before ("Austin said").
 */
export function personLike(text: string, tokens: TokenList, m: RawMention, titles: Set<number>): 0 | 1 | 2 | 3 {
  const first = m.tokStart;
  if (tokens.flags[first] & ARABIC) return 0;
  // neighbouring token indices, -1 when outside the text
  const prev = first - 1;
  const prev2 = first - 2;
  const next = m.tokEnd < tokens.length ? m.tokEnd : -1;
  const last = m.tokEnd - 1;
  const capOf = (i: number) => (tokens.flags[i] & CAP) !== 0;
  const gap = (a: number, b: number) => text.slice(tokens.end[a], tokens.start[b]);
  const folded = (i: number) => tokens.folded[i];
  if (prev >= 0 && capOf(prev) && /^\.[ \t]{1,2}$/.test(gap(prev, first)) && (tokens.end[prev] - tokens.start[prev] === 1 || TITLES.has(folded(prev)))) return 2;
  if (prev >= 0 && capOf(prev) && /^[ \t]{1,2}$/.test(gap(prev, first)) && TITLES.has(folded(prev))) return 2;
  // "Gen. Frank McKenzie": a title two words back
  if (prev >= 0 && capOf(prev) && prev2 >= 0 && TITLES.has(folded(prev2)) && /^[ \t]{1,2}$/.test(gap(prev, first)) && /^\.?[ \t]{1,2}$/.test(gap(prev2, prev))) return 2;
  // "Kenneth F. McKenzie": followed by an initial
  if (next >= 0 && tokens.end[next] - tokens.start[next] === 1 && capOf(next) && text[tokens.end[next]] === '.' && /^[ \t]$/.test(gap(last, next))) return 2;
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  if (SPEECH.test(text.slice(m.end, m.end + 20)) && !LOCATIVE.test(before)) return 2;
  // "according to Washington", "selon Bamako": a government or an outlet, not a place
  if (/(?:according\s+to|selon|d['’]après)\s+$/i.test(text.slice(Math.max(0, m.start - 16), m.start))) return 1;
  // "Baye ag Bakabo", "Mohamed ould Abdel", "Abdullah bin Ali": a patronymic follows
  if (/^[ \t]+(?:ag|ould|wuld|bin|ben|ibn|bint|wad)[ \t]+\p{Lu}/u.test(text.slice(m.end, m.end + 12))) return 2;
  if (titles.has(tokens.line[first])) return 0;
  // "un chef nommé Boubakar Banon", "a commander named Abu Derna": a full name after a naming word
  if (prev >= 0 && capOf(prev) && namedBefore(first, (i) => capOf(i), (a, b) => /^[ \t]{1,2}$/.test(gap(a, b)), folded)) return 2;
  if (prev >= 0 && capOf(prev) && /^(?:[ \t]{1,2}|-)$/.test(gap(prev, first)) && !STOPWORDS.has(folded(prev)) && !QUALIFIERS.has(folded(prev))) return 3;
  const nextWord = next >= 0 ? text.slice(tokens.start[next], tokens.end[next]) : '';
  const acronym = nextWord.length >= 2 && nextWord.length <= 5 && /^[A-Z]+$/.test(nextWord);
  if (next >= 0 && capOf(next) && !acronym && /^[ \t]{1,2}$/.test(gap(last, next)) && !STOPWORDS.has(folded(next))) return 1;
  return 0;
}

/**
 * "Malian", "Kenyan", "Somali", "Yemeni", "nigérien": a country name plus a demonym ending.
 * These are the lexicon's business, never a place (a town "Malian" exists in China).
 */
export function demonymLike(d: GazData, key: string): boolean {
  if (key.includes(' ') || isCountryKey(d, key)) return false;
  return countryOfDemonym(d, key) !== null;
}

/** The country of a demonym's folded form ("somali" → SO, "malienne" → ML), or null. */
export function countryOfDemonym(d: GazData, key: string): string | null {
  if (/^[\u0600-\u06ff]/.test(key)) {
    // Arabic nisba: الليبية → ليبيا, الصومالية → الصومال
    const stem = key.replace(/(يه|ي)$/, '');
    for (const k of [stem, `${stem}يا`, `${stem}ا`]) {
      const p = countryPlaceOfKey(d, k);
      if (p >= 0) return d.countries[d.country[p]];
    }
    return null;
  }
  const m = /^(.{3,}?)(iennes|ienne|iens|ien|ians|ian|ans|an|ns|n|is|i|ese|aises|aise|ais|oises|oise|ois|es|e)$/.exec(key);
  if (!m) return null;
  for (const stem of [m[1], `${m[1]}a`, `${m[1]}e`, `${m[1]}ia`, `${m[1]}i`]) {
    const p = countryPlaceOfKey(d, stem);
    if (p >= 0) return d.countries[d.country[p]];
  }
  return null;
}

export function isCountryKey(d: GazData, key: string): boolean {
  return countryPlaceOfKey(d, key) >= 0;
}

function countryPlaceOfKey(d: GazData, key: string): number {
  const k = findKey(d.index, key);
  if (k < 0) return -1;
  for (const code of postingsOf(d.index, k)) if (fcodeOf(d, code >>> 1) === 'PCLI') return code >>> 1;
  return -1;
}
