import type { Decision, DecisionBody, Incident, Report } from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import { clusterItems } from './cluster.ts';
import { applyDecisions, constraintsFrom, linkedReportIds } from './decisions.ts';
import { dayNumber, dayString } from './geo.ts';
import { assignIds, idPrefix } from './ids.ts';
import { toClusterItem, type ClusterItem } from './item.ts';
import { mergeReports, type DocumentMeta } from './merge.ts';
import { DATE_TOLERANCE_DAYS, related } from './pair.ts';

/**
 * The corroboration service: the I/O edge around the pure core. Loads reports and decisions
 * from the store, clusters, merges, grades, assigns stable ids and writes incidents back in
 * one transaction. Used by the ingest pipeline (updateIncidents after each batch), the CLI and
 * the HTTP API.
 */

export interface CorroborationSummary {
  /** Reports looked at (the new ones and every report they link to, transitively). */
  reports: number;
  /** Incidents written (created or updated). */
  incidents: number;
  created: number;
  /** Incidents that disappeared (merged into another, or emptied). */
  removed: number;
}

/**
 * Incremental update after documents were (re-)extracted: their reports, every report linked
 * to them (transitively: the connected component of the link graph) and the incidents those
 * reports were in are re-clustered and re-merged. Gives the same incidents as reclusterAll.
 */
export async function updateIncidents(store: Store, documentIds: string[]): Promise<CorroborationSummary> {
  const seeds: Report[] = [];
  for (const id of documentIds) seeds.push(...(await store.listReports({ documentId: id })));
  // Incidents that held reports of these documents before (some reports may be gone now):
  // one index range per document, not the membership of every incident.
  return recompute(store, seeds, await store.incidentsOfDocuments(documentIds));
}

/** Re-clusters every report from scratch (decisions still apply). */
export async function reclusterAll(store: Store): Promise<CorroborationSummary> {
  const reports = await store.listReports();
  const all = await store.incidentReportIds();
  return recompute(store, reports, [...all.keys()], { complete: true });
}

async function recompute(
  store: Store,
  seeds: Report[],
  seedIncidents: string[],
  opts: { complete?: boolean } = {},
): Promise<CorroborationSummary> {
  const decisions = await store.listDecisions();
  const reports = new Map<string, Report>();
  const items = new Map<string, ClusterItem>();
  const frontier: Report[] = [];
  const incidentsSeen = new Set<string>();

  const add = (r: Report) => {
    const id = r.id!;
    if (reports.has(id)) return;
    reports.set(id, r);
    items.set(id, toClusterItem(r));
    frontier.push(r);
  };
  const addById = async (id: string) => {
    if (reports.has(id)) return;
    const r = await store.getReport(id);
    if (r) add(r);
  };
  const addIncidents = async (ids: string[]) => {
    const fresh = ids.filter((i) => !incidentsSeen.has(i));
    fresh.forEach((i) => incidentsSeen.add(i));
    for (const members of (await store.incidentReportIds(fresh)).values()) for (const r of members) await addById(r);
  };

  for (const r of seeds) add(r);
  await addIncidents(seedIncidents);
  if (!opts.complete) {
    // Grow to the connected component: everything a report here links to, the incidents
    // those reports are in, and the reports analysts tied to them.
    const cache = new Map<string, Report[]>();
    while (frontier.length > 0) {
      const q = frontier.pop()!;
      const item = items.get(q.id!)!;
      for (const c of await candidatesFor(store, q, cache)) {
        if (reports.has(c.id!)) continue;
        if (related(item, toClusterItem(c))) add(c);
      }
      for (const partner of linkedReportIds(decisions, q.id!)) await addById(partner);
      const inc = await store.incidentOfReports([q.id!]);
      await addIncidents([...inc.values()]);
    }
  }

  const groups = clusterItems([...items.values()], constraintsFrom(decisions));
  const previous = await store.incidentReportIds([...incidentsSeen]);
  const docs = await documentMetas(store, [...reports.values()]);
  const drafts = groups.map((g) => mergeReports(g.map((id) => reports.get(id)!), docs));
  const idDrafts = drafts.map((d) => ({
    report_ids: d.report_ids,
    country: d.country,
    year: d.date ? Number(d.date.start.slice(0, 4)) : null,
  }));
  const next = new Map<string, number>();
  for (const d of idDrafts) {
    const p = idPrefix(d.country, d.year);
    if (!next.has(p)) next.set(p, (await store.maxIncidentNumber(p)) + 1);
  }
  const assigned = assignIds(idDrafts, previous, (p) => next.get(p) ?? 1);

  // Where each decision's incident id points now: through old redirects, then this pass's.
  const thisPass = new Map(assigned.redirects.map((r) => [r.from, r.to]));
  const resolved = new Map<string, string>();
  for (const d of decisions) {
    const id = d.body.incident_id;
    if (resolved.has(id)) continue;
    let cur = thisPass.get(id) ?? id;
    if (!assigned.ids.includes(cur)) cur = (await store.resolveIncidentId(cur)) ?? cur;
    resolved.set(id, thisPass.get(cur) ?? cur);
  }
  const incidents: Incident[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const id = assigned.ids[k];
    const aliases = new Set(await store.incidentAliases(id));
    for (const r of assigned.redirects)
      if (r.to === id) {
        aliases.add(r.from);
        for (const a of await store.incidentAliases(r.from)) aliases.add(a);
      }
    aliases.delete(id);
    const base: Incident = { ...drafts[k], id, locks: {}, assessments: [], redirected_from: [...aliases].sort() };
    incidents.push(applyDecisions(base, decisions, (x) => resolved.get(x) ?? x));
  }
  const created = assigned.ids.filter((id) => !previous.has(id)).length;
  await store.transaction(() =>
    store.saveIncidents({ upsert: incidents, remove: assigned.removed, redirects: assigned.redirects, at: new Date().toISOString() }),
  );
  return { reports: reports.size, incidents: incidents.length, created, removed: assigned.removed.length };
}

