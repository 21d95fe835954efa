/**
 * The words around one actor mention that its roles are read from, and the questions asked of
 * them (a cue right before, a cue a few words after, punctuation between): the mechanics of
 * looking, apart from the role rules (actors-roles.ts) that say what each cue means.
 */
import type { PatternSet, Token } from '../lexicon/index.ts';

/** Articles and possessive leftovers skipped when looking at the word before or after a name. */
export const FILLER = new Set([
  'the', 'a', 'an', 'l', 'la', 'le', 'les', 'un', 'une', 's', 'de', 'its', 'their', 'al', 'el', 'des', 'du', 'd', 'het', 'ال', 'باسم',
  // directions and the like between a preposition and a country: "in northern Mali", "dans le nord du Mali"
  'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'far', 'remote', 'rural',
  'nord', 'sud', 'est', 'ouest', 'centre', 'extreme', 'neighbouring', 'neighboring', 'voisin', 'voisine',
]);

/**
 * The punctuation between two words, as bits: role checks ask "is there a comma (or a colon, a
 * bracket...) between these words?" hundreds of times per article; each gap is read once.
 */
const COMMA = 1;
const SEMI = 2;
const COLON = 4;
export const PAREN = 8;
const BRACKET = 16;
const QUOTE = 32;
const DOT = 64;
export const DASH = 128;
const MARK_BITS = new Map<number, number>([
  [0x2c, COMMA], [0x3b, SEMI], [0x3a, COLON], [0x28, PAREN], [0x29, PAREN], [0x5b, BRACKET], [0x5d, BRACKET],
  [0x22, QUOTE], [0x201c, QUOTE], [0x201d, QUOTE], [0xab, QUOTE], [0xbb, QUOTE], [0x2e, DOT], [0x2014, DASH], [0x2013, DASH],
]);
/** , ; : ( ) [ ] and quotes: what ends a phrase. */
export const PHRASE_BREAK = COMMA | SEMI | COLON | PAREN | BRACKET | QUOTE;
/** , ; : . ( ) and quotes (not brackets). */
export const NOUN_BREAK = COMMA | SEMI | COLON | DOT | PAREN | QUOTE;
/** , ; : ( ) */
export const CLAUSE_BREAK = COMMA | SEMI | COLON | PAREN;
/** ; : ( ) */
export const SPEECH_BREAK = SEMI | COLON | PAREN;

/** gaps[i]: the marks between word i-1 and word i (for i = 0, from the start of the text). */
export function gapMarks(text: string, tokens: Token[]): Uint8Array {
  const gaps = new Uint8Array(tokens.length);
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    let bits = 0;
    for (let c = from; c < tokens[i].start; c++) bits |= MARK_BITS.get(text.charCodeAt(c)) ?? 0;
    gaps[i] = bits;
    from = tokens[i].end;
  }
  return gaps;
}

/** The marks between the end of word a-1 and the start of word b (words hold none). */
export function marksBetween(gaps: Uint8Array, a: number, b: number): number {
  let bits = 0;
  for (let k = a; k <= b; k++) bits |= gaps[k];
  return bits;
}

/**
 * The words one mention's roles are read from: its sentence, bounded by the actors named just
 * before and after it. The helpers below are plain functions of it, not closures made afresh
 * for every mention (this runs for every actor named in every article).
 */
export interface RoleWindow {
  tokens: Token[];
  gaps: Uint8Array;
  /** First word after the name. */
  end: number;
  /** Look left back to here (the previous actor or the sentence start)... */
  left: number;
  /** ...and right up to here (the next actor or the sentence end). */
  right: number;
  /** End of the sentence. */
  s1: number;
}

/** A cue starting within a few words after the name; nouns must sit in the same phrase (no comma). */
export function after(w: RoleWindow, set: PatternSet, within: number, commaStops = true): boolean {
  const stops = commaStops ? PHRASE_BREAK : SEMI | COLON;
  for (let i = w.end; i < Math.min(w.right, w.end + within); i++) {
    if (w.gaps[i] & stops) return false;
    if (set.matchesAt(w.tokens, i, w.s1) > i) return true;
  }
  return false;
}

/** The last word before token `at`, articles and directions aside (its end index, or -1). */
export function wordEndBefore(w: RoleWindow, at: number): number {
  let p = at - 1;
  while (p >= w.left && FILLER.has(w.tokens[p].norm)) p--;
  return p >= w.left ? p + 1 : -1;
}

/** The first word of a cue of `set` ending right before word `e` (within six words, not left of the window), or -1. */
export function cueEndingAt(w: RoleWindow, set: PatternSet, e: number): number {
  return e > 0 ? set.startOfMatchEndingAt(w.tokens, e, Math.max(w.left, e - 6)) : -1;
}

/** A cue ending right before the phrase, or before the articles in front of it ("imputable à l'"). */
export function rightBefore(w: RoleWindow, set: PatternSet, prevWordEnd: number, head: number): boolean {
  if (prevWordEnd < 0) return false;
  for (let e = prevWordEnd; e <= head; e++) if (cueEndingAt(w, set, e) >= 0) return true;
  return false;
}
