import { z } from 'zod';

/** A character span [start, end) into a document's text. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A number known as a range; either bound may be open (null). */
export const Range = z.object({ min: z.number().int().nonnegative().nullable(), max: z.number().int().nonnegative().nullable() });
export type Range = z.infer<typeof Range>;

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');
