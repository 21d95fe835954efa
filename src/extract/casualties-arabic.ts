/**
 * Arabic casualty figures: number words ("مقتل أربعة من مقاتلي"), the dual ("قُتل مدنيان"),
 * digits after a verb written with its vowel marks ("قُتل 30 شخصاً"), and the wounded
 * ("وأصيب ثلاثة آخرون"). Arabic news writes small counts in words and two people in the dual
 * form of the noun, with no number at all; vowel marks are optional anywhere in a word.
 */

/** Vowel marks and the tatweel: optional between any two letters. */
export const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/g;

/** A word with its letter variants folded (أ إ آ -> ا, ى -> ي) and no vowel marks. */
export function foldArabicWord(w: string): string {
  return w.replace(ARABIC_MARKS, '').replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي');
}

const M = '[\\u064B-\\u0652\\u0670\\u0640]*';
/** A regex source matching `word` with optional vowel marks after each letter and any alef form. */
function marked(word: string): string {
  return [...word].map((c) => (c === 'ا' ? '[اأإآ]' : c === 'ي' ? '[يى]' : c) + M).join('');
}
const alt = (ws: string[]) => ws.map(marked).join('|');

const UNITS: Record<string, number> = {
  واحد: 1,
  واحدة: 1,
  اثنان: 2,
  اثنين: 2,
  اثنتان: 2,
  اثنتين: 2,
  اثنا: 2,
  اثني: 2,
  ثلاث: 3,
  ثلاثة: 3,
  اربع: 4,
  اربعة: 4,
  خمس: 5,
  خمسة: 5,
  ست: 6,
  ستة: 6,
  سبع: 7,
  سبعة: 7,
  ثمان: 8,
  ثماني: 8,
  ثمانية: 8,
  تسع: 9,
  تسعة: 9,
  عشر: 10,
  عشرة: 10,
  احد: 1,
  احدي: 1,
};
const TENS: Record<string, number> = {
  عشرون: 20,
  عشرين: 20,
  ثلاثون: 30,
  ثلاثين: 30,
  اربعون: 40,
  اربعين: 40,
  خمسون: 50,
  خمسين: 50,
  ستون: 60,
  ستين: 60,
  سبعون: 70,
  سبعين: 70,
  ثمانون: 80,
  ثمانين: 80,
  تسعون: 90,
  تسعين: 90,
  مئة: 100,
  مائة: 100,
};
/** "dozens" (عشرات): at least 20, as the English and French rules read "dozens". */
const VAGUE: Record<string, { min: number; max: number | null }> = {
  عشرات: { min: 20, max: null },
  العشرات: { min: 20, max: null },
};

/**
 * The count that opens `phrase` (digits, or up to three number words: "خمسة وعشرون",
 * "ثلاثة عشر"), or null when it opens with no number.
 */
export function arabicCount(phrase: string): { min: number; max: number | null } | null {
  const toks = phrase.trim().split(/\s+/).map(foldArabicWord);
  if (toks.length === 0) return null;
  const t0 = toks[0].replace(/^و(?=\S{3})/, (m) => (UNITS[toks[0]] || TENS[toks[0]] ? '' : m));
  if (/^[0-9٠-٩]+$/.test(t0)) {
    const n = Number(t0.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
    return { min: n, max: n };
  }
  if (VAGUE[t0]) return VAGUE[t0];
  let n = UNITS[t0] ?? TENS[t0];
  if (n === undefined) return null;
  const t1 = toks[1] ?? '';
  if (UNITS[t0] !== undefined && (t1 === 'عشر' || t1 === 'عشرة'))
    n = 10 + (t0 === 'احد' || t0 === 'احدي' ? 1 : UNITS[t0]);
  else if (UNITS[t0] !== undefined && t1.startsWith('و') && TENS[t1.slice(1)] !== undefined)
    n += TENS[t1.slice(1)];
  return { min: n, max: n };
}

/** Nouns for people whose dual is unlike their plural: "مدنيان", "شخصين", "طفلان". */
const DUALS = [
  'شخصان',
  'شخصين',
  'مدنيان',
  'جنديان',
  'جنديين',
  'طفلان',
  'طفلين',
  'عنصران',
  'عنصرين',
  'امراتان',
  'امراتين',
  'قتيلان',
  'قتيلين',
  'مسلحان',
  'مقاتلان',
  'شقيقان',
  'شقيقين',
  'شابان',
  'شابين',
];

const KILL = alt(['مقتل', 'قتل', 'قتلت', 'قتلوا', 'قتلا', 'استشهاد', 'مصرع']);
const WOUND = alt(['اصابة', 'اصيب', 'اصيبت', 'اصيبوا', 'جرح', 'جرحت']);
const HEDGE = `(?:${alt(['ما'])}\\s+${alt(['لا'])}\\s+${alt(['يقل'])}\\s+${alt(['عن'])}\\s+|${alt(['اكثر'])}\\s+${alt(['من'])}\\s+|${alt(['نحو', 'حوالي'])}\\s+)?`;
const WORD = `[\\u0621-\\u064A\\u064B-\\u0652\\u0670\\u0640]+`;
const COUNT = `([0-9٠-٩]+|${WORD}(?:\\s+${WORD})?)`;
const DUAL = `(${alt(DUALS)})(?![\\u0621-\\u064A])`;

/** Words a pattern here starts with (folded): the verbs and nouns of killing and wounding, with "و". */
export const ARABIC_STARTS = new Set(
  [
    'مقتل',
    'قتل',
    'قتلت',
    'قتلوا',
    'قتلا',
    'استشهاد',
    'مصرع',
    'اصابة',
    'اصيب',
    'اصيبت',
    'اصيبوا',
    'جرح',
    'جرحت',
  ].flatMap((w) => [w, `و${w}`]),
);

export interface ArabicPattern {
  re: RegExp;
  category: 'killed' | 'injured';
  /** The range read from the match, or null when it holds no count. */
  read: (m: RegExpExecArray) => { min: number | null; max: number | null } | null;
}

/** "الأكثر من" keeps the figure open-ended above; others are point values. */
function hedged(
  m: RegExpExecArray,
  r: { min: number; max: number | null },
): { min: number | null; max: number | null } {
  return /[اأ]كثر/.test(foldArabicWord(m[0])) ? { min: r.min, max: null } : r;
}

/** The count after the verb, open above after "أكثر من" ("more than"). */
function readCount(m: RegExpExecArray): { min: number | null; max: number | null } | null {
  const r = arabicCount(m[1]);
  return r && hedged(m, r);
}
const two = () => ({ min: 2, max: 2 });

/** For each verb or noun (killing, wounding): the dual ("قُتل مدنيان") and a count ("مقتل أربعة"). */
export const ARABIC_PATTERNS: ArabicPattern[] = (
  [
    ['killed', KILL],
    ['injured', WOUND],
  ] as const
).flatMap(([category, verb]) => [
  { re: new RegExp(`(?:و${M})?(?:${verb})\\s+${DUAL}`, 'yu'), category, read: two },
  { re: new RegExp(`(?:و${M})?(?:${verb})\\s+${HEDGE}${COUNT}`, 'yu'), category, read: readCount },
]);
