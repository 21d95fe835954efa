/**
 * Numbers as news reports write them, in English and French: digits ("1,200", "1 200"),
 * number words ("seven", "One hundred and five", "vingt-cinq", "quatre-vingt-dix"),
 * approximate nouns ("une trentaine", "dozens", "des dizaines", "several") and the
 * qualifiers in front of them ("at least", "up to", "près de", "plus d'une dizaine").
 *
 * Conventions (../shared/eval/README.md, "Number conventions"): "at least / more than /
 * over / no fewer than N" -> min N, max open; "up to / as many as N" -> max N, min open;
 * "about / nearly / some / près de / une trentaine" -> the point N; "several / plusieurs"
 * -> min 2; "dozens / des dizaines" -> min 20; "between 5 and 7" -> 5..7.
 */

import { alternation } from './numbers-regex.ts';

/** A quantity as a range; `approx` when the text hedged it ("about", "une trentaine"). */
export interface ParsedNumber {
  min: number | null;
  max: number | null;
  approx: boolean;
}

const EN_UNITS: Record<string, number> = {
  zero: 0, no: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90,
};
const FR_UNITS: Record<string, number> = {
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60,
};
const UNITS: Record<string, number> = { ...FR_UNITS, ...EN_UNITS };
const HUNDRED = new Set(['hundred', 'cent', 'cents']);
const THOUSAND = new Set(['thousand', 'mille']);

/** Approximate French nouns: "une dizaine" = about 10. */
const FR_APPROX: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50,
  soixantaine: 60, centaine: 100,
};

/** Words of a spelled-out number (for regexes) (excluding the article-like "a", "an", "un", "une", "no"). */
export const NUMBER_WORDS = Object.keys(UNITS)
  .filter((w) => !['a', 'an', 'no', 'un', 'une'].includes(w))
  .concat(['hundred', 'thousand', 'cent', 'cents', 'mille', 'dix-sept', 'dix-huit', 'dix-neuf'])
  .sort((a, b) => b.length - a.length);

const W = `(?:${alternation(NUMBER_WORDS)})`;
/** A spelled-out number: "seven", "One hundred and five", "vingt-cinq", "quatre-vingt-dix-sept", "vingt et un". */
const WORDS_RE = `(?:(?:a|one|un|une)[\\s-]+(?:hundred|thousand)|${W})(?:(?:[\\s-]+|\\s+and\\s+|\\s+et\\s+|-et-)(?:${W}|un|une))*`;
/** Digits with optional thousands separators: "17", "1,200", "1 200", "1.200". */
const DIGITS_RE = `\\d{1,3}(?:[,.\\u00a0 ]\\d{3})+(?![\\d])|\\d+`;
/** Approximate quantities standing for a number. */
const APPROX_RE =
  `(?:une|la)\\s+(?:${Object.keys(FR_APPROX).join('|')})|(?:des|plusieurs)\\s+(?:dizaines|centaines|milliers)|plusieurs|quelques|` +
  `both|(?:tous\\s+)?les\\s+deux|(?:a\\s+)?dozens?|scores|hundreds|thousands|tens\\s+of|several|a\\s+(?:few|handful)|a\\s+number\\s+of|numerous`;

/** Lower-case words that are a number or an approximate quantity by themselves. */
const QUANTITY_WORDS = new Set([
  ...Object.keys(UNITS).filter((w) => !['a', 'an', 'no', 'un', 'une'].includes(w)), 'hundred', 'thousand', 'cent', 'mille',
  'both', 'plusieurs', 'quelques', 'dozen', 'dozens', 'scores', 'hundreds', 'thousands', 'tens', 'several', 'numerous',
  'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'environ', 'quelque', 'between', 'entre',
  'minstens', 'zeker', 'ruim', 'ongeveer', 'bijna',
]);

