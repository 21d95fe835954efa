/**
 * Finding actor names in a text in one pass over its words: every alias is indexed by its
 * first word, and at each word the longest alias that matches wins ("Islamic State West
 * Africa Province" over "Islamic State", "Pakistani Taliban" over "Taliban").
 *
 * Case rules: names and demonyms match without case or accents; acronyms match only as
 * written ("US" but not "us", "EI" but not "ei"). In a line written all in capitals, the
 * few acronyms that are also common words ("IS") are not trusted.
 */
import { ByWord, tokenize, type Token } from './tokens.ts';
import type { LexiconEntry } from './schema.ts';

/** How a mention was written: a name, an acronym, or a demonym ("French", "américaine"). */
export type MentionVia = 'name' | 'acronym' | 'demonym';

interface AliasPattern {
  entry: LexiconEntry;
  via: MentionVia;
  /** Normalized words for names and demonyms; raw words for acronyms. */
  words: string[];
  caseSensitive: boolean;
}

/** A raw hit: the entry, how it was written, and the token range it covers. */
export interface RawActorHit {
  entry: LexiconEntry;
  via: MentionVia;
  first: number;
  end: number;
}

/** Acronyms that are also everyday words and mean nothing in an all-capitals headline. */
const WORD_LIKE_ACRONYMS = new Set(['IS', 'FAN', 'MOD', 'ISS', 'AES', 'CMA']);

/** Arabic proclitics (and, with, for, so) glued to the next word: "وداعش" is "و" + "داعش". */
const ARABIC_PROCLITIC = /^[وبلف][\u0600-\u06FF]{2,}$/u;
/** Their code points: a cheap test before the regular expression, which runs for every unknown word. */
const PROCLITIC_FIRST = new Set([...'وبلف'].map((c) => c.charCodeAt(0)));

/**
 * The word without its proclitic: "وداعش" -> "داعش"; "لل" is "ل" before the article with its
 * alef dropped ("للجيش" = "ل" + "الجيش"), also after "و" ("وللجيش").
 */
function withoutProclitic(norm: string): string {
  if (norm.length > 4 && norm.startsWith('لل')) return `ال${norm.slice(2)}`;
  if (norm.length > 5 && norm.startsWith('ولل')) return `ال${norm.slice(3)}`;
  return norm.slice(1);
}

export class ActorMatcher {
  private readonly byFirst = new Map<string, AliasPattern[]>();
  /** byFirst per word number: this runs at every word of every article. */
  private readonly byFirstWord = new ByWord((norm) => this.byFirst.get(norm));

  constructor(entries: readonly LexiconEntry[]) {
    for (const entry of entries) {
      this.addAll(entry, 'name', entry.names, false);
      this.addAll(entry, 'acronym', entry.acronyms, true);
      this.addAll(entry, 'demonym', entry.demonyms, false);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private addAll(entry: LexiconEntry, via: MentionVia, aliases: string[], caseSensitive: boolean): void {
    for (const alias of aliases) {
      const toks = tokenize(alias);
      if (toks.length === 0) continue;
      const words = toks.map((t) => (caseSensitive ? t.raw : t.norm));
      const key = toks[0].norm;
      const list = this.byFirst.get(key) ?? [];
      if (!list.some((p) => p.entry.id === entry.id && p.caseSensitive === caseSensitive && p.words.join(' ') === words.join(' '))) {
        list.push({ entry, via, words, caseSensitive });
      }
      this.byFirst.set(key, list);
    }
  }

  /** Every actor mention in `tokens`, left to right, never overlapping. */
  scan(tokens: Token[], text: string): RawActorHit[] {
    const out: RawActorHit[] = [];
    let i = 0;
    while (i < tokens.length) {
      const hit = this.longestAt(tokens, i, text);
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  private longestAt(tokens: Token[], i: number, text: string): RawActorHit | null {
    const t = tokens[i];
    let candidates = this.byFirstWord.get(t);
    let strippedFirst = false;
    let bare = '';
    if (!candidates && PROCLITIC_FIRST.has(t.norm.charCodeAt(0)) && ARABIC_PROCLITIC.test(t.norm)) {
      bare = withoutProclitic(t.norm);
      candidates = this.byFirst.get(bare);
      strippedFirst = true;
    }
    if (!candidates) return null;
    for (const p of candidates) {
      if (i + p.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < p.words.length && ok; k++) {
        const tok = tokens[i + k];
        const have = p.caseSensitive ? tok.raw : tok.norm;
        const want = p.words[k];
        ok = have === want || (k === 0 && strippedFirst && bare === want);
        // words of one alias must be adjacent: nothing but spaces, hyphens, apostrophes or dots between
        if (ok && k > 0 && !/^[\s\-‐‑–'’.,]{0,3}$/u.test(text.slice(tokens[i + k - 1].end, tok.start))) ok = false;
      }
      if (!ok) continue;
      if (p.caseSensitive && WORD_LIKE_ACRONYMS.has(p.words.join(' ')) && inCapitalsRun(tokens, i, i + p.words.length)) continue;
      return { entry: p.entry, via: p.via, first: i, end: i + p.words.length };
    }
    return null;
  }
}

/** True when the words around [first, end) are written in capitals too (an all-caps headline). */
function inCapitalsRun(tokens: Token[], first: number, end: number): boolean {
  const isCaps = (t: Token | undefined) => t !== undefined && /\p{L}{2,}/u.test(t.raw) && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase();
  return isCaps(tokens[first - 1]) || isCaps(tokens[end]);
}
