/**
 * Word tokens with offsets, and the small token-pattern language the lexicon's cue lists
 * are written in. One tokenizer for the data and the text, so a name written "al-Qaïda"
 * in the data matches "Al Qaida" in an article.
 */

/** A word of the text: letters and digits; punctuation, hyphens and apostrophes separate words. */
export interface Token {
  /** As written. */
  raw: string;
  /** Lower-cased, accents and Arabic diacritics removed. */
  norm: string;
  start: number;
  end: number;
  /**
   * The interned number of `norm` (see wordId), so cue sets look a word up by index, not by
   * string; -1 past the table's size; UNNUMBERED until a cue set first asks about the word.
   */
  id: number;
}

const MARKS = /\p{M}/gu;

/** Lower case without accents: "État" -> "etat", "Qaïda" -> "qaida", "أمريكية" -> "امريكية". */
export function normalize(s: string): string {
  // most words are plain ASCII: skip the Unicode decomposition for them
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}
const ASCII = /^[\x20-\x7e]*$/; // words hold no control characters

/**
 * Every normalised word seen so far gets a small number, shared by all texts: cue sets then
 * remember per word number whether (and which of their cues) can start there, an array read
 * instead of a string-keyed look-up and a prefix slice at every call. Words recur across
 * articles, so the table stays small; past MAX_WORD_IDS new words get -1 and are matched afresh.
 * Memory at the caps (200,000 words, 400,000 spellings): some 80 MB, most of it one array slot
 * per word in each of the ~20 cue sets; a day of news adds a few thousand words.
 */
const WORD_IDS = new Map<string, number>();
const WORDS: string[] = [];
const MAX_WORD_IDS = 200_000;
/** Word numbers by the word as written ("The", "the"): tokenizing then skips normalize for known words. */
const RAW_IDS = new Map<string, number>();
const MAX_RAW_IDS = 400_000;

/**
 * A copy of a word that does not point into the article it was cut from: V8 keeps long
 * substrings as views of their parent, and a table key must not keep a whole article alive.
 */
function detached(word: string): string {
  return word.length < 13 ? word : Array.from(word).join('');
}

/** A token's `id` before a cue set has asked for its word's number. */
export const UNNUMBERED = -2;

/** The number of a normalised word, or -1 once the table is full. */
function wordId(norm: string): number {
  let id = WORD_IDS.get(norm);
  if (id !== undefined) return id;
  if (WORDS.length >= MAX_WORD_IDS) return -1;
  id = WORDS.length;
  const key = detached(norm);
  WORD_IDS.set(key, id);
  WORDS.push(key);
  return id;
}

/** The number of the normalised form of a word as written, or -1 once a table is full. */
function rawWordId(raw: string): number {
  let id = RAW_IDS.get(raw);
  if (id !== undefined) return id;
  id = wordId(normalize(raw));
  if (id >= 0 && RAW_IDS.size < MAX_RAW_IDS) RAW_IDS.set(detached(raw), id);
  return id;
}

/**
 * A memo of `f(word)` per word number, for facts about a word that a lexicon asks at every
 * token ("which cues can start here?"): filled densely, so a look-up is an array read.
 */
export class ByWord<T> {
  private readonly values: T[] = [];

  constructor(private readonly f: (norm: string) => T) {}

  get(t: Token): T {
    let id = t.id;
    if (id === UNNUMBERED) id = t.id = wordId(t.norm);
    if (id < 0) return this.f(t.norm);
    const values = this.values;
    while (values.length <= id) values.push(this.f(WORDS[values.length]));
    return values[id];
  }
}

/** One letter or digit (a whole code point): what words are made of. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** WORD_CHAR per code unit of the Basic Multilingual Plane: 0 not yet asked, 1 yes, 2 no. */
const BMP_WORD = new Uint8Array(0x10000);

function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  let known = BMP_WORD[cp];
  if (known === 0) known = BMP_WORD[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
  return known === 1;
}

/**
 * The code point at i within text[.., end): a surrogate pair cut by `end` is a lone surrogate
 * (not a letter), as in text.slice(start, end).
 */
