import { z } from 'zod';

/** How exactly a date window is known. `days` is a window of 2–6 days. */
export const DatePrecision = z.enum(['day', 'days', 'week', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** How exactly a place is known, from a named building down to a whole country. */
export const PlacePrecision = z.enum(['exact', 'village', 'town', 'near', 'district', 'region', 'country']);
export type PlacePrecision = z.infer<typeof PlacePrecision>;

/**
 * ACLED geo_precision: 1 = the town itself, 2 = near a town or a small area,
 * 3 = a larger region (ACLED codebook, "Geo-precision").
 */
export function acledGeoPrecision(p: PlacePrecision): 1 | 2 | 3 {
  switch (p) {
    case 'exact':
    case 'village':
    case 'town':
      return 1;
    case 'near':
    case 'district':
      return 2;
    case 'region':
    case 'country':
      return 3;
  }
}

/**
 * UCDP GED where_prec: 1 exact location, 2 within ~25 km of a known point, 3 second-order
 * administrative division, 4 first-order division, 5 a part of a country larger than a
 * first-order division, 6 the whole country, 7 international waters or airspace
 * (UCDP GED codebook, "where_prec").
 */
export function ucdpWherePrec(p: PlacePrecision): 1 | 2 | 3 | 4 | 5 | 6 {
  switch (p) {
    case 'exact':
    case 'village':
    case 'town':
      return 1;
    case 'near':
      return 2;
    case 'district':
      return 3;
    case 'region':
      return 4;
    case 'country':
      return 6;
  }
}

/** Precision of a publication date as printed: a day, a month (YYYY-MM) or a year. */
export const PublishedPrecision = z.enum(['day', 'month', 'year']);
export type PublishedPrecision = z.infer<typeof PublishedPrecision>;
