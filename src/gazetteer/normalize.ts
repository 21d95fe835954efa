/**
 * Name normalisation shared by the index builder and the text scanner. Both sides fold
 * names with the same function, so every variant a rule folds together matches every
 * other: case, accents, apostrophes, hyphens, Arabic articles, Arabic letter variants and
 * a few Latin transliteration habits (Shabwah / Shabwa, Tombouctou / Tombuctu,
 * Djibouti / Jibouti, Qandahar / Kandahar, Miranshah / Miransha, Dhamar / Damar, Khost / Kost,
 * doubled consonants).
 *
 * A normalised name is a *key*: folded tokens joined by one space, articles removed.
 */

/** Arabic definite-article tokens written as separate Latin words ("al-Qaim", "El Adde"). */
const LATIN_ARTICLES = new Set(['al', 'el', 'ul']);
/**
 * Sun-letter assimilated articles ("ad-Dali", "ash-Shihr", "az-Zawiyah"): only dropped in
 * names and in texts when written with a hyphen, because "as", "at", "an" are English words.
 */
const SUN_ARTICLES = new Set(['ad', 'ash', 'as', 'at', 'az', 'an', 'ar', 'ath', 'adh', 'ed', 'es', 'et', 'ez', 'en', 'er']);

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const COMBINING = /[\u0300-\u036f]/g;
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ŋ: 'n',
};
const APOSTROPHES = /['’‘ʼʻʿʾ`´]/g;

/** True if the character is in the Arabic blocks. */
export function isArabicChar(code: number): boolean {
  return (code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff);
}

/** Fold an Arabic-script token: letter variants, no vowel marks, no article "ال" or "وال"/"بال". */
function foldArabic(tok: string): string {
  let s = tok.replace(TASHKEEL, '');
  s = s
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ی/g, 'ي');
  if (s.length > 5 && (s.startsWith('وال') || s.startsWith('بال') || s.startsWith('فال'))) s = s.slice(3);
  else if (s.length > 4 && s.startsWith('لل')) s = s.slice(2);
  else if (s.length > 3 && s.startsWith('ال')) s = s.slice(2);
  return s;
}

/**
 * Latin transliteration folding. Applied identically to names and texts, so it only has
 * to be consistent, not linguistically exact.
 */
function foldLatin(s: string): string {
  // dh~d, kh~k: Dhamar / Damar, Khost / Kost; q~k: Murzuq / Murzuk, Qandahar / Kandahar
  s = s.replace(/dj/g, 'j').replace(/ou/g, 'u').replace(/q/g, 'k').replace(/ck/g, 'k').replace(/kh/g, 'k').replace(/dh/g, 'd');
  // n before b is said, and often written, m in Arabic, Persian and Urdu names (Anbar / Ambar,
  // Istanbul / Istambul), and n before sh as well (Miranshah / Miramshah). Not before p:
  // Arabic has no p, and m~n there mostly merges unrelated European and Chinese names
  s = s.replace(/m(?=b|sh)/g, 'n');
  // a y closing a vowel: Bayhan / Baihan, Sheyban / Sheiban
  s = s.replace(/([aeou])y(?=[^aeiouy]|$)/g, '$1i');
  // collapse doubled letters: Shabaab / Shabab, Jabbar / Jabar, Saeed keeps "ae"
  s = s.replace(/([a-z])\1+/g, '$1');
  // final h after a vowel: Shabwah / Shabwa, Darnah / Darna
  if (s.length > 3 && s.endsWith('h') && /[aeiou]/.test(s[s.length - 2])) s = s.slice(0, -1);
  return s;
}

const tokenCache = new Map<string, string>();

/**
 * Fold one token (no spaces): lower case, no accents, no apostrophes, Arabic letter
 * variants unified, transliteration variants folded. Memoised: texts repeat their words.
 */
export function foldToken(raw: string): string {
  const hit = tokenCache.get(raw);
  if (hit !== undefined) return hit;
  let out: string;
  const c0 = raw.charCodeAt(0);
  if (isArabicChar(c0)) {
    out = foldArabic(raw);
  } else {
    let s = raw.toLowerCase();
    if (!/^[a-z0-9]*$/.test(s)) {
      s = s.normalize('NFD').replace(COMBINING, '').replace(APOSTROPHES, '');
      s = s.replace(/[ßæœøłđıðþħŧŋ]/g, (ch) => LATIN_SPECIAL[ch] ?? ch);
    }
    out = /^[a-z]+$/.test(s) ? foldLatin(s) : s;
  }
  if (tokenCache.size > 200_000) tokenCache.clear();
  tokenCache.set(raw, out);
  return out;
}

/**
 * Letters that romanisations write with a diacritic where English writes a digraph: Turkish
 * and Kurdish ş and ç (Qamişlo / Qamishlo), the š, č, ž of Slavic and scholarly spellings,
 * and the ġ, ḫ, ṯ, ḏ of Arabic transliteration (ġ = gh, ḫ = kh). The plain fold drops the mark
 * (ş → s); the digraph spelling is indexed as well (see `nameKeys`). But in GeoNames' BGN
 * spellings of Arabic names ş is the emphatic s (Şīrah is Sirah, Şabrātah is Sabratha): a
 * name with BGN's other marks (long vowels with a macron, ḩ ţ ẕ ḑ, the ayn and hamza quotes)
 * keeps its ş an s.
 */
