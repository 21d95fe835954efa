import { findKey, postingsOf, type HashIndex } from './hashindex.ts';
import { foldToken, isArabicChar, isArticleToken } from './normalize.ts';
import { NON_PLACES, STOPWORDS } from './stopwords.ts';

/**
 * One pass over the tokens of a text: at each token that may start a name, extend the
 * folded key token by token while the index knows it as a key or a prefix, and keep the
 * longest key that has places. Every index probe is one hash lookup.
 */

export interface Token {
  start: number;
  end: number;
  folded: string;
  /** Latin token starting with an upper-case letter. */
  cap: boolean;
  arabic: boolean;
  /** Followed directly by a hyphen ("al-Qaim", "ad-Dali"). */
  hyphen: boolean;
  /** Index of the line (paragraph) the token is on; used for headline casing. */
  line: number;
}

export interface RawMention {
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  key: string;
  keyIndex: number;
  postings: Uint32Array;
  /** A lone common word ("Said", "Police"): kept only if context (an admin word) rescues it. */
  stop?: boolean;
  /** A lone all-capitals word of at most four letters ("AQ", "CIA", "US"): only a country name may match. */
  acronym?: boolean;
}

/** Lower-case words allowed inside a multi-word Latin name ("Dar es Salaam", "Ras al-Khaimah"). */
const CONNECTORS = new Set(
  ['de', 'du', 'des', 'la', 'le', 'les', 'of', 'bin', 'ben', 'ibn', 'bani', 'beni', 'wa', 'i', 'y', 'e', 'do', 'da', 'dos', 'das', 'di', 'del', 'sur', 'en', 'aux', 'au', 'es', 'ez', 'ed', 'et', 'ash', 'ad', 'az', 'as', 'at', 'an', 'ar'].map(
    (w) => foldToken(w),
  ),
);

/** Lower-case words that may follow a place name after a hyphen ("Kabul-based", "Gao-bound"). */
const HYPHEN_SUFFIXES = new Set(['based', 'born', 'bound', 'led', 'backed', 'controlled', 'held', 'area', 'region', 'style', 'era', 'side', 'linked', 'affiliated', 'allied', 'aligned', 'centred', 'centered', 'registered', 'made', 'owned', 'run', 'ville', 'sur', 'ouest', 'est', 'nord', 'sud']);

/** Lower-case words a name may contain or start with, as written (connectors and articles). */
const INNER_WORDS = new Set([...CONNECTORS, 'al', 'el', 'ul', 'ad', 'ash', 'as', 'at', 'az', 'an', 'ar', 'ath', 'adh', 'ed', 'es', 'et', 'ez', 'en', 'er']);

const GAP_OK = /^(?:[ \t\u00a0]{1,3}|[-‐‑][ ]?|[ ][-‐‑–][ ])$/;

/** Tokenises a text; strips English possessive "'s" and French elisions "d'", "l'", "qu'". */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 0;
  let nextNl = text.indexOf('\n');
  const n = text.length;
  let i = 0;
  while (i < n) {
    // find the next word: letters, marks, digits, inner apostrophes (same as TOKEN_RE)
    while (i < n && !isWordChar(text.charCodeAt(i), text, i)) i++;
    if (i >= n) break;
    let j = i + 1;
    // whether the word holds a ' or ’ (elisions, possessives)
    let sawApos = false;
    for (;;) {
      while (j < n && isWordChar(text.charCodeAt(j), text, j)) j++;
      const c = text.charCodeAt(j);
      if ((c === 0x27 || c === 0x2019 || c === 0x2bc || c === 0x2bb) && j + 1 < n && isLetterOrMark(text, j + 1)) {
        if (c === 0x27 || c === 0x2019) sawApos = true;
        j += 1;
        continue;
      }
      break;
    }
    let start = i;
    i = j;
    // lines (for headline casing): advance past every newline before this token
    while (nextNl !== -1 && nextNl < start) {
      line++;
      nextNl = text.indexOf('\n', nextNl + 1);
    }
    const first = text.charCodeAt(start);
    if (!sawApos && j - start > 4 && first >= 97 && first <= 122) {
      // a plain lower-case word longer than any connector: never part of a name, nothing to fold
      const next = text.charCodeAt(j);
      out.push({ start, end: j, folded: '', cap: false, arabic: false, hyphen: next === 0x2d || next === 0x2010 || next === 0x2011, line });
      continue;
    }
    let raw = text.slice(start, j);
    const apos = sawApos && raw.length > 2 ? raw.search(APOS) : -1;
    if (apos > 0) {
      const el = ELISION.exec(raw);
      if (el && raw.length > el[0].length + 1) {
        start += el[0].length;
        raw = raw.slice(el[0].length);
      }
      if (raw.length > 3 && POSSESSIVE.test(raw)) raw = raw.slice(0, -2);
    }
    const end = start + raw.length;
    const c0 = raw.charCodeAt(0);
    const arabic = c0 >= 0x600 && isArabicChar(c0);
    const cap = c0 >= 65 && c0 <= 90 ? true : c0 < 128 || arabic ? false : raw[0] !== raw[0].toLowerCase();
    // only words that can be part of a name need folding: capitalised, Arabic, or short
    // enough to be a connector or an article ("de", "al", "ash")
    const folded = cap || arabic ? foldToken(raw) : raw.length <= 4 && INNER_WORDS.has(raw) ? raw : '';
    const next = text.charCodeAt(end);
    out.push({ start, end, folded, cap, arabic, hyphen: next === 0x2d || next === 0x2010 || next === 0x2011, line });
  }
  return out;
}

