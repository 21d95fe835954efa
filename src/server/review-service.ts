import { z } from 'zod';
import { LockableField } from '../domain/index.ts';

/**
 * The analyst decisions the API accepts, validated here, carried out by the corroboration
 * service (which applies them as constraints on every re-clustering and records who, when
 * and why). Kept as an interface so the API does not depend on how corroboration stores them.
 */
const Reason = z.string().trim().min(3, 'say why (3 characters at least)').max(2000);
const IncidentId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'not an incident id');

export const ReviewBodies = {
  merge: z.object({ incidents: z.array(IncidentId).min(2).max(50), reason: Reason }),
  split: z.object({ incident: IncidentId, reports: z.array(z.string().min(1).max(200)).min(1).max(200), reason: Reason }),
  lock: z.object({ incident: IncidentId, field: LockableField, value: z.unknown(), reason: Reason }),
  grade: z.object({ incident: IncidentId, grade: z.enum(['confirmed', 'fair', 'weak', 'contested', 'discounted']), reason: Reason }),
  assess: z.object({
    incident: IncidentId,
    belligerent: z.string().min(1).max(80),
    confidence: z.enum(['low', 'medium', 'high']),
    rationale: z.string().trim().min(3).max(5000),
    reason: Reason.optional(),
  }),
  revert: z.object({ decision: z.number().int().positive(), reason: Reason }),
} as const;

export type ReviewKind = keyof typeof ReviewBodies;
export type ReviewBody<K extends ReviewKind> = z.infer<(typeof ReviewBodies)[K]>;

export interface ReviewResult {
  /** The decision's id, for revert. */
  decision: number | null;
  /** Incidents whose view changed (the merged id, the split-off incident...). */
  incidents: string[];
}

export interface ReviewService {
  apply<K extends ReviewKind>(kind: K, body: ReviewBody<K>, by: string): Promise<ReviewResult>;
}
