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
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}

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
  const go = (pi: number, ti: number): number => {
    if (pi === p.parts.length) return ti;
    const part = p.parts[pi];
    if (part.kind === 'gap') {
      for (let skip = 0; skip <= part.max && ti + skip <= limit; skip++) {
        const r = go(pi + 1, ti + skip);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (ti >= limit || !wordMatches(part, tokens[ti].norm)) return -1;
    return go(pi + 1, ti + 1);
  };
  return go(0, i);
}

/** A set of patterns indexed by their first word, for one pass over a token list. */
export class PatternSet {
  private readonly exact = new Map<string, Pattern[]>();
  private readonly prefixed: Pattern[] = [];

  constructor(sources: readonly string[]) {
    for (const s of sources) {
      const p = compilePattern(s);
      const first = p.parts[0] as { value: string; prefix: boolean };
      if (first.prefix) this.prefixed.push(p);
      else {
        const list = this.exact.get(first.value) ?? [];
        list.push(p);
        this.exact.set(first.value, list);
      }
    }
  }

  /** Every match in tokens[from, to) as [firstToken, endToken) pairs, longest at each start. */
  find(tokens: Token[], from = 0, to = tokens.length): Array<{ first: number; end: number; pattern: Pattern }> {
    const out: Array<{ first: number; end: number; pattern: Pattern }> = [];
    for (let i = from; i < to; i++) {
      let best: { first: number; end: number; pattern: Pattern } | null = null;
      const consider = (p: Pattern) => {
        const end = matchAt(tokens, i, p, to);
        if (end > i && (best === null || end > best.end)) best = { first: i, end, pattern: p };
      };
      for (const p of this.exact.get(tokens[i].norm) ?? []) consider(p);
      for (const p of this.prefixed) {
        const first = p.parts[0] as { value: string };
        if (tokens[i].norm.startsWith(first.value)) consider(p);
      }
      if (best) out.push(best);
    }
    return out;
  }

  /** The end (exclusive) of the longest match starting at token i, or -1. */
  matchesAt(tokens: Token[], i: number, to = tokens.length): number {
    let bestEnd = -1;
    if (i < 0 || i >= to) return -1;
    for (const p of this.exact.get(tokens[i].norm) ?? []) bestEnd = Math.max(bestEnd, matchAt(tokens, i, p, to));
    for (const p of this.prefixed) {
      const first = p.parts[0] as { value: string };
      if (tokens[i].norm.startsWith(first.value)) bestEnd = Math.max(bestEnd, matchAt(tokens, i, p, to));
    }
    return bestEnd;
  }

  /** True when some pattern ends exactly at token `end` (exclusive) and starts at or after `from`. */
  endsAt(tokens: Token[], end: number, from = 0): boolean {
    return this.startOfMatchEndingAt(tokens, end, from) >= 0;
  }

  /** The first token of the longest match ending exactly at `end` and starting at or after `from`, or -1. */
  startOfMatchEndingAt(tokens: Token[], end: number, from = 0): number {
    for (let i = Math.max(from, end - 6, 0); i < end; i++) if (this.matchesAt(tokens, i, end) === end) return i;
    return -1;
  }
}
