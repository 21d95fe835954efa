/**
 * Schemas of the lexicon's data files (src/lexicon/data/*.json). Every file is validated
 * when the lexicon loads, so a typo in a hand-edited file fails loudly with its name.
 */
import { z } from 'zod';
import { ActorKind } from '../domain/index.ts';

/** One actor as written in the data files; `names` match without case, `acronyms` with case. */
export const LexiconEntry = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: ActorKind,
    country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
    /** The organisation a unit (brigade, katiba, wing, command) belongs to. */
    parent: z.string().min(1).nullable().default(null),
    /** The movement a group pledged to or grew out of: a looser tie than `parent`. */
    affiliate_of: z.string().min(1).nullable().default(null),
    names: z.array(z.string().min(1)).default([]),
    acronyms: z.array(z.string().min(1)).default([]),
    /**
     * Countries where a branch is what the movement's name means by default ("al-Qaeda
     * militants in Yemen" are AQAP's).
     */
    regions: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
    /** Adjectives and nouns of a state's people: "French", "américaine", "burkinabè". */
    demonyms: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type LexiconEntry = z.infer<typeof LexiconEntry>;

export const ActorFile = z.object({ about: z.string().optional(), entries: z.array(LexiconEntry).min(1) }).strict();
export type ActorFile = z.infer<typeof ActorFile>;

const Cues = z.array(z.string().min(1)).min(1);

/** Stance cues: token patterns (see tokens.ts for the pattern syntax). */
export const StanceFile = z
  .object({
    about: z.string().optional(),
    no_comment: Cues,
    deny: Cues,
    deny_harm: Cues,
    confirm: Cues,
    claim: Cues,
    speech: Cues,
    /** Words that introduce the source after them: "according to", "selon". */
    according: Cues,
    hedge: Cues,
    /** Hedges on the whole sentence ("if confirmed", "it was unclear whether"). */
    hedge_sentence: Cues,
    condemn: Cues,
  })
  .strict();
export type StanceFile = z.infer<typeof StanceFile>;
export type StanceCueKind = Exclude<keyof StanceFile, 'about'>;

/** Role words around a name: what makes it an agent, a speaker, a place or a target. */
export const RolesFile = z
  .object({
    about: z.string().optional(),
    official_nouns: Cues,
    /** The military subset of official nouns: an army's word on a strike is its side's word. */
    military_nouns: Cues,
    strike_nouns: Cues,
    agent_verbs: Cues,
    agent_preps: Cues,
    locative_preps: Cues,
    target_preps: Cues,
    /** What happens to those struck, after their name: "a commander of the IRGC died", "killed by". */
    victim_verbs: Cues,
    /** Verbs whose object is struck: "killed the head of the Quds Force". */
    target_verbs: Cues,
    /** A military or government named without its country ("the army", "l'état-major"): read as the document's home state. */
    generic_forces: Cues,
  })
  .strict();
export type RolesFile = z.infer<typeof RolesFile>;
export type RoleCueKind = Exclude<keyof RolesFile, 'about'>;
