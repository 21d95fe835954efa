import { z } from 'zod';
import type { Actor, AttributionStatus } from '../domain/index.ts';
import type { GeocodeResult, PlaceCandidate } from '../gazetteer/types.ts';
import type { QueryDeps } from './resolve.ts';
import type { IncidentFilters } from './filters.ts';

/** The kinds of question `ask` answers. */
export const Intent = z.enum(['yes_no', 'count', 'list', 'who']);
export type Intent = z.infer<typeof Intent>;

/**
 * The verdict: yes_acknowledged (a belligerent acknowledged it), reported_unconfirmed
 * (attributed to the asked belligerent, not acknowledged), reported_unknown (strikes reported,
 * nobody named), reported_other (attributed to someone else), contested (sources conflict on
 * who did it or whether it happened), none (no reports found).
 */
export const Verdict = z.enum(['yes_acknowledged', 'reported_unconfirmed', 'reported_unknown', 'reported_other', 'contested', 'none']);
export type Verdict = z.infer<typeof Verdict>;

/** An actor mention as the lexicon finds it. */
export interface ActorMention {
  actor: Actor;
  span: [number, number];
  text: string;
}

/** The lexicon and gazetteer, as extraction uses them; injected so tests use the real ones. */
export interface AskDeps extends QueryDeps {
  findActors?: (text: string) => ActorMention[];
  actorName?: (id: string) => string | undefined;
  geocode?: (text: string) => GeocodeResult[];
  /** Gazetteer candidates for one name, best first. */
  lookupPlace?: (name: string) => PlaceCandidate[];
  country?: (iso2: string) => PlaceCandidate | null;
  /** Who carried out a strike when a unit or force is named (AFRICOM -> US). */
  belligerentOf?: (actorId: string) => string;
}

/** A place as the question was understood. */
export interface UnderstoodPlace {
  text: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  km: number;
  country: string | null;
  /** For "northern X": the half of the country searched, instead of a circle. */
  bbox?: { south: number; north: number; west: number; east: number };
}

/** How a question was understood: the filters, plus what they came from. */
export interface Understood {
  language: 'en' | 'fr';
  filters: IncidentFilters;
  /** The belligerent the question asks about (yes/no and who questions test it, not filter on it). */
  belligerent: string | null;
  place: UnderstoodPlace | null;
  /** Words of the question that were not understood as anything. */
  details: string[];
  /** Filters dropped because nothing matched with them. */
  relaxed: string[];
}

export interface EvidenceQuote {
  document: string;
  quote: string;
}

export interface AskIncident {
  id: string;
  grade: string;
  date: string | null;
  place: string | null;
  attributions: { actor: string; status: AttributionStatus }[];
  evidence: EvidenceQuote[];
}

/** The JSON contract of `strikewatch ask --json` and GET /api/ask. */
export interface AskAnswer {
  question: string;
  intent: Intent;
  understood: Understood;
  verdict: Verdict;
  /** Matching incidents: exact for "how many" questions, else at most the list cap (the answer says "more than"). */
  count: number;
  answer: string;
  incidents: AskIncident[];
}