const DIGRAPH_LETTERS: Record<string, string> = { ş: 'sh', ș: 'sh', š: 'sh', ç: 'ch', č: 'ch', ž: 'zh', ġ: 'gh', ḫ: 'kh', ẖ: 'kh', ṯ: 'th', ḏ: 'dh' };
const DIGRAPH_RE = /[şșšçčžġḫẖṯḏ]/gu;
const HAS_DIGRAPH = /[şșšçčžġḫẖṯḏ]/u;
const BGN_MARKS = /[āēīōūḩţẕḑ‘’ʻʼ`]/u;

/**
 * Every key a place name is indexed under: its `nameKey`, and when it holds a letter of
 * DIGRAPH_LETTERS, the key of its digraph spelling too. Texts fold with `nameKey` only: an
 * English text writes the digraph ("Qamishlo"), a Turkish one the letter, and both find the
 * place.
 */
export function nameKeys(name: string): string[] {
  const key = nameKey(name);
  const lower = name.normalize('NFC').toLowerCase();
  if (!HAS_DIGRAPH.test(lower)) return key ? [key] : [];
  const bgn = BGN_MARKS.test(lower);
  const spelled = nameKey(lower.replace(DIGRAPH_RE, (ch) => (bgn && ch === 'ş' ? ch : (DIGRAPH_LETTERS[ch] ?? ch))));
  const out = key ? [key] : [];
  if (spelled && spelled !== key) out.push(spelled);
  return out;
}

/** Splits a name or text into word tokens: letters, marks, digits and inner apostrophes. */
export const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’ʼʻ][\p{L}\p{M}]+)*/gu;

/**
 * The key of a place name: folded tokens, Arabic articles dropped. Returns null for names
 * that cannot be matched usefully (codes, digits, empty after folding).
 */
export function nameKey(name: string): string | null {
  const parts: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(name)) !== null) {
    const raw = m[0];
    const tok = foldToken(raw);
    if (!tok) continue;
    const next = name.charCodeAt(m.index + raw.length);
    const hyphenated = next === 0x2d || next === 0x2010 || next === 0x2011;
    if (LATIN_ARTICLES.has(tok) || (hyphenated && SUN_ARTICLES.has(tok))) continue;
    parts.push(tok);
  }
  if (parts.length === 0) return null;
  const key = parts.join(' ');
  if (/\d/.test(key)) return null;
  return key;
}

/** Whether a folded token is an article that a scanner may skip inside a name. */
export function isArticleToken(folded: string, hyphenated: boolean): boolean {
  return LATIN_ARTICLES.has(folded) || (hyphenated && SUN_ARTICLES.has(folded));
}

/** Every Arabic article a loose key drops, spaced or hyphenated ("Ash Shihr", "an-Numan"). */
const LOOSE_ARTICLES = new Set([...LATIN_ARTICLES, ...SUN_ARTICLES]);

/**
 * A looser key for names the exact key misses, used only to match a place the text cues as
 * a settlement against the gazetteer places around the place it is attached to (never to
 * find places in running text): transliterations of Arabic and Somali names disagree on
 * short vowels ("Shehr" / "Shihr", "Mukalla" / "Mokalla"), on the article ("Ash Shihr",
 * "al-Shihr", "Shihr"), and Somali writes the ayn as C ("Ceel Cadde" / "El Adde").
 * Apostrophes go (GeoNames writes the ayn as ‘ or `), articles go wherever they stand (but a name never becomes empty), a word-initial Somali C
 * before a vowel goes, e~i and o~u fold, doubled letters collapse.
 */
export function looseKey(name: string): string | null {
  // every apostrophe-like mark goes first: "Ma‘arrat" is one word, not "Ma" and "arrat"
  const key = nameKey(name.replace(APOSTROPHES, ''));
  if (!key) return null;
  const toks = key.split(' ').map((t) => (t.length > 2 && t[0] === 'c' && /[aeiou]/.test(t[1]) ? t.slice(1) : t));
  const kept = toks.filter((t) => !LOOSE_ARTICLES.has(t));
  const words = (kept.length > 0 ? kept : toks).map((t) => t.replace(/e/g, 'i').replace(/o/g, 'u').replace(/([a-z])\1+/g, '$1'));
  return words.join(' ');
}

/**
 * The consonant outline of a loose key (its first letter kept): "Bidama" and "Bdama" both
 * give "bdm". Vowels are the least reliable letters of a transliteration; the outline is
 * only compared among the few places around an anchor, and only when it is long enough.
 */
export function consonantOutline(loose: string): string {
  return loose
    .split(' ')
    .map((t) => t[0] + t.slice(1).replace(/[aeiouy]/g, ''))
    .join(' ');
}
