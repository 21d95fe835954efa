import type Database from 'better-sqlite3';
import { Incident, Report } from '../../domain/index.ts';
import type { IncidentChange, IncidentFilter } from '../store.ts';

/**
 * SQLite side of the IncidentStore: incidents with their flattened filter columns (the query
 * engine reads them directly), incident_reports, incident_actors (targets and belligerents
 * with their attribution status) and id redirects. Plain functions over a connection; the
 * SqliteStore delegates to them.
 */

type Db = Database.Database;

/** Longest redirect chain followed (a merge of a merge of ...). */
const MAX_REDIRECT_HOPS = 32;

export function saveIncidents(db: Db, change: IncidentChange): void {
  const del = db.prepare('DELETE FROM incidents WHERE id = ?');
  const delReports = db.prepare('DELETE FROM incident_reports WHERE incident_id = ?');
  const delActors = db.prepare('DELETE FROM incident_actors WHERE incident_id = ?');
  const freeReport = db.prepare('DELETE FROM incident_reports WHERE report_id = ?');
  const upsert = db.prepare(
    `INSERT INTO incidents (id, grade, event_type, date_start, date_end, country, admin1, lat, lon, radius_km,
       killed_low, killed_best, killed_high, civilians_best, sources, updated_at, body)
     VALUES (@id, @grade, @event_type, @date_start, @date_end, @country, @admin1, @lat, @lon, @radius_km,
       @killed_low, @killed_best, @killed_high, @civilians_best, @sources, @updated_at, @body)
     ON CONFLICT(id) DO UPDATE SET grade = excluded.grade, event_type = excluded.event_type,
       date_start = excluded.date_start, date_end = excluded.date_end, country = excluded.country,
       admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon, radius_km = excluded.radius_km,
       killed_low = excluded.killed_low, killed_best = excluded.killed_best, killed_high = excluded.killed_high,
       civilians_best = excluded.civilians_best, sources = excluded.sources, updated_at = excluded.updated_at,
       body = excluded.body`,
  );
  const addReport = db.prepare('INSERT INTO incident_reports (incident_id, report_id) VALUES (?, ?)');
  const addActor = db.prepare('INSERT OR REPLACE INTO incident_actors (incident_id, actor_id, role, status) VALUES (?, ?, ?, ?)');
  const redirect = db.prepare('INSERT OR REPLACE INTO incident_redirects (from_id, to_id, at) VALUES (?, ?, ?)');
  const unredirect = db.prepare('DELETE FROM incident_redirects WHERE from_id = ?');

  db.transaction(() => {
    for (const id of change.remove) {
      delReports.run(id);
      delActors.run(id);
      del.run(id);
    }
    for (const inc of change.upsert) {
      const i = Incident.parse({ ...inc, updated_at: change.at });
      unredirect.run(i.id); // an id that exists again is no longer a redirect
      delReports.run(i.id);
      delActors.run(i.id);
      upsert.run({
        id: i.id,
        grade: i.grade,
        event_type: i.event_type,
        date_start: i.date?.start ?? null,
        date_end: i.date?.end ?? null,
        country: i.country,
        admin1: i.place?.admin1 ?? null,
        lat: i.place?.lat ?? null,
        lon: i.place?.lon ?? null,
        radius_km: i.place?.radius_km ?? null,
        killed_low: i.killed.low,
        killed_best: i.killed.best,
        killed_high: i.killed.high,
        civilians_best: i.civilians_killed.best,
        sources: i.independent_sources,
        updated_at: change.at,
        body: JSON.stringify(i),
      });
      for (const r of i.report_ids) {
        freeReport.run(r); // a report belongs to one incident
        addReport.run(i.id, r);
      }
      for (const t of i.targets) addActor.run(i.id, t.id, 'target', null);
      for (const a of i.attributions) addActor.run(i.id, a.actor.id, 'belligerent', a.status);
    }
    for (const r of change.redirects) {
      redirect.run(r.from, r.to, change.at);
      // Chains stay short: whatever pointed to `from` now points to `to`.
      db.prepare('UPDATE incident_redirects SET to_id = ? WHERE to_id = ?').run(r.to, r.from);
    }
  })();
}

export function resolveIncidentId(db: Db, id: string): string | null {
  const exists = db.prepare('SELECT 1 FROM incidents WHERE id = ?');
  const next = db.prepare('SELECT to_id FROM incident_redirects WHERE from_id = ?');
  let cur = id;
  for (let hop = 0; hop <= MAX_REDIRECT_HOPS; hop++) {
    if (exists.get(cur)) return cur;
    const row = next.get(cur) as { to_id: string } | undefined;
    if (!row) return null;
    cur = row.to_id;
  }
  return null;
}

