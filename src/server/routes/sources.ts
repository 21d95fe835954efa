import { z } from 'zod';
import type { DocumentSummary } from '../../store/store.ts';
import type { Report } from '../../domain/index.ts';
import { incidentsOfDocument } from '../../query/view.ts';
import { stmt } from '../../query/db.ts';
import { toFtsQuery } from '../../store/fts-query.ts';
import type { ServerContext } from '../context.ts';
import type { Routes } from '../http.ts';
import { ApiError, notFound } from '../errors.ts';

const int = (min: number, max: number, dflt: number) =>
  z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(min).max(max)).default(dflt);
const Format = { format: z.enum(['json', 'csv']).optional() };
const DocRef = z.object({ id: z.string().min(1).max(200).regex(/^[^/\\\0]+$/, 'not a document id or name') });

/** Documents, reports, actors, places and full-text search. */
export function sourceRoutes(r: Routes, ctx: ServerContext): void {
  r.add({
    method: 'GET',
    url: '/api/documents',
    tag: 'sources',
    summary: 'Documents (articles) in the order they were ingested',
    access: 'read',
    cache: true,
    query: z.object({ limit: int(1, 500, 50), offset: int(0, 10_000_000, 0), ...Format }),
    rows: (p: { items: DocumentSummary[] }) => p.items,
    handler: ({ query }) => ctx.store.listDocuments({ limit: query.limit, offset: query.offset }),
  });
  r.add({
    method: 'GET',
    url: '/api/documents/:id',
    tag: 'sources',
    summary: 'One document by id, id prefix or name: metadata, text, its reports and their incidents',
    access: 'read',
    cache: true,
    params: DocRef,
    handler: async ({ params }) => {
      const doc = await ctx.store.getDocument(params.id);
      if (!doc) throw notFound(`document ${params.id}`);
      const reports = await ctx.store.listReports({ documentId: doc.id });
      return { document: doc, reports, incidents: incidentsOfDocument(ctx.db, doc.id) };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/reports',
    tag: 'sources',
    summary: "Reports (what one document says about one strike), optionally of one document",
    access: 'read',
    cache: true,
    query: z.object({ document: z.string().max(200).optional(), limit: int(1, 500, 50), offset: int(0, 10_000_000, 0), ...Format }),
    rows: (p: { items: Report[] }) =>
      p.items.map((x) => ({
        id: x.id,
        document_id: x.document_id,
        event_type: x.event_type,
        date_start: x.date?.start ?? null,
        date_end: x.date?.end ?? null,
        place: x.place?.name ?? null,
        country: x.place?.country ?? null,
        lat: x.place?.lat ?? null,
        lon: x.place?.lon ?? null,
        killed_min: x.killed?.min ?? null,
        killed_max: x.killed?.max ?? null,
        targets: x.targets.map((t) => t.id),
        attributions: x.attributions.map((a) => `${a.actor.id}:${a.stance}`),
      })),
    handler: async ({ query }) => {
      let documentId: string | undefined;
      if (query.document) {
        const doc = await ctx.store.getDocument(query.document);
        if (!doc) throw notFound(`document ${query.document}`);
        documentId = doc.id;
      }
      const items = await ctx.store.listReports({ documentId, limit: query.limit, offset: query.offset });
      return { items, limit: query.limit, offset: query.offset };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/reports/:id',
    tag: 'sources',
    summary: 'One report with the spans that back its fields',
    access: 'read',
    cache: true,
    params: z.object({ id: z.string().min(1).max(200) }),
    handler: async ({ params }) => (await ctx.store.getReport(params.id)) ?? Promise.reject(notFound(`report ${params.id}`)),
  });
  r.add({
    method: 'GET',
    url: '/api/actors',
    tag: 'sources',
    summary: 'Actors seen in incidents, as target or belligerent, with how many incidents each',
    access: 'read',
    cache: true,
    query: z.object({ role: z.enum(['target', 'belligerent']).optional(), ...Format }),
    rows: (p: { items: unknown[] }) => p.items,
    handler: ({ query }) => {
      const rows = stmt(
        ctx.db,
        `SELECT actor_id AS id, role, count(*) AS incidents FROM incident_actors
         WHERE (? IS NULL OR role = ?) GROUP BY actor_id, role ORDER BY incidents DESC, actor_id`,
      ).all(query.role ?? null, query.role ?? null) as { id: string; role: string; incidents: number }[];
      const name = ctx.askDeps.actorName;
      return { items: rows.map((a) => ({ ...a, name: name?.(a.id) ?? a.id })) };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/places',
    tag: 'sources',
    summary: 'Gazetteer candidates for a place name (any spelling), best first',
    access: 'read',
    cache: true,
    query: z.object({ q: z.string().trim().min(1).max(200), country: z.string().regex(/^[A-Za-z]{2}$/).optional(), limit: int(1, 50, 10) }),
    handler: ({ query }) => {
      if (!ctx.gazetteer) throw new ApiError(503, 'unavailable', 'the gazetteer is not loaded on this server');
      const hints = query.country ? [query.country.toUpperCase()] : undefined;
      return { items: ctx.gazetteer.lookup(query.q, { countryHints: hints }).slice(0, query.limit) };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/search',
    tag: 'sources',
    summary: 'Full-text search over documents (FTS5, bm25 ranking) with the incidents of each hit',
    access: 'read',
    cache: true,
    query: z.object({ q: z.string().min(1).max(500), limit: int(1, 100, 20), ...Format }),
    rows: (p: { items: unknown[] }) => p.items,
    handler: async ({ query }) => {
      if (!toFtsQuery(query.q)) return { query: query.q, items: [] };
      const hits = await ctx.store.searchDocuments(query.q, { limit: query.limit });
      return { query: query.q, items: hits.map((h) => ({ ...h, incidents: incidentsOfDocument(ctx.db, h.id) })) };
    },
  });
}