/** Reports the store holds that could link to q (same or overlapping dates, or same country when undated). */
async function candidatesFor(store: Store, q: Report, cache: Map<string, Report[]>): Promise<Report[]> {
  let key: string;
  let query: { start?: string; end?: string; country?: string };
  if (q.date) {
    const start = dayString(dayNumber(q.date.start) - DATE_TOLERANCE_DAYS);
    const end = dayString(dayNumber(q.date.end) + DATE_TOLERANCE_DAYS);
    key = `${start}/${end}`;
    query = { start, end };
  } else if (q.place?.country) {
    key = q.place.country;
    query = { country: q.place.country };
  } else return [];
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = await store.reportsForCorroboration(query)));
  return hit;
}

async function documentMetas(store: Store, reports: Report[]): Promise<Map<string, DocumentMeta>> {
  const out = new Map<string, DocumentMeta>();
  for (const id of new Set(reports.map((r) => r.document_id))) {
    const d = await store.getDocument(id);
    out.set(id, { id, name: d?.name ?? id.slice(0, 12), text: d?.text ?? '' });
  }
  return out;
}

// ---- analyst decisions ----

/** What an analyst asks for; the service fills in the report ids a merge or split concerns. */
export type DecisionInput =
  | { kind: 'merge'; incident_id: string; other_id: string }
  | { kind: 'split'; incident_id: string; report_id: string }
  | Extract<DecisionBody, { kind: 'lock' | 'grade' | 'assess' }>;