/** Words that start a quantity only before certain next words: "at" least, "a" dozen, "une" trentaine. */
const QUANTITY_LEADS: Record<string, (next: string) => boolean> = {
  at: (n) => n === 'least' || n === 'most',
  well: (n) => n === 'over' || n === 'above',
  in: (n) => n === 'excess',
  a: (n) => ['dozen', 'few', 'handful', 'number', 'hundred', 'thousand'].includes(n),
  an: (n) => n === 'estimated',
  as: (n) => n === 'many',
  no: (n) => n === 'fewer' || n === 'less',
  not: (n) => n === 'less',
  more: (n) => n === 'than',
  fewer: (n) => n === 'than',
  less: (n) => n === 'than',
  up: (n) => n === 'to',
  upwards: (n) => n === 'of',
  close: (n) => n === 'to',
  over: isNumberish,
  some: isNumberish,
  un: (n) => n === 'hundred' || n === 'thousand',
  one: () => true,
  une: (n) => n in FR_APPROX,
  la: (n) => n in FR_APPROX,
  des: (n) => n === 'dizaines' || n === 'centaines' || n === 'milliers',
  les: (n) => n === 'deux',
  tous: (n) => n === 'les',
  au: (n) => n === 'moins' || n === 'minimum' || n === 'maximum',
  d: (n) => n === 'au' || n === 'une',
  plus: (n) => n === 'de' || n === 'd',
  près: (n) => n === 'de' || n === 'd',
  pas: (n) => n === 'moins',
  moins: (n) => n === 'de',
  jusqu: () => true,
  ten: (n) => n === 'minste',
  zo: (n) => n === 'n',
};

/** Every word (not digits) a quantity can start with, for a quick pre-filter. */
export const QUANTITY_START_WORDS: ReadonlySet<string> = new Set([...QUANTITY_WORDS, ...Object.keys(QUANTITY_LEADS)]);

function isNumberish(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 48 && c <= 57) || QUANTITY_WORDS.has(w);
}

/**
 * True when a (lower-case) word, followed by `next`, can start a quantity: "17", "seven",
 * "at" before "least", "une" before "trentaine". Lets the casualty finder try its patterns
 * at a few positions instead of everywhere.
 */
export function isQuantityStart(word: string, next = ''): boolean {
  if (isNumberish(word)) return true;
  const lead = QUANTITY_LEADS[word];
  return lead !== undefined && lead(next);
}

/** Regex source for a bare number (digits, words or an approximate noun). */
export const NUMBER_RE = `(?:${APPROX_RE}|${DIGITS_RE}|${WORDS_RE})`;

/** Regex source for qualifiers that may precede a number. */
export const QUALIFIER_RE =
  `(?:at\\s+least|well\\s+(?:over|above)|no\\s+(?:fewer|less)\\s+than|not\\s+less\\s+than|more\\s+than|over|upwards\\s+of|in\\s+excess\\s+of|` +
  `up\\s+to|as\\s+many\\s+as|nearly|almost|about|around|approximately|roughly|some|an\\s+estimated|close\\s+to|` +
  `at\\s+most|fewer\\s+than|less\\s+than|` +
  `au\\s+moins|plus\\s+d['’]|plus\\s+de|près\\s+d['’]|près\\s+de|environ|quelque|jusqu['’]à|pas\\s+moins\\s+de|au\\s+minimum|au\\s+maximum|moins\\s+de|d['’]au\\s+moins|` +
  `ten\\s+minste|minstens|zeker|ruim|ongeveer|zo['’]n|bijna)`;

/** Regex source for a qualified quantity: "at least 42", "between four and seven", "plus d'une dizaine". */
export const QUANTITY_RE =
  `(?:(?:between|entre)\\s+(?:${NUMBER_RE})\\s+(?:and|et)\\s+(?:${NUMBER_RE})|(?:${DIGITS_RE})\\s*(?:-|–|to|à)\\s*(?:${DIGITS_RE})|` +
  `(?:${QUALIFIER_RE}\\s*)?(?:${NUMBER_RE}))`;

type Qualifier = 'min' | 'max' | 'approx' | 'point';

