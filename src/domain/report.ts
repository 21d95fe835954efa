import { z } from 'zod';
import { DatePrecision } from './precision.ts';
import { EventType } from './event.ts';
import { Stance } from './stance.ts';
import { ActorRef } from './actor.ts';
import { Place } from './place.ts';
import { IsoDay, Range, Span } from './common.ts';

/** A date interval with its precision; start = end for one day. */
export const DateWindow = z.object({ start: IsoDay, end: IsoDay, precision: DatePrecision });
export type DateWindow = z.infer<typeof DateWindow>;

export const Attribution = z.object({
  actor: ActorRef,
  stance: Stance,
  /** Who voiced this stance, when the text says: "US intelligence officials", "the Pentagon". */
  source: z.string().nullable().default(null),
  span: Span.nullable().default(null),
});
export type Attribution = z.infer<typeof Attribution>;

/**
 * What one document says about one strike. Every field is backed by a span of the
 * document's text in `spans` (field name -> [start, end)).
 */
export const Report = z.object({
  /** `${document_id}:${index}` once stored. */
  id: z.string().optional(),
  document_id: z.string(),
  /** Position of this report among the document's reports (0-based). */
  index: z.number().int().nonnegative(),
  event_type: EventType,
  date: DateWindow.nullable(),
  place: Place.nullable(),
  /** Other places the text gives for the same strike when they disagree (kept, never dropped). */
  place_alternatives: z.array(Place).default([]),
  killed: Range.nullable(),
  injured: Range.nullable(),
  civilians_killed: Range.nullable(),
  targets: z.array(ActorRef),
  attributions: z.array(Attribution),
  /** Distinctive details useful to corroborate ("convoy", "four vehicles", "wedding"). */
  details: z.array(z.string()).default([]),
  spans: z.record(z.string(), z.array(Span).or(Span)),
  confidence: z.number().min(0).max(1),
});
export type Report = z.infer<typeof Report>;
