import { z } from 'zod';

/** drone_strike only when the text says drone, UAV, unmanned, Predator, Reaper, Bayraktar and the like. */
export const EventType = z.enum(['drone_strike', 'airstrike', 'missile_strike', 'air_raid_unspecified', 'other']);
export type EventType = z.infer<typeof EventType>;
