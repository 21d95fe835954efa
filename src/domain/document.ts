import { z } from 'zod';
import { PublishedPrecision } from './precision.ts';

/** One article as retrieved. `id` is the sha256 of its normalized text; `raw_sha256` addresses the kept bytes. */
export const Document = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  /** Short human name: the file name without extension, or the feed item's title slug. */
  name: z.string().min(1),
  title: z.string().nullable(),
  text: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  /** YYYY-MM-DD, YYYY-MM or YYYY as printed; null when unknown. */
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  published_precision: PublishedPrecision.nullable(),
  language: z.string().nullable(),
  raw_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where it came from: a path, a URL, or a feed URL with the item's link. */
  source: z.string(),
  /** Media type the bytes were read as: text/plain, text/markdown, text/html, application/rss+xml, ... */
  media_type: z.string(),
  ingested_at: z.string(),
});
export type Document = z.infer<typeof Document>;

/** A document before the store stamps it. */
export const NewDocument = Document.omit({ ingested_at: true });
export type NewDocument = z.infer<typeof NewDocument>;