function codePointBefore(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * The words of `text[start, end)`, with offsets into `text`: the runs of letters and digits
 * (/[\p{L}\p{N}]+/u), found by a loop over the characters, which is several times faster than
 * iterating a regular expression's matches (this runs over every article).
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let i = s;
  while (i < e) {
    let cp = codePointBefore(text, i, e);
    if (!isWordChar(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const at = i;
    do {
      i += cp > 0xffff ? 2 : 1;
      if (i >= e) break;
      cp = codePointBefore(text, i, e);
    } while (isWordChar(cp));
    const raw = text.slice(at, i);
    const id = rawWordId(raw);
    out.push({ raw, norm: id >= 0 ? WORDS[id] : normalize(raw), start: at, end: i, id });
  }
  return out;
}

/** One element of a cue pattern: a word (exact or prefix) or a gap of up to `max` words. */
export type PatternPart = { kind: 'word'; value: string; prefix: boolean } | { kind: 'gap'; max: number };

/** A compiled cue: its source text (for messages and tests) and its parts. */
export interface Pattern {
  source: string;
  parts: PatternPart[];
}

/**
 * Compile a cue written as space-separated words: `word*` matches any word starting with
 * `word`, `_` skips up to three words. "n'a pas _ comment*" matches "n'a pas souhaité commenter".
 */
export function compilePattern(source: string): Pattern {
  const parts: PatternPart[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece === '_') {
      parts.push({ kind: 'gap', max: 3 });
      continue;
    }
    const prefix = piece.endsWith('*');
    const words = tokenize(prefix ? piece.slice(0, -1) : piece);
    words.forEach((w, i) => parts.push({ kind: 'word', value: w.norm, prefix: prefix && i === words.length - 1 }));
  }
  if (!parts.some((p) => p.kind === 'word')) throw new Error(`lexicon: cue "${source}" has no word`);
  if (parts[0].kind === 'gap' || parts[parts.length - 1].kind === 'gap') throw new Error(`lexicon: cue "${source}" starts or ends with a gap`);
  return { source, parts };
}

function wordMatches(part: { value: string; prefix: boolean }, norm: string): boolean {
  return part.prefix ? norm.startsWith(part.value) : norm === part.value;
}

/** Match `p` at token `i`; returns the index after the last matched token, or -1. Shortest gaps first. */
export function matchAt(tokens: Token[], i: number, p: Pattern, limit = tokens.length): number {
  return matchFrom(tokens, p.parts, 0, i, limit);
}

// A plain recursive function, not a closure: this runs for every word and cue.
function matchFrom(tokens: Token[], parts: PatternPart[], pi: number, ti: number, limit: number): number {
  while (pi < parts.length) {
    const part = parts[pi];
    if (part.kind === 'gap') {
      for (let skip = 0; skip <= part.max && ti + skip <= limit; skip++) {
        const r = matchFrom(tokens, parts, pi + 1, ti + skip, limit);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (ti >= limit || !wordMatches(part, tokens[ti].norm)) return -1;
    pi++;
    ti++;
  }
  return ti;
}

/** Prefix patterns are bucketed by this many leading characters of their first word. */
const PREFIX_KEY = 3;

/** A set of patterns indexed by their first word, for one pass over a token list. */
export class PatternSet {
  private readonly exact = new Map<string, Pattern[]>();
  /** Prefix patterns by the first PREFIX_KEY characters of their first word. */
  private readonly prefixed = new Map<string, Pattern[]>();
  /** Prefix patterns whose first word is shorter than PREFIX_KEY. */
  private readonly shortPrefixed: Pattern[] = [];
  /** The most words one match can cover (its words and its widest gaps). */
  private readonly maxSpan: number = 0;

  constructor(sources: readonly string[]) {
    for (const s of sources) {
      const p = compilePattern(s);
      this.maxSpan = Math.max(this.maxSpan, p.parts.reduce((n, part) => n + (part.kind === 'gap' ? part.max : 1), 0));
      const first = p.parts[0] as { value: string; prefix: boolean };
      if (first.prefix && first.value.length < PREFIX_KEY) this.shortPrefixed.push(p);
      else {
        const index = first.prefix ? this.prefixed : this.exact;
        const key = first.prefix ? first.value.slice(0, PREFIX_KEY) : first.value;
        const list = index.get(key) ?? [];
        list.push(p);
        index.set(key, list);
      }
    }
  }

  /**
   * The cues that can start at a word (their first word matches), in the order `longest`
   * tries them: exact first words, then prefixes, then short prefixes; null when none can.
   */
  private startersOf(norm: string): Pattern[] | null {
    const out: Pattern[] = [];
    const exact = this.exact.get(norm);
    if (exact) out.push(...exact);
    const pre = norm.length >= PREFIX_KEY ? this.prefixed.get(norm.slice(0, PREFIX_KEY)) : undefined;
    if (pre) for (const p of pre) if (norm.startsWith((p.parts[0] as { value: string }).value)) out.push(p);
    for (const p of this.shortPrefixed) if (norm.startsWith((p.parts[0] as { value: string }).value)) out.push(p);
    return out.length > 0 ? out : null;
  }

  private readonly starters = new ByWord((norm) => this.startersOf(norm));

  /** The longest match starting at word i: [end, pattern], or null. Plain loops: this runs per word. */
  private longest(tokens: Token[], i: number, to: number): { end: number; pattern: Pattern } | null {
    const starters = this.starters.get(tokens[i]);
    if (starters === null) return null;
    let bestEnd = -1;
    let best: Pattern | null = null;
    for (const p of starters) {
      // the first word is known to match: go on from the second
      const e = matchFrom(tokens, p.parts, 1, i + 1, to);
      if (e > i && e > bestEnd) [bestEnd, best] = [e, p];
    }
    return best ? { end: bestEnd, pattern: best } : null;
  }

  /** Every match in tokens[from, to) as [firstToken, endToken) pairs, longest at each start. */
  find(tokens: Token[], from = 0, to = tokens.length): Array<{ first: number; end: number; pattern: Pattern }> {
    const out: Array<{ first: number; end: number; pattern: Pattern }> = [];
    const stop = Math.min(to, tokens.length);
    for (let i = Math.max(0, from); i < stop; i++) {
      const m = this.longest(tokens, i, stop);
      if (m) out.push({ first: i, end: m.end, pattern: m.pattern });
    }
    return out;
  }

  /** The end (exclusive) of the longest match starting at token i, or -1. */
  matchesAt(tokens: Token[], i: number, to = tokens.length): number {
    if (i < 0 || i >= to || i >= tokens.length) return -1;
    return this.longest(tokens, i, Math.min(to, tokens.length))?.end ?? -1;
  }

  /** True when some pattern ends exactly at token `end` (exclusive) and starts at or after `from`. */
  endsAt(tokens: Token[], end: number, from = 0): boolean {
    return this.startOfMatchEndingAt(tokens, end, from) >= 0;
  }

  /** The first token of the longest match ending exactly at `end` and starting at or after `from`, or -1. */
  startOfMatchEndingAt(tokens: Token[], end: number, from = 0): number {
    // a match starting further back than the set's longest cue cannot end at `end`
    for (let i = Math.max(from, end - Math.min(6, this.maxSpan), 0); i < end; i++) if (this.matchesAt(tokens, i, end) === end) return i;
    return -1;
  }
}
