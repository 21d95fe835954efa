/**
 * The view held in the URL's query string, so a link shares exactly what one sees: the
 * incident filters (named as the API names them, ACLED-style), the map's centre and zoom,
 * and the timeline's bucket and stack. The route (map, incident, ask...) lives in the hash.
 */
export const FILTER_KEYS = [
  'event_date_from',
  'event_date_to',
  'country',
  'region',
  'belligerent',
  'target',
  'event_type',
  'grade',
  'min_killed',
  'q',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface ViewState {
  filters: Filters;
  /** Map centre and zoom: "lat,lon,zoom". */
  at: { lat: number; lon: number; zoom: number } | null;
  /** Timeline bucket and stack. */
  by: 'week' | 'month';
  stack: 'grade' | 'belligerent';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the state from a query string; values that cannot be valid are dropped, not guessed. */
export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k)?.trim();
    if (!v) continue;
    if ((k === 'event_date_from' || k === 'event_date_to') && !DAY.test(v)) continue;
    if (k === 'min_killed' && !/^\d{1,6}$/.test(v)) continue;
    filters[k] = v;
  }
  let at: ViewState['at'] = null;
  const a = p.get('at')?.split(',').map(Number);
  if (a && a.length === 3 && a.every(Number.isFinite) && Math.abs(a[0]) <= 90 && Math.abs(a[1]) <= 540 && a[2] >= 0 && a[2] <= 18) {
    at = { lat: a[0], lon: a[1], zoom: Math.round(a[2]) };
  }
  return {
    filters,
    at,
    by: p.get('by') === 'week' ? 'week' : 'month',
    stack: p.get('stack') === 'belligerent' ? 'belligerent' : 'grade',
  };
}

/** The query string of a state (with its leading "?", or "" when empty), keys in a fixed order. */
export function formatState(s: ViewState): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = s.filters[k];
    if (v) p.set(k, v);
  }
  if (s.at) p.set('at', `${s.at.lat.toFixed(3)},${s.at.lon.toFixed(3)},${s.at.zoom}`);
  if (s.by !== 'month') p.set('by', s.by);
  if (s.stack !== 'grade') p.set('stack', s.stack);
  const out = p.toString();
  return out ? `?${out}` : '';
}

/** The filters as API parameters. */
export function filterParams(f: Filters, without: FilterKey[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) if (f[k] && !without.includes(k)) out[k] = f[k]!;
  return out;
}
