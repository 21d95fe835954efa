/**
 * Turning recognised date expressions into windows against what is known of the publication
 * date. Rules (../shared/eval/README.md, "Date window rules"):
 * - a day/month without a year takes the most recent such date on or before publication;
 * - a relative day ("yesterday", "on Tuesday") needs a full publication date; with only a
 *   month (or year) published it widens to that whole month (or year);
 * - with no publication date, only dates with a printed year resolve: never invent a year.
 */
import type { DateWindow } from '../domain/index.ts';
import { dayNumber, monthBounds, precisionOf, weekday, windowOf, ymd, type Published } from './dates-calendar.ts';

/** A window for an expression relative to the publication day: `f(day)` -> [start, end]. */
export function relative(
  pub: Published | null,
  f: (day: number) => [number, number],
  precision?: DateWindow['precision'],
): DateWindow | null {
  if (!pub) return null;
  if (pub.precision === 'day') {
    const [s, e] = f(pub.first);
    return windowOf(s, e, precision);
  }
  if (typeof pub.floor === 'number' && pub.floor > pub.first && pub.floor <= pub.last) {
    // published between the day the text last tells and the end of the month: from the
    // expression read on the first such day to the expression read on the last
    const [s, e] = [f(pub.floor)[0], f(pub.last)[1]];
    return windowOf(s, e, e - s + 1 > 31 && e - s + 1 <= 62 ? 'month' : undefined);
  }
  return widened(pub);
}

/** The whole publication month or year, for relative days that a partial date cannot pin. */
export function widened(pub: Published): DateWindow {
  return windowOf(pub.first, pub.last, pub.precision === 'month' ? 'month' : 'year');
}

/**
 * The day number of day/month in `year`, or (no year) of the most recent such date on or
 * before publication; when a weekday is given it must match (else null: the text is
 * inconsistent). Returns null when no year can be fixed.
 */
export function resolveDay(
  day: number,
  month: number,
  year: number | null,
  pub: Published | null,
  wd: number | null = null,
): { dn: number; consistent: boolean } | null {
  if (year !== null) {
    const dn = dayNumber(year, month, day);
    if (dn === null) return null;
    return { dn, consistent: wd === null || weekday(dn) === wd };
  }
  if (!pub) return null;
  // Candidate years, most recent first: the publication year, then the one before.
  let fallback: number | null = null;
  for (const y of [pub.year, pub.year - 1]) {
    const dn = dayNumber(y, month, day);
    if (dn === null || dn > pub.last) continue;
    if (wd === null || weekday(dn) === wd) return { dn, consistent: true };
    fallback ??= dn;
  }
  return fallback === null ? null : { dn: fallback, consistent: false };
}

/** The year a month without a printed year belongs to (most recent on or before publication). */
export function yearForMonth(month: number, pub: Published | null): number | null {
  if (!pub) return null;
  if (pub.month === null) return pub.year;
  return month <= pub.month ? pub.year : pub.year - 1;
}

/** A month window (optionally a part: early 1-10, mid 11-20, late 21-end), clipped to publication. */
export function monthWindow(
  month: number,
  year: number,
  part: 'early' | 'mid' | 'late' | null,
  pub: Published | null,
): DateWindow {
  let [s, e] = monthBounds(year, month);
  if (part === 'early') e = s + 9;
  else if (part === 'mid') [s, e] = [s + 10, s + 19];
  else if (part === 'late') s = s + 20;
  if (pub && pub.precision === 'day' && pub.last >= s && pub.last < e) e = pub.last;
  return windowOf(s, e, 'month');
}

/** A whole-year window, clipped to the publication day for the current year. */
export function yearWindow(year: number, pub: Published | null): DateWindow {
  const s = dayNumber(year, 1, 1) as number;
  let e = dayNumber(year, 12, 31) as number;
  if (pub && pub.precision === 'day' && pub.last >= s && pub.last < e) e = pub.last;
  return windowOf(s, e, 'year');
}

/** Calendar month before the one containing `dn`. */
export function previousMonth(dn: number): [number, number] {
  const { year, month } = ymd(dn);
  return month === 1 ? monthBounds(year - 1, 12) : monthBounds(year, month - 1);
}

/** First day of the month containing `dn`. */
export function monthStart(dn: number): number {
  const { year, month } = ymd(dn);
  return dayNumber(year, month, 1) as number;
}

export { precisionOf };
