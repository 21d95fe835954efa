import { z } from 'zod';
import { Grade } from './grade.ts';

/**
 * Analyst decisions on incidents: merge two incidents, split a report out, lock a field to a
 * value, set a grade, add an assessment. Each is recorded with who, when and why, and can be
 * reverted (kept in the history, no longer applied). How they are applied lives in
 * src/corroborate/decisions.ts.
 */

/** Incident fields an analyst may lock to a value. */
export const LockableField = z.enum(['event_type', 'date', 'place', 'country', 'killed', 'injured', 'civilians_killed', 'targets']);
export type LockableField = z.infer<typeof LockableField>;

export const Confidence = z.enum(['low', 'medium', 'high']);
export type Confidence = z.infer<typeof Confidence>;

export const DecisionBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('merge'),
    incident_id: z.string(),
    other_id: z.string(),
    /** Every report of both incidents when the decision was taken: they stay together. */
    report_ids: z.array(z.string()).min(2),
  }),
  z.object({
    kind: z.literal('split'),
    incident_id: z.string(),
    report_id: z.string(),
    /** The incident's other reports at the time: the split report never rejoins them automatically. */
    others: z.array(z.string()),
  }),
  z.object({ kind: z.literal('lock'), incident_id: z.string(), field: LockableField, value: z.unknown() }),
  z.object({ kind: z.literal('grade'), incident_id: z.string(), grade: Grade }),
  z.object({
    kind: z.literal('assess'),
    incident_id: z.string(),
    belligerent: z.string().min(1),
    confidence: Confidence,
    rationale: z.string().min(1),
  }),
]);
export type DecisionBody = z.infer<typeof DecisionBody>;
export type DecisionKind = DecisionBody['kind'];

/** A decision as stored. */
export const Decision = z.object({
  id: z.number().int(),
  body: DecisionBody,
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  reverted_at: z.string().nullable(),
  reverted_by: z.string().nullable(),
  revert_reason: z.string().nullable(),
});
export type Decision = z.infer<typeof Decision>;

/** A decision about to be recorded (the store gives it an id). */
export const NewDecision = z.object({
  body: DecisionBody,
  reason: z.string().trim().min(1, 'a decision needs a reason'),
  by: z.string().trim().min(1, 'a decision needs the name of who takes it'),
  at: z.string(),
});
export type NewDecision = z.infer<typeof NewDecision>;
