import type Database from 'better-sqlite3';
import { Decision, DecisionBody, NewDecision } from '../../domain/index.ts';

/**
 * SQLite side of analyst decisions (table `decisions`, migration 3). The decision payload is
 * the JSON body; the reason for a revert is kept in the body too (`revert_reason`), so no
 * schema change was needed.
 */

type Db = Database.Database;

interface Row {
  id: number;
  kind: string;
  incident_id: string | null;
  body: string;
  reason: string;
  by_user: string;
  at: string;
  reverted_at: string | null;
  reverted_by: string | null;
}

function toDecision(r: Row): Decision {
  const raw = JSON.parse(r.body) as Record<string, unknown>;
  const { revert_reason, ...body } = raw;
  return Decision.parse({
    id: r.id,
    body: DecisionBody.parse(body),
    reason: r.reason,
    by: r.by_user,
    at: r.at,
    reverted_at: r.reverted_at,
    reverted_by: r.reverted_by,
    revert_reason: typeof revert_reason === 'string' ? revert_reason : null,
  });
}

export function addDecision(db: Db, input: NewDecision): Decision {
  const d = NewDecision.parse(input);
  const body = d.body;
  const info = db
    .prepare('INSERT INTO decisions (kind, incident_id, body, reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(body.kind, body.incident_id, JSON.stringify(body), d.reason, d.by, d.at);
  return getDecision(db, Number(info.lastInsertRowid))!;
}

export function getDecision(db: Db, id: number): Decision | null {
  const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as Row | undefined;
  return row ? toDecision(row) : null;
}

export function listDecisions(db: Db, opts: { incidentIds?: string[] } = {}): Decision[] {
  if (!opts.incidentIds) return (db.prepare('SELECT * FROM decisions ORDER BY id').all() as Row[]).map(toDecision);
  const ids = new Set(opts.incidentIds);
  // A merge names two incidents; match either.
  return (db.prepare('SELECT * FROM decisions ORDER BY id').all() as Row[])
    .map(toDecision)
    .filter((d) => ids.has(d.body.incident_id) || (d.body.kind === 'merge' && ids.has(d.body.other_id)));
}

export function revertDecision(db: Db, id: number, by: string, reason: string, at: string): Decision {
  const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new Error(`no decision with id ${id}`);
  if (row.reverted_at) throw new Error(`decision ${id} was already reverted on ${row.reverted_at} by ${row.reverted_by}`);
  const body = { ...(JSON.parse(row.body) as object), revert_reason: reason };
  db.prepare('UPDATE decisions SET reverted_at = ?, reverted_by = ?, body = ? WHERE id = ?').run(at, by, JSON.stringify(body), id);
  return getDecision(db, id)!;
}
