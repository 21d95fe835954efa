/**
 * Calendar buckets of the timeline: ISO weeks (keyed by their Monday, YYYY-MM-DD) and months
 * (YYYY-MM), as /api/stats returns them. Pure date arithmetic in UTC.
 */
export type Bucketing = 'week' | 'month';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** First day of a bucket. */
export function bucketStart(by: Bucketing, key: string): string {
  return by === 'month' ? `${key}-01` : key;
}

/** Last day of a bucket. */
export function bucketEnd(by: Bucketing, key: string): string {
  if (by === 'week') return iso(ms(key) + 6 * DAY_MS);
  const [y, m] = key.split('-').map(Number);
  return iso(Date.UTC(y, m, 0));
}

/** The key of the bucket after this one. */
export function nextKey(by: Bucketing, key: string): string {
  if (by === 'week') return iso(ms(key) + 7 * DAY_MS);
  const [y, m] = key.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every key from first to last inclusive (at most `max`, so a bad key cannot loop for ever). */
export function keyRange(by: Bucketing, first: string, last: string, max = 5000): string[] {
  const out: string[] = [];
  for (let k = first; k <= last && out.length < max; k = nextKey(by, k)) out.push(k);
  return out;
}
