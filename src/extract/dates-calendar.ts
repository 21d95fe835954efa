/**
 * Calendar arithmetic on whole days, with no clock and no time zone: a day is an integer
 * (days since 1970-01-01, proleptic Gregorian), which makes "the Monday before" or "three
 * days earlier" plain integer arithmetic. Used by the date finder to turn expressions into
 * windows against a document's publication date.
 */
import type { DatePrecision } from '../domain/index.ts';
import type { DateWindow } from '../domain/index.ts';

/** Days since 1970-01-01 for a valid calendar date, else null (Feb 30, month 13...). */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a day number. */
export function ymd(dn: number): { year: number; month: number; day: number } {
  const d = new Date(dn * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** YYYY-MM-DD for a day number. */
export function isoDay(dn: number): string {
  // years 1-9999 by integer arithmetic (civil-from-days, H. Hinnant): a Date and its ISO string
  // per call showed in profiles; other values keep Date's own formatting
  if (!Number.isInteger(dn) || dn < -719_162 || dn > 2_932_896) return new Date(dn * 86_400_000).toISOString().slice(0, 10);
  const z = dn + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Day of the week, 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dn: number): number {
  return (((dn + 4) % 7) + 7) % 7;
}

/** The most recent day with weekday `wd` on or before `dn` (strictly before when `strict`). */
export function weekdayOnOrBefore(dn: number, wd: number, strict = false): number {
  let back = (weekday(dn) - wd + 7) % 7;
  if (strict && back === 0) back = 7;
  return dn - back;
}

/** Monday of the ISO week containing `dn`. */
export function mondayOf(dn: number): number {
  return dn - ((weekday(dn) + 6) % 7);
}

/** First and last day numbers of a month. */
export function monthBounds(year: number, month: number): [number, number] {
  const first = dayNumber(year, month, 1) as number;
  return [first, first + daysInMonth(year, month) - 1];
}

/** Precision a window of `start..end` deserves: 1 day, 2-6 days, 7 days, up to a month, more. */
export function precisionOf(start: number, end: number): DatePrecision {
  const n = end - start + 1;
  if (n <= 1) return 'day';
  if (n <= 6) return 'days';
  if (n === 7) return 'week';
  if (n <= 31) return 'month';
  return 'year';
}

/** A DateWindow from day numbers; precision derived from the width unless given. */
export function windowOf(start: number, end: number, precision?: DatePrecision): DateWindow {
  const [a, b] = start <= end ? [start, end] : [end, start];
  return { start: isoDay(a), end: isoDay(b), precision: precision ?? precisionOf(a, b) };
}

/**
 * What is known of the publication date, as the range of days it could be:
 * "2019-08-06" is one day, "2019-08" the whole month, "2019" the year. Invalid input -> null.
 */
export interface Published {
  first: number;
  last: number;
  precision: 'day' | 'month' | 'year';
  year: number;
  /** Month (1-12) when known. */
  month: number | null;
  /**
   * The earliest day publication can be on, when the text itself tells a later day than
   * `first` ("on July 27" in an article of July): an article does not report what is to come.
   */
  floor?: number;
}

export function parsePublished(published: string | null | undefined): Published | null {
  if (typeof published !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) {
    const dn = dayNumber(year, Number(m[2]), Number(m[3]));
    return dn === null ? null : { first: dn, last: dn, precision: 'day', year, month: Number(m[2]) };
  }
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12 || year < 1000) return null;
    const [first, last] = monthBounds(year, month);
    return { first, last, precision: 'month', year, month };
  }
  if (year < 1000) return null;
  return { first: dayNumber(year, 1, 1) as number, last: dayNumber(year, 12, 31) as number, precision: 'year', year, month: null };
}
