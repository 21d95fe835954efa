import type Database from 'better-sqlite3';
import { z } from 'zod';
import { dataVersion, stmt } from './db.ts';
import { LruCache } from './cache.ts';
import type { ResolvedFilters } from './resolve.ts';
import { whereFor } from './incidents.ts';

/** Statistics for charts: incidents (and killed, civilians killed: best estimates) per bucket, optionally stacked. */

export const StatsBy = z.enum(['week', 'month', 'year', 'country', 'belligerent', 'grade', 'event_type']);
export type StatsBy = z.infer<typeof StatsBy>;
export const StatsStack = z.enum(['grade', 'belligerent', 'event_type', 'country']);
export type StatsStack = z.infer<typeof StatsStack>;

export interface StatsBucket {
  key: string;
  incidents: number;
  killed: number;
  /** Civilians killed (sum of the incidents' best estimates), part of `killed`. */
  civilians: number;
  /** Incidents per stack value, when stacked. */
  stacks?: Record<string, number>;
}

export interface Stats {
  by: StatsBy;
  stack: StatsStack | null;
  buckets: StatsBucket[];
}

/** SQL expression of each dimension; weeks start on Monday (ISO 8601). */
const EXPR: Record<StatsBy, string> = {
  week: "date(i.date_start, '-6 days', 'weekday 1')",
  month: "substr(i.date_start, 1, 7)",
  year: "substr(i.date_start, 1, 4)",
  country: "coalesce(i.country, 'unknown')",
  belligerent: "coalesce(b.actor_id, 'unknown')",
  grade: 'i.grade',
  event_type: 'i.event_type',
};

const cache = new LruCache<string, Stats>(200);

/**
 * Counts per bucket. An incident attributed to two belligerents counts once for each when
 * grouped or stacked by belligerent (the chart's question is "strikes attributed to X").
 * Undated incidents are left out of time series.
 */
export function statistics(db: Database.Database, f: ResolvedFilters, by: StatsBy, stack: StatsStack | null = null): Stats {
  if (stack === by) stack = null;
  const where = whereFor(db, f);
  const key = `${dataVersion(db)}|${by}|${stack}|${where.sql}|${JSON.stringify(where.params)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const needsB = by === 'belligerent' || stack === 'belligerent';
  const join = needsB ? "LEFT JOIN incident_actors b ON b.incident_id = i.id AND b.role = 'belligerent'" : '';
  const timeOnly = by === 'week' || by === 'month' || by === 'year' ? ' AND i.date_start IS NOT NULL' : '';
  const s = stack ? EXPR[stack] : "''";
  const rows = stmt(
    db,
    `SELECT ${EXPR[by]} AS k, ${s} AS s, count(*) AS n, coalesce(sum(i.killed_best), 0) AS killed, coalesce(sum(i.civilians_best), 0) AS civilians
     FROM incidents i ${join} WHERE ${where.sql}${timeOnly} GROUP BY k, s ORDER BY k, s`,
  ).all(...where.params) as { k: string; s: string; n: number; killed: number; civilians: number }[];
  const buckets: StatsBucket[] = [];
  let cur: StatsBucket | null = null;
  for (const r of rows) {
    if (!cur || cur.key !== r.k) {
      cur = { key: r.k, incidents: 0, killed: 0, civilians: 0, ...(stack ? { stacks: {} } : {}) };
      buckets.push(cur);
    }
    cur.incidents += r.n;
    cur.killed += r.killed;
    cur.civilians += r.civilians;
    if (cur.stacks) cur.stacks[r.s] = (cur.stacks[r.s] ?? 0) + r.n;
  }
  const out: Stats = { by, stack, buckets };
  cache.set(key, out);
  return out;
}
