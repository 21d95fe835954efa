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
}

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower case without accents: "État" -> "etat", "Qaïda" -> "qaida", "أمريكية" -> "امريكية". */
export function normalize(s: string): string {
  // most words are plain ASCII: skip the Unicode decomposition for them
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}
const ASCII = /^[\x20-\x7e]*$/; // words hold no control characters

/** The words of `text[start, end)`, with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const slice = text.slice(s, e);
  for (const m of slice.matchAll(WORD)) {
    const raw = m[0];
    const at = s + (m.index ?? 0);
    out.push({ raw, norm: normalize(raw), start: at, end: at + raw.length });
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

  constructor(sources: readonly string[]) {
    for (const s of sources) {
      const p = compilePattern(s);
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

  /** The longest match starting at word i: [end, pattern], or null. Plain loops: this runs per word. */
  private longest(tokens: Token[], i: number, to: number): { end: number; pattern: Pattern } | null {
    const norm = tokens[i].norm;
    let bestEnd = -1;
    let best: Pattern | null = null;
    const exact = this.exact.get(norm);
    if (exact) {
      for (const p of exact) {
        const e = matchAt(tokens, i, p, to);
        if (e > i && e > bestEnd) [bestEnd, best] = [e, p];
      }
    }
    const pre = norm.length >= PREFIX_KEY ? this.prefixed.get(norm.slice(0, PREFIX_KEY)) : undefined;
    if (pre) {
      for (const p of pre) {
        if (!norm.startsWith((p.parts[0] as { value: string }).value)) continue;
        const e = matchAt(tokens, i, p, to);
        if (e > i && e > bestEnd) [bestEnd, best] = [e, p];
      }
    }
    for (const p of this.shortPrefixed) {
      if (!norm.startsWith((p.parts[0] as { value: string }).value)) continue;
      const e = matchAt(tokens, i, p, to);
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
    const memo = this.memoFor(tokens);
    let may = memo.starts[i];
    if (may === 0) memo.starts[i] = may = this.mayStart(tokens[i].norm) ? 1 : 2;
    if (may === 2) return -1;
    const limit = Math.min(to, tokens.length);
    // keyed by (start, limit): a limit can cut a match short or make a gap choose differently
    const key = i * (tokens.length + 1) + limit;
    const known = memo.ends.get(key);
    if (known !== undefined) return known;
    const end = this.longest(tokens, i, limit)?.end ?? -1;
    memo.ends.set(key, end);
    return end;
  }

  /**
   * Per token list, what the role and stance checks ask again and again (every actor mention
   * looks at the same words around it, from up to six starting points per end): which words
   * can start a pattern at all (0 not known yet, 1 yes, 2 no), and the longest match found
   * per (start, limit). Token lists
   * are never changed once made; the length check guards against one that grew.
   */
  private readonly memo = new WeakMap<Token[], { length: number; starts: Uint8Array; ends: Map<number, number> }>();

  private memoFor(tokens: Token[]): { length: number; starts: Uint8Array; ends: Map<number, number> } {
    const had = this.memo.get(tokens);
    if (had && had.length === tokens.length) return had;
    const made = { length: tokens.length, starts: new Uint8Array(tokens.length), ends: new Map<number, number>() };
    this.memo.set(tokens, made);
    return made;
  }

  /** Words already asked of `mayStart`: articles share most of their words. Emptied when large. */
  private readonly starters = new Map<string, boolean>();

  /** True when some pattern's first word accepts `norm` (the same tests `longest` starts with). */
  private mayStart(norm: string): boolean {
    const known = this.starters.get(norm);
    if (known !== undefined) return known;
    const may = this.firstWordAccepts(norm);
    if (this.starters.size >= 50_000) this.starters.clear();
    this.starters.set(norm, may);
    return may;
  }

  private firstWordAccepts(norm: string): boolean {
    if (this.exact.has(norm)) return true;
    const pre = norm.length >= PREFIX_KEY ? this.prefixed.get(norm.slice(0, PREFIX_KEY)) : undefined;
    if (pre?.some((p) => norm.startsWith((p.parts[0] as { value: string }).value))) return true;
    return this.shortPrefixed.some((p) => norm.startsWith((p.parts[0] as { value: string }).value));
  }

  /** True when some pattern ends exactly at token `end` (exclusive) and starts at or after `from`. */
  endsAt(tokens: Token[], end: number, from = 0): boolean {
    return this.startOfMatchEndingAt(tokens, end, from) >= 0;
  }

  /** The first token of the longest match ending exactly at `end` and starting at or after `from`, or -1. */
  startOfMatchEndingAt(tokens: Token[], end: number, from = 0): number {
    const lo = Math.max(from, end - 6, 0);
    // no match ends past the last word
    if (lo >= end || end > tokens.length) return -1;
    const memo = this.memoFor(tokens);
    // keyed by (end, first start tried); negative: apart from the (start, limit) keys of `ends`
    const key = -1 - (end * (tokens.length + 1) + lo);
    const known = memo.ends.get(key);
    if (known !== undefined) return known;
    let found = -1;
    for (let i = lo; i < end; i++) {
      if (this.matchesAt(tokens, i, end) === end) {
        found = i;
        break;
      }
    }
    memo.ends.set(key, found);
    return found;
  }
}