/** Records a decision (who, when, why) and re-derives the incidents it touches. */
export async function decide(
  store: Store,
  input: DecisionInput,
  who: { by: string; reason: string },
): Promise<{ decision: Decision; incident: Incident | null }> {
  if (!who.by.trim()) throw new Error('a decision needs the name of who takes it (--by)');
  if (!who.reason.trim()) throw new Error('a decision needs a reason (--reason)');
  const id = await mustResolve(store, input.incident_id);
  const members = (await store.incidentReportIds([id])).get(id) ?? [];
  let body: DecisionBody;
  let affected = [...members];
  if (input.kind === 'merge') {
    const other = await mustResolve(store, input.other_id);
    if (other === id) throw new Error(`${input.incident_id} and ${input.other_id} are already one incident (${id})`);
    const otherMembers = (await store.incidentReportIds([other])).get(other) ?? [];
    body = { kind: 'merge', incident_id: id, other_id: other, report_ids: [...members, ...otherMembers].sort() };
    affected = body.report_ids;
  } else if (input.kind === 'split') {
    if (!members.includes(input.report_id)) {
      throw new Error(`report ${input.report_id} is not in incident ${id} (its reports: ${members.join(', ')})`);
    }
    if (members.length < 2) throw new Error(`incident ${id} has a single report; nothing to split`);
    body = { kind: 'split', incident_id: id, report_id: input.report_id, others: members.filter((r) => r !== input.report_id) };
  } else body = { ...input, incident_id: id };
  const decision = await store.addDecision({ body, reason: who.reason, by: who.by, at: new Date().toISOString() });
  await recomputeReports(store, affected);
  const after = (await store.incidentOfReports([affected[0]])).get(affected[0]);
  return { decision, incident: after ? await store.getIncident(after) : null };
}

/** Reverts a decision (kept in the history) and re-derives what it touched. */
export async function revert(store: Store, decisionId: number, by: string, reason: string): Promise<Decision> {
  if (!by.trim()) throw new Error('a revert needs the name of who does it');
  if (!reason.trim()) throw new Error('a revert needs a reason');
  const before = await store.getDecision(decisionId);
  if (!before) throw new Error(`no decision with id ${decisionId}`);
  const d = await store.revertDecision(decisionId, by, reason, new Date().toISOString());
  const b = d.body;
  let affected: string[];
  if (b.kind === 'merge') affected = b.report_ids;
  else if (b.kind === 'split') affected = [b.report_id, ...b.others];
  else {
    const id = await store.resolveIncidentId(b.incident_id);
    affected = id ? ((await store.incidentReportIds([id])).get(id) ?? []) : [];
  }
  await recomputeReports(store, affected);
  return d;
}

async function recomputeReports(store: Store, reportIds: string[]): Promise<void> {
  const seeds: Report[] = [];
  for (const id of reportIds) {
    const r = await store.getReport(id);
    if (r) seeds.push(r);
  }
  const incidents = [...new Set((await store.incidentOfReports(reportIds)).values())];
  await recompute(store, seeds, incidents);
}

async function mustResolve(store: Store, id: string): Promise<string> {
  const cur = await store.resolveIncidentId(id);
  if (!cur) throw new Error(`no incident ${JSON.stringify(id)}`);
  return cur;
}

// ---- the full view of one incident ----

export interface IncidentView {
  incident: Incident;
  reports: {
    report: Report;
    document: { id: string; name: string; title: string | null; publisher: string | null; published: string | null; url: string | null; language: string | null };
    /** Field -> the quoted words that support it. */
    quotes: Record<string, string[]>;
  }[];
  /** Every decision on this incident or on ids that now redirect to it, reverted ones included. */
  decisions: Decision[];
}

export async function incidentView(store: Store, id: string): Promise<IncidentView | null> {
  const incident = await store.getIncident(id);
  if (!incident) return null;
  const reports: IncidentView['reports'] = [];
  for (const rid of incident.report_ids) {
    const report = await store.getReport(rid);
    if (!report) continue;
    const doc = await store.getDocument(report.document_id);
    const text = doc?.text ?? '';
    const quotes: Record<string, string[]> = {};
    for (const [field, spans] of Object.entries(report.spans)) {
      const list = (Array.isArray(spans[0]) ? spans : [spans]) as [number, number][];
      quotes[field] = list.map(([s, e]) => text.slice(s, e)).filter((q) => q.length > 0);
    }
    reports.push({
      report,
      document: {
        id: report.document_id,
        name: doc?.name ?? report.document_id,
        title: doc?.title ?? null,
        publisher: doc?.publisher ?? null,
        published: doc?.published ?? null,
        url: doc?.url ?? null,
        language: doc?.language ?? null,
      },
      quotes,
    });
  }
  const ids = [incident.id, ...(await store.incidentAliases(incident.id))];
  return { incident, reports, decisions: await store.listDecisions({ incidentIds: ids }) };
}
