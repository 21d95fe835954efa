/**
 * How the match of a date rule (dates-rules.ts) becomes a window: a day, a span, a range of
 * days, a night across two weekdays, checked against the weekday named and resolved against
 * publication. Apart from the rules because these are calendar reasoning shared by many
 * expressions, while the rules are the wording of each.
 */
import type { DateWindow } from '../domain/index.ts';
import { dayNumber, weekday, weekdayOnOrBefore, windowOf, ymd, type Published } from './dates-calendar.ts';
import { monthOf, weekdayOf } from './dates-lexicon.ts';
import { relative, resolveDay } from './dates-resolve.ts';

export type DateKind = 'absolute' | 'relative' | 'weekday' | 'month' | 'year' | 'range';

export interface RuleResult {
  window: DateWindow | null;
  kind: DateKind;
  year_printed: boolean;
  /** The weekday named in the expression, for merging "Sunday (June 17th)". */
  weekday?: number | null;
  /** True when a named weekday does not fall on the named date. */
  inconsistent?: boolean;
  /** Days from the previously told date ("la veille" = -1, "le lendemain" = +1). */
  shift?: number;
}

const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  few: 3, several: 7, quelques: 3, plusieurs: 7,
};
export const SMALL_RE = `(?:\\d{1,3}|${Object.keys(SMALL).join('|')})`;
export function small(s: string): number | null {
  const k = s.toLowerCase();
  if (/^\d+$/.test(k)) return Number(k);
  return SMALL[k] ?? null;
}

export function dayOf(s: string): number {
  return Number.parseInt(s, 10);
}

/** "2-digit or 4-digit" -> null when the year group did not match. */
export function yearOf(s: string | undefined): number | null {
  return s ? Number(s) : null;
}

export function day(pub: Published | null, f: (d: number) => number, kind: DateKind = 'relative'): RuleResult {
  return { window: relative(pub, (d) => [f(d), f(d)]), kind, year_printed: false };
}

export function span(pub: Published | null, f: (d: number) => [number, number], precision?: DateWindow['precision']): RuleResult {
  return { window: relative(pub, f, precision), kind: 'relative', year_printed: false };
}

/** A day given as day/month/year? with an optional weekday; inconsistent weekday -> null window. */
export function absolute(d: number, month: number | null, year: number | null, pub: Published | null, wd: number | null): RuleResult | null {
  if (month === null) return null;
  if (year !== null && dayNumber(year, month, d) === null) return null;
  if (year === null && dayNumber(2000, month, d) === null) return null; // Feb 29 exists in 2000
  const r = resolveDay(d, month, year, pub, wd);
  const base = { kind: 'absolute' as const, year_printed: year !== null, weekday: wd };
  if (!r) return { ...base, window: null };
  if (!r.consistent) return { ...base, window: null, inconsistent: true };
  return { ...base, window: windowOf(r.dn, r.dn, 'day') };
}

/** The weekday `wd` resolved against publication: most recent on/before (or strictly before, or after). */
export function weekdayRule(wd: number, mode: 'onOrBefore' | 'before' | 'after', pub: Published | null): RuleResult {
  const f = (d: number): number =>
    mode === 'after' ? weekdayOnOrBefore(d + 7, wd, true) : weekdayOnOrBefore(d, wd, mode === 'before');
  return { ...day(pub, f, 'weekday'), weekday: wd };
}

export function part(s: string | undefined): 'early' | 'mid' | 'late' | null {
  if (!s) return null;
  const k = s.toLowerCase();
  return k === 'early' || k === 'début' ? 'early' : k === 'late' || k === 'fin' ? 'late' : 'mid';
}

/** Day-first numeric date; a first number above 12 cannot be a month either way. */
export function numericDay(a: number, b: number, year: number, pub: Published | null): RuleResult | null {
  if (b > 12) return absolute(b, a, year, pub, null); // month-first, "08/29/2021"
  return absolute(a, b, year, pub, null);
}

/** Window from d1/m1 to d2/m2 (year shared, resolved by the end day). */
export function range(d1: number, m1: number | null, d2: number, m2: number | null, year: number | null, pub: Published | null): RuleResult | null {
  if (m1 === null || m2 === null) return null;
  const end = resolveDay(d2, m2, year, pub);
  const base = { kind: 'range' as const, year_printed: year !== null };
  if (!end) return { ...base, window: null };
  const y = ymd(end.dn).year;
  let start = dayNumber(m1 > m2 ? y - 1 : y, m1, d1);
  if (start === null || start > end.dn || end.dn - start > 62) return null;
  if (start === end.dn) start = end.dn;
  return { ...base, window: windowOf(start, end.dn) };
}

/** A night from one weekday to the next: start = the first day, end = the second (precision days). */
export function night(
  wd1s: string,
  d1s: string | undefined,
  m1s: string | undefined,
  wd2s: string,
  d2s: string | undefined,
  m2s: string | undefined,
  ys: string | undefined,
  pub: Published | null,
): RuleResult | null {
  const wd1 = weekdayOf(wd1s);
  const wd2 = weekdayOf(wd2s);
  if (wd1 === null || wd2 === null || (wd1 + 1) % 7 !== wd2) return null;
  const year = yearOf(ys);
  const base = { kind: 'range' as const, year_printed: year !== null, weekday: wd2 };
  const m2 = m2s ? monthOf(m2s) : m1s ? monthOf(m1s) : null;
  if (d2s && m2 !== null) {
    const r = resolveDay(dayOf(d2s), m2, year, pub, wd2);
    if (!r) return { ...base, window: null };
    if (!r.consistent) return { ...base, window: null, inconsistent: true };
    return { ...base, window: windowOf(r.dn - 1, r.dn, 'days') };
  }
  if (d1s && m1s) {
    const m1 = monthOf(m1s);
    if (m1 === null) return null;
    const r = resolveDay(dayOf(d1s), m1, year, pub, wd1);
    if (!r) return { ...base, window: null };
    if (!r.consistent) return { ...base, window: null, inconsistent: true };
    return { ...base, window: windowOf(r.dn, r.dn + 1, 'days') };
  }
  const w = relative(pub, (d) => {
    const end = weekdayOnOrBefore(d, wd2);
    return [end - 1, end];
  }, pub?.precision === 'day' ? 'days' : undefined);
  return { ...base, window: w, kind: 'weekday' };
}

/** True when the weekday of an ISO day equals `wd`. */
export function isWeekday(iso: string, wd: number): boolean {
  const dn = dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  return dn !== null && weekday(dn) === wd;
}
