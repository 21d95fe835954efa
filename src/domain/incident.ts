import { z } from 'zod';
import { Grade } from './grade.ts';
import { DateWindow } from './report.ts';
import { EventType } from './event.ts';
import { Place } from './place.ts';
import { ActorRef } from './actor.ts';
import { AttributionStatus, Stance } from './stance.ts';

/** One source's figure for a casualty category. */
export const CasualtyClaim = z.object({
  report_id: z.string(),
  document: z.string(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
});

/** Low / best / high for one category, derived from the claims and kept with them. */
export const CasualtyEstimate = z.object({
  low: z.number().int().nullable(),
  best: z.number().int().nullable(),
  high: z.number().int().nullable(),
  claims: z.array(CasualtyClaim),
});
export type CasualtyEstimate = z.infer<typeof CasualtyEstimate>;

export const AttributionTally = z.object({
  actor: ActorRef,
  status: AttributionStatus,
  stances: z.array(z.object({ stance: Stance, report_id: z.string(), document: z.string(), source: z.string().nullable() })),
});
export type AttributionTally = z.infer<typeof AttributionTally>;

/**
 * An analyst's structured judgement on who carried out a strike: a belligerent hypothesis with
 * a confidence and a rationale (the comment-thread argument under an article, made structured).
 */
export const Assessment = z.object({
  decision_id: z.number().int(),
  belligerent: z.string().min(1),
  confidence: z.enum(['low', 'medium', 'high']),
  rationale: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

/** An incident: a cluster of reports about the same strike, with fields derived from them. */
export const Incident = z.object({
  /** Stable id, e.g. SW-ML-2012-0001. */
  id: z.string(),
  grade: Grade,
  grade_explanation: z.string(),
  event_type: EventType,
  date: DateWindow.nullable(),
  place: Place.nullable(),
  country: z.string().nullable(),
  killed: CasualtyEstimate,
  injured: CasualtyEstimate,
  civilians_killed: CasualtyEstimate,
  targets: z.array(ActorRef),
  attributions: z.array(AttributionTally),
  report_ids: z.array(z.string()),
  /** Sources counted once per syndicated wire story. */
  independent_sources: z.number().int().nonnegative(),
  /** Field name -> analyst-locked value and reason. */
  locks: z.record(z.string(), z.object({ value: z.unknown(), reason: z.string(), by: z.string(), at: z.string() })).default({}),
  updated_at: z.string().optional(),
  /** Analysts' belligerent hypotheses, newest last. */
  assessments: z.array(Assessment).default([]),
  /** Ids of incidents merged into this one (they redirect here). */
  redirected_from: z.array(z.string()).default([]),
});
export type Incident = z.infer<typeof Incident>;
