import { z } from 'zod';
import { AttributionStatus, EventType, Grade, IsoDay } from '../domain/index.ts';

/**
 * The incident filters shared by the API, the CLI and `ask`. Parameter names follow ACLED's
 * API where one exists (event_date_from / event_date_to, country, limit, page) so its users
 * feel at home. Every list parameter also accepts a comma-separated string, as query strings
 * carry them.
 */

/** "a,b" or ["a","b"] -> ["a","b"]; trims and drops empties. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return undefined;
    const arr = Array.isArray(v) ? v : [v];
    return arr.flatMap((x) => (typeof x === 'string' ? x.split(',') : [x])).map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '');
  }, z.array(item).min(1).max(50).optional());

const num = (schema: z.ZodNumber) => z.preprocess((v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v), schema.optional());

/** A circle: center and radius in km. */
export const Circle = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  km: z.number().positive().max(20_000),
});
export type Circle = z.infer<typeof Circle>;

/** "lat,lon,km" -> Circle. */
const CircleParam = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const p = v.split(',').map((x) => Number(x.trim()));
  return p.length === 3 ? { lat: p[0], lon: p[1], km: p[2] } : v;
}, Circle);

/** West, south, east, north in degrees. */
export const BBox = z
  .object({
    west: z.number().min(-180).max(180),
    south: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
  })
  .refine((b) => b.south <= b.north, 'bbox south must not exceed north');
export type BBox = z.infer<typeof BBox>;

const BBoxParam = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const p = v.split(',').map((x) => Number(x.trim()));
  return p.length === 4 ? { west: p[0], south: p[1], east: p[2], north: p[3] } : v;
}, BBox);

const ActorId = z.string().min(1).max(80);
const CountryParam = z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code').transform((s) => s.toUpperCase());

export const IncidentFilters = z.object({
  /** Incidents whose date window overlaps [from, to]. */
  event_date_from: IsoDay.optional(),
  event_date_to: IsoDay.optional(),
  country: list(CountryParam),
  admin1: list(z.string().min(1).max(120)),
  /** A phrase resolved by the gazetteer into a circle: "northern Mali", "Kidal", "near Jilib". */
  region: z.string().min(1).max(200).optional(),
  near: CircleParam.optional(),
  bbox: BBoxParam.optional(),
  event_type: list(EventType),
  /** Target actor ids; each includes its units (AQIM includes its brigades). */
  target: list(ActorId),
  belligerent: list(ActorId),
  /** Attribution status of the belligerent(s); without belligerent, of any belligerent. */
  status: list(AttributionStatus),
  grade: list(Grade),
  min_killed: num(z.number().int().min(0)),
  /** Incidents whose best figure of civilians killed is at least this (unknown figures never match). */
  min_civilians_killed: num(z.number().int().min(0)),
  /** Full text over the documents' text (FTS5): incidents with a report from a matching document. */
  q: z.string().min(1).max(500).optional(),
});
export type IncidentFilters = z.infer<typeof IncidentFilters>;

export const SortOrder = z.enum(['date_desc', 'date_asc']);
export type SortOrder = z.infer<typeof SortOrder>;

export const Paging = z.object({
  limit: num(z.number().int().min(1).max(500)).default(50),
  /** ACLED-style page number (1-based); ignored when a cursor is given. */
  page: num(z.number().int().min(1).max(100_000)),
  cursor: z.string().max(400).optional(),
  sort: SortOrder.default('date_desc'),
});
export type Paging = z.infer<typeof Paging>;

export const IncidentQuery = IncidentFilters.extend(Paging.shape);
export type IncidentQuery = z.infer<typeof IncidentQuery>;

/** The filter keys, to split a query string into filters and paging. */
export const FILTER_KEYS = Object.keys(IncidentFilters.shape) as (keyof IncidentFilters)[];

/** Only the filter fields of an object (drops paging, format and unknown keys). */
export function pickFilters(q: Record<string, unknown>): IncidentFilters {
  const out: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) if (q[k] !== undefined) out[k] = q[k];
  return out as IncidentFilters;
}
