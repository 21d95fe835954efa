import { z } from 'zod';

/**
 * How well an incident is corroborated (Airwars-style, adapted):
 * confirmed (a belligerent acknowledged it), fair (two or more independent sources agree),
 * weak (single source), contested (sources conflict on whether it happened or who did it),
 * discounted (an analyst ruled it out).
 */
export const Grade = z.enum(['confirmed', 'fair', 'weak', 'contested', 'discounted']);
export type Grade = z.infer<typeof Grade>;
