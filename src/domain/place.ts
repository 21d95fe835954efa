import { z } from 'zod';
import { PlacePrecision } from './precision.ts';
import { Span } from './common.ts';

/** A place as resolved: a point, an uncertainty radius and a precision level. */
export const Place = z.object({
  /** The name as written in the text (or the whole offset phrase). */
  name: z.string(),
  span: Span.nullable().default(null),
  geonames_id: z.number().int().nullable(),
  canonical_name: z.string().nullable().default(null),
  country: z.string().nullable(),
  admin1: z.string().nullable().default(null),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  radius_km: z.number().nonnegative(),
  precision: PlacePrecision,
  /** How it was resolved, in words: "offset 200 km N of Timbuktu", "region: northern Mali". */
  how: z.string().optional(),
});
export type Place = z.infer<typeof Place>;