export function getIncident(db: Db, id: string): Incident | null {
  const cur = resolveIncidentId(db, id);
  if (!cur) return null;
  const row = db.prepare('SELECT body FROM incidents WHERE id = ?').get(cur) as { body: string } | undefined;
  return row ? Incident.parse(JSON.parse(row.body)) : null;
}

export function incidentAliases(db: Db, id: string): string[] {
  const rows = db.prepare('SELECT from_id, to_id FROM incident_redirects').all() as { from_id: string; to_id: string }[];
  const into = new Map<string, string[]>();
  for (const r of rows) into.set(r.to_id, [...(into.get(r.to_id) ?? []), r.from_id]);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const f of into.get(stack.pop()!) ?? [])
      if (!out.has(f) && f !== id) {
        out.add(f);
        stack.push(f);
      }
  }
  return [...out].sort();
}

export function listIncidents(db: Db, f: IncidentFilter = {}): Incident[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    where.push(sql);
    args.push(v);
  };
  if (f.country) add('country = ?', f.country.toUpperCase());
  if (f.grade) add('grade = ?', f.grade);
  if (f.from) add('date_end >= ?', f.from);
  if (f.to) add('date_start <= ?', f.to);
  const sql = `SELECT body FROM incidents ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY date_start IS NULL, date_start, id LIMIT ? OFFSET ?`;
  const rows = db.prepare(sql).all(...args, f.limit ?? -1, f.offset ?? 0) as { body: string }[];
  return rows.map((r) => Incident.parse(JSON.parse(r.body)));
}

export function countIncidents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
}

export function incidentOfReports(db: Db, reportIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const q = db.prepare('SELECT incident_id FROM incident_reports WHERE report_id = ?');
  for (const r of reportIds) {
    const row = q.get(r) as { incident_id: string } | undefined;
    if (row) out.set(r, row.incident_id);
  }
  return out;
}

export function incidentReportIds(db: Db, incidentIds?: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (rows: { incident_id: string; report_id: string }[]) => {
    for (const r of rows) {
      const xs = out.get(r.incident_id);
      if (xs) xs.push(r.report_id);
      else out.set(r.incident_id, [r.report_id]);
    }
  };
  if (!incidentIds) {
    add(db.prepare('SELECT incident_id, report_id FROM incident_reports ORDER BY incident_id, report_id').all() as never);
  } else {
    const q = db.prepare('SELECT incident_id, report_id FROM incident_reports WHERE incident_id = ? ORDER BY report_id');
    for (const id of incidentIds) add(q.all(id) as never);
  }
  return out;
}

/**
 * Incidents holding a report of one of these documents. Report ids are `${documentId}:${index}`,
 * so each document is one range scan of the report_id primary key ('doc:' <= id < 'doc;'):
 * an ingest batch reads the membership of the incidents it touches, not of every incident.
 */
export function incidentsOfDocuments(db: Db, documentIds: string[]): string[] {
  const q = db.prepare('SELECT incident_id, report_id FROM incident_reports WHERE report_id >= ? AND report_id < ?');
  const out = new Set<string>();
  for (const d of documentIds) {
    for (const r of q.all(`${d}:`, `${d};`) as { incident_id: string; report_id: string }[]) {
      // 'a:' also begins the reports of a document 'a:b'; keep ids with nothing but the index after it.
      if (!r.report_id.includes(':', d.length + 1)) out.add(r.incident_id);
    }
  }
  return [...out].sort();
}

export function maxIncidentNumber(db: Db, prefix: string): number {
  const like = prefix.replace(/[%_\\]/g, (c) => `\\${c}`) + '%';
  const rows = db
    .prepare(
      `SELECT id FROM incidents WHERE id LIKE ? ESCAPE '\\'
       UNION ALL SELECT from_id FROM incident_redirects WHERE from_id LIKE ? ESCAPE '\\'`,
    )
    .all(like, like) as { id: string }[];
  let max = 0;
  for (const r of rows) {
    const n = Number(r.id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

export function reportsForCorroboration(db: Db, q: { start?: string; end?: string; country?: string }): Report[] {
  let rows: { body: string }[];
  if (q.start && q.end) {
    rows = db
      .prepare(
        `SELECT body FROM reports WHERE (date_start <= ? AND date_end >= ?) OR date_start IS NULL ORDER BY id`,
      )
      .all(q.end, q.start) as { body: string }[];
  } else if (q.country) {
    rows = db.prepare('SELECT body FROM reports WHERE country = ? ORDER BY id').all(q.country) as { body: string }[];
  } else rows = [];
  return rows.map((r) => Report.parse(JSON.parse(r.body)));
}
