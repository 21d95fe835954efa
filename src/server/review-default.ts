import type { Store } from '../store/store.ts';
import { decide, revert } from '../corroborate/service.ts';
import { ApiError } from './errors.ts';
import type { ReviewBody, ReviewKind, ReviewResult, ReviewService } from './review-service.ts';

/**
 * Analyst decisions carried out by the corroboration service (src/corroborate/service.ts),
 * which records who, when and why and re-derives the incidents on every re-clustering.
 * Its refusals ("no incident X", "report R is not in incident I") are the caller's mistakes:
 * they come back as 404 / 409 with the service's own words.
 */
export async function defaultReviewService(store: Store): Promise<ReviewService> {
  return {
    async apply<K extends ReviewKind>(kind: K, input: ReviewBody<K>, by: string): Promise<ReviewResult> {
      try {
        return await applyOne(store, kind, input as ReviewBody<ReviewKind>, by);
      } catch (err) {
        if (err instanceof ApiError || !(err instanceof Error)) throw err;
        const status = /^no (incident|decision)/.test(err.message) ? 404 : 409;
        throw new ApiError(status, status === 404 ? 'not_found' : 'conflict', err.message);
      }
    },
  };
}

async function applyOne(store: Store, kind: ReviewKind, input: ReviewBody<ReviewKind>, by: string): Promise<ReviewResult> {
  const b = input as Record<string, unknown> & { reason?: string };
  const who = { by, reason: b.reason ?? '' };
  switch (kind) {
    case 'merge': {
      // Several incidents merge pairwise into the first.
      const [first, ...rest] = b.incidents as string[];
      let last = null;
      for (const other of rest) last = await decide(store, { kind: 'merge', incident_id: first, other_id: other }, who);
      return { decision: last?.decision.id ?? null, incidents: last?.incident ? [last.incident.id] : [] };
    }
    case 'split': {
      const out: string[] = [];
      let id: number | null = null;
      for (const report of b.reports as string[]) {
        const r = await decide(store, { kind: 'split', incident_id: b.incident as string, report_id: report }, who);
        id = r.decision.id;
        if (r.incident) out.push(r.incident.id);
      }
      return { decision: id, incidents: out };
    }
    case 'lock': {
      const r = await decide(store, { kind: 'lock', incident_id: b.incident as string, field: b.field as never, value: b.value }, who);
      return { decision: r.decision.id, incidents: r.incident ? [r.incident.id] : [] };
    }
    case 'grade': {
      const r = await decide(store, { kind: 'grade', incident_id: b.incident as string, grade: b.grade as never }, who);
      return { decision: r.decision.id, incidents: r.incident ? [r.incident.id] : [] };
    }
    case 'assess': {
      const r = await decide(
        store,
        { kind: 'assess', incident_id: b.incident as string, belligerent: b.belligerent as string, confidence: b.confidence as never, rationale: b.rationale as string },
        { by, reason: b.reason ?? (b.rationale as string) },
      );
      return { decision: r.decision.id, incidents: r.incident ? [r.incident.id] : [] };
    }
    case 'revert': {
      const d = await revert(store, b.decision as number, by, b.reason ?? '');
      return { decision: d.id, incidents: 'incident_id' in d.body ? [d.body.incident_id] : [] };
    }
  }
}
