import { z } from 'zod';

/**
 * What a document says about who carried out a strike.
 * - confirms: the belligerent's own acknowledgment (statement, spokesperson, its officials)
 * - claims: a claim of responsibility
 * - alleges: the outlet or a third party attributes it, stated as fact
 * - suspected: hedged attribution ("may have been", "apparent", "did the US...?")
 * - denies: the named belligerent denies it
 * - no_comment: "would neither confirm nor deny", "declined to comment"
 * - unknown: no attribution
 */
export const Stance = z.enum(['confirms', 'claims', 'alleges', 'suspected', 'denies', 'no_comment', 'unknown']);
export type Stance = z.infer<typeof Stance>;

/** Per-belligerent attribution status of an incident, derived from the stances of its reports. */
export const AttributionStatus = z.enum(['acknowledged', 'alleged', 'suspected', 'denied', 'unknown']);
export type AttributionStatus = z.infer<typeof AttributionStatus>;