const APOS = /['’]/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER_MARK = /[\p{L}\p{M}]/u;

/** A letter, mark or digit; ASCII without a regex, the rest through \p{} classes. */
function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // accented Latin letters (é, ç, ā, ş...): every code point of U+00C0-U+024F but × and ÷ is a letter
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return WORD_CHAR.test(text.slice(i - 1, i + 1));
  return WORD_CHAR.test(text[i]);
}

function isLetterOrMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return LETTER_MARK.test(text[i]);
}
const ELISION = /^(?:[dlDL]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]/;
const POSSESSIVE = /['’][sS]$/;

function gapOk(text: string, a: Token, b: Token): boolean {
  const len = b.start - a.end;
  if (len === 1) {
    const c = text.charCodeAt(a.end);
    return c === 0x20 || c === 0x2d || c === 0xa0 || c === 0x09 || c === 0x2010 || c === 0x2011 || (c === 0x2e && a.end - a.start === 1 && b.end - b.start === 1);
  }
  if (len > 4 || len <= 0) return false;
  // initials: "U.S.", "U.S.A."
  if (a.end - a.start === 1 && b.end - b.start === 1 && text.slice(a.end, b.start) === '.') return true;
  return GAP_OK.test(text.slice(a.end, b.start));
}

/** Max tokens in one name (GeoNames names rarely exceed five words). */
const MAX_TOKENS = 7;

/** Whether token t may start a place name. */
function canStart(t: Token, next: Token | undefined): boolean {
  if (t.arabic) return t.folded.length >= 2;
  if (t.cap) return true;
  // a lower-case article glued to a capitalised name: "al-Shabaab", "ad-Dali"
  return t.hyphen && next !== undefined && next.cap && isArticleToken(t.folded, true);
}

/**
 * Finds every longest name match. Latin words must be capitalised (except connectors and
 * articles inside a name); single-word stopwords are skipped here, the rest of the
 * plausibility checks need context and live in resolve.ts.
 */
export function scanMentions(text: string, tokens: Token[], ix: HashIndex): RawMention[] {
  const out: RawMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!canStart(t, tokens[i + 1])) {
      i++;
      continue;
    }
    let key = '';
    let bestJ = -1;
    let bestK = -1;
    let bestKey = '';
    let used = 0;
    for (let j = i; j < tokens.length && used < MAX_TOKENS; j++) {
      const tj = tokens[j];
      if (j > i && !gapOk(text, tokens[j - 1], tj)) break;
      if (tj.arabic !== t.arabic) break;
      if (!tj.arabic && !tj.cap && j > i && !CONNECTORS.has(tj.folded) && !isArticleToken(tj.folded, tj.hyphen)) break;
      if (isArticleToken(tj.folded, tj.hyphen) && !tj.arabic && (tj.cap || tj.hyphen) && j + 1 < tokens.length) {
        continue; // articles are not part of keys
      }
      if (!tj.folded) break;
      key = key ? `${key} ${tj.folded}` : tj.folded;
      used++;
      const k = findKey(ix, key);
      if (k < 0) break;
      if (ix.postOff[k + 1] > ix.postOff[k] && (tj.arabic || tj.cap)) {
        bestJ = j;
        bestK = k;
        bestKey = key;
      }
    }
    let best: RawMention | null =
      bestJ < 0 ? null : { start: t.start, end: tokens[bestJ].end, tokStart: i, tokEnd: bestJ + 1, key: bestKey, keyIndex: bestK, postings: postingsOf(ix, bestK) };
    // "Kala-balge": the written word goes on past the name with a hyphen; "Kabul-based" is fine
    const after = best ? text.charCodeAt(best.end) : 0;
    if (best && (after === 0x2d || after === 0x2010 || after === 0x2011) && /^[-‐‑]\p{Ll}/u.test(text.slice(best.end, best.end + 2))) {
      const rest = /^[-‐‑](\p{L}+)/u.exec(text.slice(best.end, best.end + 30));
      if (rest && !HYPHEN_SUFFIXES.has(rest[1].toLowerCase())) best = null;
    }
    if (best && NON_PLACES.has(best.key)) best.stop = true;
    if (best && !best.key.includes(' ') && STOPWORDS.has(best.key)) {
      best.stop = true; // admin-word context may still rescue it in resolve.ts
    }
    if (best && best.tokEnd - best.tokStart === 1 && !t.arabic) {
      const w = text.slice(best.start, best.end);
      if (w.length <= 4 && w === w.toUpperCase()) best.acronym = true;
    }
    if (best) {
      out.push(best);
      i = best.tokEnd;
    } else i++;
  }
  return out;
}
