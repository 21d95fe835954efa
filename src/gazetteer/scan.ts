import { findKeyWords, fnv1a, HAS_POSTINGS, KEY_SEED, keyStep, mayBeFirst, postingsOf, probe, SHARED_HASH, type HashIndex } from './hashindex.ts';
import { foldToken, isArabicChar, isArticleToken } from './normalize.ts';
import { NON_PLACES, STOPWORDS } from './stopwords.ts';

/**
 * One pass over the tokens of a text: at each token that may start a name, extend the
 * folded key token by token while the index knows it as a key or a prefix, and keep the
 * longest key that has places. Every index probe is one hash lookup.
 */

/**
 * The tokens of a text as parallel typed arrays (struct of arrays): token i spans
 * start[i]..end[i] on line line[i]; no object per token, so a long text costs a few
 * allocations instead of one per word.
 */
export interface TokenList {
  length: number;
  start: Int32Array;
  end: Int32Array;
  /** Index of the line (paragraph) the token is on; used for headline casing. */
  line: Int32Array;
  /** CAP | ARABIC | HYPHEN bits. */
  flags: Uint8Array;
  /** Folded form; '' for words that cannot be part of a name. */
  folded: string[];
}

/** Latin token starting with an upper-case letter. */
export const CAP = 1;
/** Arabic-script token. */
export const ARABIC = 2;
/** Followed directly by a hyphen ("al-Qaim", "ad-Dali"). */
export const HYPHEN = 4;

/** Token i of a list as a plain object (tests and diagnostics; the hot paths read the arrays). */
export interface Token {
  start: number;
  end: number;
  folded: string;
  cap: boolean;
  arabic: boolean;
  hyphen: boolean;
  line: number;
}

