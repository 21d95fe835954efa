import { z } from 'zod';
import { stmt } from '../../query/db.ts';
import { withActors, type IncidentSummary } from '../../query/incidents.ts';
import type { ServerContext } from '../context.ts';
import type { Routes } from '../http.ts';
import { ApiError } from '../errors.ts';
import { ReviewBodies, type ReviewKind } from '../review-service.ts';

const int = (min: number, max: number, dflt: number) =>
  z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(min).max(max)).default(dflt);

const QUEUE_COLUMNS = `i.id, i.grade, i.event_type, i.date_start, i.date_end, i.country, i.admin1,
  json_extract(i.body, '$.place.name') AS place, i.lat, i.lon, i.radius_km, i.killed_low, i.killed_best,
  i.killed_high, i.civilians_best, i.sources, i.updated_at,
  (SELECT count(*) FROM decisions d WHERE d.incident_id = i.id AND d.reverted_at IS NULL) AS decisions`;

/** The review queue and the analyst decisions (each one audited with user and reason). */
export function reviewRoutes(r: Routes, ctx: ServerContext): void {
  r.add({
    method: 'GET',
    url: '/api/review/queue',
    tag: 'review',
    summary: 'Incidents to review: contested first, then weak, then never-reviewed others; newest changes first',
    access: 'analyst',
    query: z.object({ limit: int(1, 200, 50), offset: int(0, 1_000_000, 0), format: z.enum(['json', 'csv']).optional() }),
    rows: (p: { items: IncidentSummary[] }) => p.items,
    handler: ({ query }) => {
      const rows = stmt(
        ctx.db,
        `SELECT ${QUEUE_COLUMNS} FROM incidents i WHERE i.grade != 'discounted'
         ORDER BY CASE i.grade WHEN 'contested' THEN 0 WHEN 'weak' THEN 1 ELSE 2 END, decisions, i.updated_at DESC, i.id
         LIMIT ? OFFSET ?`,
      ).all(query.limit, query.offset) as Parameters<typeof withActors>[1];
      return { items: withActors(ctx.db, rows), limit: query.limit, offset: query.offset };
    },
  });
  for (const kind of Object.keys(ReviewBodies) as ReviewKind[]) {
    r.add({
      method: 'POST',
      url: `/api/review/${kind}`,
      tag: 'review',
      summary: `Analyst decision: ${kind} (recorded with who, when and why; revertible)`,
      access: 'analyst',
      body: ReviewBodies[kind] as z.ZodType<unknown>,
      handler: async ({ body, user }) => {
        if (!ctx.review) throw new ApiError(503, 'unavailable', 'analyst decisions are not available on this server yet');
        const b = body as { reason?: string; incident?: string; incidents?: string[]; decision?: number };
        const result = await ctx.review.apply(kind, body as never, user!.name);
        ctx.users.audit({
          user: user!.name,
          action: `review.${kind}`,
          target: b.incident ?? b.incidents?.join(',') ?? (b.decision !== undefined ? `decision ${b.decision}` : null),
          reason: b.reason ?? null,
          detail: body,
        });
        return result;
      },
    });
  }
}
