import { z } from 'zod';

/** A group, state or force. `id` is a short canonical name: AQIM, al-Shabaab, US, FR, ... */
export const ActorRef = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type ActorRef = z.infer<typeof ActorRef>;

export const ActorKind = z.enum(['state', 'armed_group', 'force', 'other']);
export type ActorKind = z.infer<typeof ActorKind>;

/** A lexicon entry: names and acronyms in English and French, and its parent organisation. */
export const Actor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: ActorKind,
  /** ISO2 country for states and their forces. */
  country: z.string().nullable().default(null),
  /** id of the parent organisation: a brigade is a unit of its group. */
  parent: z.string().nullable().default(null),
  aliases: z.array(z.string()).default([]),
});
export type Actor = z.infer<typeof Actor>;