export function tokenAt(ts: TokenList, i: number): Token {
  const f = ts.flags[i];
  return { start: ts.start[i], end: ts.end[i], folded: ts.folded[i], cap: (f & CAP) !== 0, arabic: (f & ARABIC) !== 0, hyphen: (f & HYPHEN) !== 0, line: ts.line[i] };
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

/**
 * A mention the scanner found. Its postings view is made when first read: a typed-array
 * view costs more than the rest of the mention, and many mentions (stopwords, demonyms,
 * repeated names) never need theirs.
 */
class ScannedMention implements RawMention {
  stop?: boolean = undefined;
  acronym?: boolean = undefined;
  #ix: HashIndex;
  #postings: Uint32Array | null = null;
  constructor(
    ix: HashIndex,
    public start: number,
    public end: number,
    public tokStart: number,
    public tokEnd: number,
    public key: string,
    public keyIndex: number,
  ) {
    this.#ix = ix;
  }

  get postings(): Uint32Array {
    return (this.#postings ??= postingsOf(this.#ix, this.keyIndex));
  }
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

/**
 * INNER_WORDS of at most four ASCII characters, keyed by their packed char codes (7 bits
 * each, never 0, so words of different lengths differ), in a small open-addressing table,
 * so a short lower-case word of the text is checked without slicing it out or hashing a string.
 */
const INNER_CODES = new Int32Array(256);
const INNER_STRS: string[] = new Array<string>(256).fill('');
const innerSlot = (code: number) => Math.imul(code, 0x9e3779b1) >>> 24;
for (const w of INNER_WORDS) {
  if (w.length > 4 || /[^a-z]/.test(w)) continue;
  let code = 0;
  for (let k = 0; k < w.length; k++) code = code * 128 + w.charCodeAt(k);
  let slot = innerSlot(code);
  while (INNER_CODES[slot] !== 0) slot = (slot + 1) & 255;
  INNER_CODES[slot] = code;
  INNER_STRS[slot] = w;
}

/** The inner word whose packed codes are `code`, or ''. */
function innerWord(code: number): string {
  for (let slot = innerSlot(code); ; slot = (slot + 1) & 255) {
    const c = INNER_CODES[slot];
    if (c === code) return INNER_STRS[slot];
    if (c === 0) return '';
  }
}

const GAP_OK = /^(?:[ \t\u00a0]{1,3}|[-‐‑][ ]?|[ ][-‐‑–][ ])$/;

/**
 * Scratch arrays the tokenizer fills (grown on demand, reused across calls); a call copies
 * its tokens out into one exact-size buffer, so a text costs one allocation, not four
 * zero-filled arrays sized for the worst case.
 */
let scratchStart = new Int32Array(1024);
let scratchEnd = new Int32Array(1024);
let scratchLine = new Int32Array(1024);
let scratchFlags = new Uint8Array(1024);
let count = 0;
const scratchFolds: string[] = [];

function pushToken(s: number, e: number, folded: string, f: number, ln: number): void {
  if (count === scratchStart.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    const size = count * 2;
    scratchStart = grow(scratchStart, new Int32Array(size));
    scratchEnd = grow(scratchEnd, new Int32Array(size));
    scratchLine = grow(scratchLine, new Int32Array(size));
    scratchFlags = grow(scratchFlags, new Uint8Array(size));
  }
  scratchStart[count] = s;
  scratchEnd[count] = e;
  scratchLine[count] = ln;
  scratchFlags[count] = f;
  scratchFolds[count] = folded;
  count++;
}

/** Whether a char code is a hyphen that can join words ("al-Qaim", "Kabul-based"). */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** Tokenises a text; strips English possessive "'s" and French elisions "d'", "l'", "qu'". */
export function tokenize(text: string): TokenList {
  count = 0;
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
      pushToken(start, j, '', isHyphen(text.charCodeAt(j)) ? HYPHEN : 0, line);
      continue;
    }
    if (!sawApos && first >= 97 && first <= 122) {
      // a short lower-case word: a connector or an article (kept folded as written) or
      // nothing a name can hold; looked up by its packed codes, without a substring
      let code = 0;
      let k = start;
      for (; k < j; k++) {
        const ck = text.charCodeAt(k);
        if (ck >= 128) break;
        code = code * 128 + ck;
      }
      if (k === j) {
        pushToken(start, j, innerWord(code), isHyphen(text.charCodeAt(j)) ? HYPHEN : 0, line);
        continue;
      }
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
    pushToken(start, end, folded, (cap ? CAP : 0) | (arabic ? ARABIC : 0) | (isHyphen(text.charCodeAt(end)) ? HYPHEN : 0), line);
  }
  const buf = new ArrayBuffer(count * 13);
  const out: TokenList = {
    length: count,
    start: new Int32Array(buf, 0, count),
    end: new Int32Array(buf, count * 4, count),
    line: new Int32Array(buf, count * 8, count),
    flags: new Uint8Array(buf, count * 12, count),
    folded: scratchFolds.slice(0, count),
  };
  out.start.set(scratchStart.subarray(0, count));
  out.end.set(scratchEnd.subarray(0, count));
  out.line.set(scratchLine.subarray(0, count));
  out.flags.set(scratchFlags.subarray(0, count));
  return out;
}

const APOS = /['’]/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER_MARK = /[\p{L}\p{M}]/u;

/**
 * The class of each UTF-16 code unit: WORD (letter, mark or digit), LETTER (letter or
 * mark), KNOWN once computed. Latin is filled at load; the rest is tested through the
 * \p{} classes the first time a code unit is met and remembered, so no regex runs per
 * character. Surrogates are classed per pair in isWordChar.
 */
const CLASS = new Uint8Array(0x10000);
const WORD = 1;
const LETTER = 2;
const KNOWN = 4;
function classify(c: number): number {
  const ch = String.fromCharCode(c);
  return (CLASS[c] = KNOWN | (WORD_CHAR.test(ch) ? WORD : 0) | (LETTER_MARK.test(ch) ? LETTER : 0));
}
for (let c = 0; c < 0x250; c++) classify(c);

/** A letter, mark or digit. */
function isWordChar(c: number, text: string, i: number): boolean {
  let v = CLASS[c];
  if (v === 0) {
    if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
    if (c >= 0xdc00 && c <= 0xdfff) return WORD_CHAR.test(text.slice(i - 1, i + 1));
    v = classify(c);
  }
  return (v & WORD) !== 0;
}

function isLetterOrMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // a lone surrogate is no letter; the pair is not looked at here (as before)
  if (c >= 0xd800 && c <= 0xdfff) return LETTER_MARK.test(text[i]);
  const v = CLASS[c];
  return ((v === 0 ? classify(c) : v) & LETTER) !== 0;
}
const ELISION = /^(?:[dlDL]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]/;
const POSSESSIVE = /['’][sS]$/;

/** Whether the text between tokens a and b = a + 1 may sit inside one name. */
function gapOk(text: string, ts: TokenList, a: number): boolean {
  const aStart = ts.start[a];
  const aEnd = ts.end[a];
  const bStart = ts.start[a + 1];
  const bEnd = ts.end[a + 1];
  const len = bStart - aEnd;
  if (len === 1) {
    const c = text.charCodeAt(aEnd);
    return c === 0x20 || c === 0x2d || c === 0xa0 || c === 0x09 || c === 0x2010 || c === 0x2011 || (c === 0x2e && aEnd - aStart === 1 && bEnd - bStart === 1);
  }
  if (len > 4 || len <= 0) return false;
  // initials: "U.S.", "U.S.A."
  if (aEnd - aStart === 1 && bEnd - bStart === 1 && text.slice(aEnd, bStart) === '.') return true;
  return GAP_OK.test(text.slice(aEnd, bStart));
}

/** Max tokens in one name (GeoNames names rarely exceed five words). */
const MAX_TOKENS = 7;
/** Token indices of the key being extended (articles skipped). */
const keyToks = new Int32Array(MAX_TOKENS);

/** The key of the first `used` tokens of keyToks: their folded forms joined by one space. */
function keyOfTokens(folds: string[], used: number): string {
  let key = folds[keyToks[0]];
  for (let t = 1; t < used; t++) key = `${key} ${folds[keyToks[t]]}`;
  return key;
}

/** Whether token t may start a place name. */
function canStart(ts: TokenList, i: number): boolean {
  const f = ts.flags[i];
  if (f & ARABIC) return ts.folded[i].length >= 2;
  if (f & CAP) return true;
  // a lower-case article glued to a capitalised name: "al-Shabaab", "ad-Dali"
  return (f & HYPHEN) !== 0 && i + 1 < ts.length && (ts.flags[i + 1] & CAP) !== 0 && isArticleToken(ts.folded[i], true);
}

/**
 * Finds every longest name match. Latin words must be capitalised (except connectors and
 * articles inside a name); single-word stopwords are skipped here, the rest of the
 * plausibility checks need context and live in resolve.ts.
 */
export function scanMentions(text: string, tokens: TokenList, ix: HashIndex): RawMention[] {
  const out: RawMention[] = [];
  const n = tokens.length;
  const flags = tokens.flags;
  const folds = tokens.folded;
  let i = 0;
  while (i < n) {
    if (!canStart(tokens, i)) {
      i++;
      continue;
    }
    const tArabic = (flags[i] & ARABIC) !== 0;
    let hash = KEY_SEED;
    let bestJ = -1;
    let bestK = -1;
    let bestUsed = 0;
    let used = 0;
    for (let j = i; j < n && used < MAX_TOKENS; j++) {
      const fj = flags[j];
      const arabic = (fj & ARABIC) !== 0;
      const cap = (fj & CAP) !== 0;
      const hyphen = (fj & HYPHEN) !== 0;
      const folded = folds[j];
      if (j > i && !gapOk(text, tokens, j - 1)) break;
      if (arabic !== tArabic) break;
      if (!arabic && !cap && j > i && !CONNECTORS.has(folded) && !isArticleToken(folded, hyphen)) break;
      if (isArticleToken(folded, hyphen) && !arabic && (cap || hyphen) && j + 1 < n) {
        continue; // articles are not part of keys
      }
      if (!folded) break;
      hash = keyStep(hash, fnv1a(folded));
      keyToks[used++] = j;
      // most capitalised words name nothing: rejected by the first-token bitset
      if (used === 1 && !mayBeFirst(ix, hash)) break;
      const e = probe(ix, hash);
      if (e === 0) break;
      // a prefix-only entry (or a hash collision) lets the name go on unverified: a longer
      // key that then matches has this one as its prefix, and prefixes are keys
      if ((e & (HAS_POSTINGS | SHARED_HASH)) === 0) continue;
      const k = findKeyWords(ix, hash, folds, keyToks, used);
      if (k < 0) break;
      // the entry's own bit, unless another key shares the hash (then k may be that other)
      const named = (e & SHARED_HASH) === 0 ? (e & HAS_POSTINGS) !== 0 : ix.postOff[k + 1] > ix.postOff[k];
      if (named && (arabic || cap)) {
        bestJ = j;
        bestK = k;
        bestUsed = used;
      }
    }
    const bestKey = bestJ < 0 ? '' : keyOfTokens(folds, bestUsed);
    const tStart = tokens.start[i];
    let best: RawMention | null = bestJ < 0 ? null : new ScannedMention(ix, tStart, tokens.end[bestJ], i, bestJ + 1, bestKey, bestK);
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
    if (best && best.tokEnd - best.tokStart === 1 && !tArabic && best.end - best.start <= 4) {
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
