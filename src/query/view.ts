import type Database from 'better-sqlite3';
import { Incident, Report, type Document } from '../domain/index.ts';
import { stmt } from './db.ts';
import { currentIncidentId } from './incidents.ts';

/**
 * The full view of one incident, read straight from the tables: the incident, each of its
 * reports with the spans that back its fields, the documents with their text (so a client
 * can highlight the spans), the analyst decisions and the assessments among them.
 */
export interface DecisionRow {
  id: number;
  kind: string;
  incident_id: string | null;
  body: unknown;
  reason: string;
  by_user: string;
  at: string;
  reverted_at: string | null;
  reverted_by: string | null;
}

export interface IncidentView {
  incident: Incident;
  /** Set when the id asked for was merged into this one. Decisions include those on merged-in ids. */
  redirected_from: string | null;
  reports: Report[];
  documents: Omit<Document, 'raw_sha256'>[];
  decisions: DecisionRow[];
  /** Analysts' belligerent hypotheses (the incident's own list, else the unreverted assess decisions). */
  assessments: unknown[];
}

export function incidentView(db: Database.Database, id: string): IncidentView | null {
  const cur = currentIncidentId(db, id);
  if (!cur) return null;
  const row = stmt(db, 'SELECT body, updated_at FROM incidents WHERE id = ?').get(cur) as { body: string; updated_at: string };
  const incident = Incident.parse({ updated_at: row.updated_at, ...JSON.parse(row.body) });
  const reports = (
    stmt(
      db,
      `SELECT r.body FROM incident_reports ir JOIN reports r ON r.id = ir.report_id
       WHERE ir.incident_id = ? ORDER BY r.document_id, r.idx`,
    ).all(cur) as { body: string }[]
  ).map((r) => Report.parse(JSON.parse(r.body)));
  const docIds = [...new Set(reports.map((r) => r.document_id))];
  const documents = stmt(
    db,
    `SELECT id, name, title, text, publisher, url, published, published_precision, language, source, media_type, ingested_at
     FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published, name`,
  ).all(JSON.stringify(docIds)) as Omit<Document, 'raw_sha256'>[];
  const merged = (
    stmt(
      db,
      `WITH RECURSIVE src(id) AS (SELECT ? UNION SELECT r.from_id FROM incident_redirects r JOIN src ON r.to_id = src.id)
       SELECT id FROM src LIMIT 1000`,
    ).all(cur) as { id: string }[]
  ).map((r) => r.id);
  const decisions = incidentDecisions(db, [id, ...merged]);
  return {
    incident,
    redirected_from: cur === id ? null : id,
    reports,
    documents,
    decisions,
    assessments: incident.assessments?.length ? incident.assessments : decisions.filter((d) => d.kind === 'assess' && !d.reverted_at),
  };
}

export function incidentDecisions(db: Database.Database, ids: string[]): DecisionRow[] {
  const rows = stmt(
    db,
    'SELECT * FROM decisions WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY at, id',
  ).all(JSON.stringify([...new Set(ids)])) as (Omit<DecisionRow, 'body'> & { body: string })[];
  return rows.map((r) => ({ ...r, body: safeJson(r.body) }));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** The incidents a document's reports belong to. */
export function incidentsOfDocument(db: Database.Database, documentId: string): string[] {
  return (
    stmt(
      db,
      `SELECT DISTINCT ir.incident_id AS id FROM reports r JOIN incident_reports ir ON ir.report_id = r.id
       WHERE r.document_id = ? ORDER BY ir.incident_id`,
    ).all(documentId) as { id: string }[]
  ).map((r) => r.id);
}
