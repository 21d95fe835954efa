import type { PublishedPrecision } from '../domain/index.ts';

/** A publication date as printed, with how precise it is. */
export interface PublishedDate {
  published: string;
  precision: PublishedPrecision;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Reads a publication date the way publishers print it, keeping the calendar day the
 * publisher wrote (no time-zone shift: "2024-03-20T23:30:00-05:00" stays the 20th):
 * ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, with or without a time), and RFC 822 as in RSS
 * ("Wed, 20 Mar 2024 10:00:00 GMT"). Null when it is none of these or not a real date.
 */
export function parsePublished(value: string | null | undefined): PublishedDate | null {
  if (!value) return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { published: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { published: s, precision: 'month' } : null;
  m = /^(\d{4})$/.exec(s);
  if (m) return { published: s, precision: 'year' };
  m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()];
    const [y, d] = [Number(m[3]), Number(m[1])];
    if (mo && validDay(y, mo, d)) return { published: `${m[3]}-${pad(mo)}-${pad(d)}`, precision: 'day' };
  }
  return null;
}