function qualifierOf(q: string): Qualifier {
  const k = q.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  if (/^(at least|well over|well above|no (fewer|less) than|not less than|more than|over|upwards of|in excess of|au moins|d'au moins|plus d'|plus de|pas moins de|au minimum|ten minste|minstens|zeker|ruim)$/.test(k))
    return 'min';
  if (/^(up to|as many as|at most|fewer than|less than|jusqu'à|au maximum|moins de)$/.test(k)) return 'max';
  return 'approx';
}

/** Value of digits ("1,200" -> 1200), or null. */
function digits(s: string): number | null {
  const t = s.replace(/[,.\u00a0 ](?=\d{3}(?!\d))/g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** Value of spelled-out words ("one hundred and five", "quatre-vingt-dix-sept"), or null. */
export function wordsValue(s: string): number | null {
  const tokens = s
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((t) => t && t !== 'and' && t !== 'et');
  if (tokens.length === 0) return null;
  let total = 0;
  let current = 0;
  let prev: string | null = null;
  for (const t of tokens) {
    if ((t === 'vingt' || t === 'vingts') && prev === 'quatre') {
      current += 76; // quatre-vingt(s) = 4 x 20: the 4 is already counted
    } else if (t in UNITS) {
      current += UNITS[t];
    } else if (HUNDRED.has(t)) {
      current = (current || 1) * 100;
    } else if (THOUSAND.has(t)) {
      total += (current || 1) * 1000;
      current = 0;
    } else {
      return null;
    }
    prev = t;
  }
  return total + current;
}

/** A bare number (no qualifier): digits, words or an approximate noun. */
function bare(s: string): ParsedNumber | null {
  const k = s.trim().toLowerCase().replace(/\s+/g, ' ');
  const d = digits(k);
  if (d !== null) return { min: d, max: d, approx: false };
  const fr = /^(?:une|la) (\p{L}+)$/u.exec(k);
  if (fr && fr[1] in FR_APPROX) return { min: FR_APPROX[fr[1]], max: FR_APPROX[fr[1]], approx: true };
  if (/^(?:des|plusieurs) dizaines$|^(?:a )?dozens$|^scores$|^tens of$/.test(k)) return { min: 20, max: null, approx: true };
  if (/^(?:des|plusieurs) centaines$|^hundreds$/.test(k)) return { min: 200, max: null, approx: true };
  if (/^(?:des|plusieurs) milliers$|^thousands$/.test(k)) return { min: 2000, max: null, approx: true };
  if (/^(?:a )?dozen$/.test(k)) return { min: 12, max: 12, approx: true };
  if (k === 'both' || k === 'les deux' || k === 'tous les deux') return { min: 2, max: 2, approx: false };
  if (/^(?:several|plusieurs|quelques|a few|a handful|a number of|numerous)$/.test(k)) return { min: 2, max: null, approx: true };
  const w = wordsValue(k);
  return w === null ? null : { min: w, max: w, approx: false };
}

const BETWEEN = new RegExp(`^(?:between|entre)\\s+(${NUMBER_RE})\\s+(?:and|et)\\s+(${NUMBER_RE})$`, 'iu');
const DASH = new RegExp(`^(${DIGITS_RE})\\s*(?:-|–|to|à)\\s*(${DIGITS_RE})$`, 'iu');
const QUALIFIED = new RegExp(`^(${QUALIFIER_RE})\\s*(${NUMBER_RE})$`, 'iu');

/**
 * "seven" -> 7..7, "One hundred and five" -> 105, "une trentaine" -> 30 (approx),
 * "dozens" -> min 20, "at least 42" -> min 42, "up to 200" -> max 200, "between four and
 * seven" -> 4..7, "plus d'une dizaine" -> min 10. Unparseable -> null.
 */
export function parseNumber(s: string, _language?: string | null): ParsedNumber | null {
  if (typeof s !== 'string') return null;
  const k = s.trim().replace(/\s+/g, ' ');
  if (!k) return null;
  const between = BETWEEN.exec(k) ?? DASH.exec(k);
  if (between) {
    const a = bare(between[1]);
    const b = bare(between[2]);
    if (!a || !b || a.min === null || b.min === null) return null;
    return { min: Math.min(a.min, b.min), max: Math.max(a.max ?? b.min, b.max ?? b.min), approx: false };
  }
  const q = QUALIFIED.exec(k);
  if (q) {
    const n = bare(q[2]);
    if (!n) return null;
    const kind = qualifierOf(q[1]);
    if (kind === 'min') return { min: n.min, max: null, approx: n.approx };
    if (kind === 'max') return { min: null, max: n.max ?? n.min, approx: n.approx };
    return { ...n, approx: true };
  }
  return bare(k);
}
