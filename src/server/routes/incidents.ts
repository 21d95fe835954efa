import { z } from 'zod';
import { IncidentFilters, IncidentQuery, pickFilters } from '../../query/filters.ts';
import { countIncidents, listIncidentItems, pageJson, TotalMode, type IncidentPage } from '../../query/incidents.ts';
import { JsonText } from '../respond.ts';
import { resolveFilters } from '../../query/resolve.ts';
import { incidentView } from '../../query/view.ts';
import { statistics, StatsBy, StatsStack, type Stats } from '../../query/stats.ts';
import { mapClusters, type Cluster } from '../../query/clusters.ts';
import { BBox } from '../../query/filters.ts';
import type { Incident } from '../../domain/index.ts';
import type { ServerContext } from '../context.ts';
import type { Routes } from '../http.ts';
import { notFound } from '../errors.ts';

const Format = z.object({ format: z.enum(['json', 'csv']).optional() });
export const IncidentId = z.object({ id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'not an incident id') });

/** Incidents: filtered lists, one incident's view and GeoJSON, statistics and map clusters. */
export function incidentRoutes(r: Routes, ctx: ServerContext): void {
  r.add({
    method: 'GET',
    url: '/api/incidents',
    tag: 'incidents',
    summary:
      'Incidents matching the filters, newest first; keyset cursor (next_cursor) or ACLED-style page. total counts the incidents up to the end of this page (total_exact: the list ends here; otherwise more than total match); count=exact counts them all, count=capped up to 100',
    access: 'read',
    cache: true,
    query: IncidentQuery.extend(Format.shape).extend({ count: TotalMode.default('page') }),
    rows: (p: IncidentPage) => p.items,
    handler: ({ query }) =>
      new JsonText(
        pageJson(listIncidentItems(ctx.db, resolveFilters(pickFilters(query), ctx.queryDeps), query, query.count)),
      ),
  });
  r.add({
    method: 'GET',
    url: '/api/incidents/count',
    tag: 'incidents',
    summary: 'The exact number of incidents matching the filters (a list counts only as far as its page unless asked with count=exact)',
    access: 'read',
    cache: true,
    query: IncidentFilters,
    handler: ({ query }) => ({ count: countIncidents(ctx.db, resolveFilters(pickFilters(query), ctx.queryDeps)) }),
  });
  r.add({
    method: 'GET',
    url: '/api/incidents/:id.geojson',
    tag: 'incidents',
    summary: "One incident as a GeoJSON Feature (point; radius_km in properties)",
    access: 'read',
    cache: true,
    params: IncidentId,
    handler: ({ params, reply }) => {
      const v = incidentView(ctx.db, params.id);
      if (!v) throw notFound(`incident ${params.id}`);
      reply.type('application/geo+json');
      return toFeature(v.incident);
    },
  });
  r.add({
    method: 'GET',
    url: '/api/incidents/:id',
    tag: 'incidents',
    summary: 'One incident: the incident, its reports with spans, the documents with their text, decisions and assessments',
    access: 'read',
    cache: true,
    params: IncidentId,
    handler: ({ params }) => {
      const v = incidentView(ctx.db, params.id);
      if (!v) throw notFound(`incident ${params.id}`);
      return v;
    },
  });
  r.add({
    method: 'GET',
    url: '/api/stats',
    tag: 'incidents',
    summary: 'Incidents, killed and civilians killed (best estimates) per week, month, year, country, belligerent, grade or event type; optionally stacked',
    access: 'read',
    cache: true,
    query: IncidentFilters.extend({ by: StatsBy.default('month'), stack: StatsStack.optional() }).extend(Format.shape),
    rows: (s: Stats) => s.buckets.map((b) => ({ key: b.key, incidents: b.incidents, killed: b.killed, civilians: b.civilians, ...(b.stacks ?? {}) })),
    handler: ({ query }) => statistics(ctx.db, resolveFilters(pickFilters(query), ctx.queryDeps), query.by, query.stack ?? null),
  });
  r.add({
    method: 'GET',
    url: '/api/map/clusters',
    tag: 'incidents',
    summary: 'Incidents binned for a map at a zoom level, within a bbox (west,south,east,north)',
    access: 'read',
    cache: true,
    query: IncidentFilters.extend({
      zoom: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.number().min(0).max(22)).default(2),
      bbox: z.preprocess((v) => {
        if (typeof v !== 'string') return v;
        const p = v.split(',').map(Number);
        return { west: p[0], south: p[1], east: p[2], north: p[3] };
      }, BBox).optional(),
    }).extend(Format.shape),
    rows: (c: { clusters: Cluster[] }) => c.clusters,
    handler: ({ query }) => {
      const f = resolveFilters(pickFilters(query), ctx.queryDeps);
      const clusters = mapClusters(ctx.db, f, query.zoom);
      return { zoom: Math.floor(query.zoom), clusters };
    },
  });
}

/** GeoJSON Feature of an incident (RFC 7946: [lon, lat]). */
export function toFeature(inc: Incident): Record<string, unknown> {
  return {
    type: 'Feature',
    id: inc.id,
    geometry: inc.place ? { type: 'Point', coordinates: [inc.place.lon, inc.place.lat] } : null,
    properties: {
      id: inc.id,
      grade: inc.grade,
      event_type: inc.event_type,
      date_start: inc.date?.start ?? null,
      date_end: inc.date?.end ?? null,
      place: inc.place?.name ?? null,
      radius_km: inc.place?.radius_km ?? null,
      precision: inc.place?.precision ?? null,
      country: inc.country,
      killed_low: inc.killed.low,
      killed_best: inc.killed.best,
      killed_high: inc.killed.high,
      targets: inc.targets.map((t) => t.id),
      attributions: inc.attributions.map((a) => ({ actor: a.actor.id, status: a.status })),
    },
  };
}
