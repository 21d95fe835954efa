/**
 * Month and weekday names the date finder recognises (English, French, Dutch, Arabic), and
 * the regular-expression pieces built from them. Data only, plus the lookups.
 */

/** Month names -> 1..12. Abbreviations are marked so a lone "Mar" or "may" is not taken. */
const MONTHS: Array<[number, string[], string[]]> = [
  // [month, full names, abbreviations]
  [1, ['january', 'janvier', 'januari', 'يناير', 'كانون الثاني'], ['jan', 'janv']],
  [2, ['february', 'février', 'fevrier', 'februari', 'فبراير', 'شباط'], ['feb', 'febr', 'févr', 'fevr']],
  [3, ['march', 'mars', 'maart', 'مارس', 'آذار'], ['mar']],
  [4, ['april', 'avril', 'أبريل', 'ابريل', 'نيسان'], ['apr', 'avr']],
  [5, ['mai', 'mei', 'مايو', 'أيار'], ['may']],
  [6, ['june', 'juin', 'juni', 'يونيو', 'حزيران'], ['jun']],
  [7, ['july', 'juillet', 'juli', 'يوليو', 'تموز'], ['jul', 'juil']],
  [8, ['august', 'août', 'aout', 'augustus', 'أغسطس', 'اغسطس', 'آب'], ['aug']],
  [9, ['september', 'septembre', 'سبتمبر', 'أيلول'], ['sept', 'sep']],
  [10, ['october', 'octobre', 'oktober', 'أكتوبر', 'اكتوبر', 'تشرين الأول'], ['oct']],
  [11, ['november', 'novembre', 'نوفمبر', 'تشرين الثاني'], ['nov']],
  [12, ['december', 'décembre', 'decembre', 'ديسمبر', 'كانون الأول'], ['dec', 'déc']],
];

/** Weekday names -> 0 (Sunday) .. 6 (Saturday). */
const WEEKDAYS: Array<[number, string[]]> = [
  [0, ['sunday', 'dimanche', 'zondag', 'الأحد', 'الاحد']],
  [1, ['monday', 'lundi', 'maandag', 'الاثنين', 'الإثنين']],
  [2, ['tuesday', 'mardi', 'dinsdag', 'الثلاثاء']],
  [3, ['wednesday', 'mercredi', 'woensdag', 'الأربعاء', 'الاربعاء']],
  [4, ['thursday', 'jeudi', 'donderdag', 'الخميس']],
  [5, ['friday', 'vendredi', 'vrijdag', 'الجمعة']],
  [6, ['saturday', 'samedi', 'zaterdag', 'السبت']],
];

const monthMap = new Map<string, number>();
const abbrevs = new Set<string>();
for (const [n, full, abbr] of MONTHS) {
  for (const f of full) monthMap.set(f, n);
  for (const a of abbr) {
    monthMap.set(a, n);
    abbrevs.add(a);
  }
}
const weekdayMap = new Map<string, number>();
for (const [n, names] of WEEKDAYS) for (const w of names) weekdayMap.set(w, n);

function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

function norm(s: string): string {
  const k = s.toLowerCase();
  const t = k.endsWith('.') ? k.slice(0, -1) : k;
  return t.includes(' ') || t.includes('\n') || t.includes('\t') ? t.replace(/\s+/g, ' ') : t;
}

/** Every month and weekday name, lower case (for the finder's cheap pre-filter). */
export const NAME_WORDS: readonly string[] = [...monthMap.keys(), ...weekdayMap.keys()];

/** Month number for one lower-case word as scanned (no dot, no spaces), or null. Fast path for anchors. */
export function monthWord(lower: string): number | null {
  return monthMap.get(lower) ?? null;
}

/** Weekday number for one lower-case word as scanned, or null. Fast path for anchors. */
export function weekdayWord(lower: string): number | null {
  return weekdayMap.get(lower) ?? null;
}

/** Month number for a matched name ("Oct.", "août", "janv.") or null. */
export function monthOf(name: string): number | null {
  return monthMap.get(norm(name)) ?? null;
}

/** True when the matched month name is an abbreviation (or "May"), which needs a day or year beside it. */
export function isWeakMonth(name: string): boolean {
  return abbrevs.has(norm(name));
}

/** Weekday number (0 = Sunday) for a matched name, or null. */
export function weekdayOf(name: string): number | null {
  return weekdayMap.get(norm(name)) ?? null;
}

/** Regex source matching a month name; abbreviations take an optional dot. */
export const MONTH_RE = `(?:(?:${alternation([...monthMap.keys()].filter((k) => !abbrevs.has(k)))})|(?:${alternation(abbrevs)})\\.?)`;

/** Regex source matching a weekday name; Dutch compounds like "zondagavond" are handled by the caller. */
export const WEEKDAY_RE = `(?:${alternation(weekdayMap.keys())})`;

/** Day of the month with an optional ordinal suffix: "1", "1st", "1er", "17th". */
export const DAY_RE = `(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th|er|ère|e)?`;

/** A four-digit year, 1900-2099. */
export const YEAR_RE = `(?:19|20)\\d\\d`;

/** Word boundaries that work for accented and Arabic letters (JS \b is ASCII only). */
export const B0 = '(?<![\\p{L}\\p{N}])';
export const B1 = '(?![\\p{L}\\p{N}])';
