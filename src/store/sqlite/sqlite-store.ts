import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Document, Report, type Decision, type Incident, type NewDecision, type NewDocument } from '../../domain/index.ts';
import type {
  IncidentChange,
  IncidentFilter,
  DocumentSearchHit,
  DocumentSummary,
  PutDocumentResult,
  Store,
  StoreInfo,
} from '../store.ts';
import { migrations } from './migrations.ts';
import { toFtsQuery } from '../fts-query.ts';
import * as incidents from './incidents.ts';
import * as decisions from './decisions.ts';

type Row = Record<string, unknown>;

/** The embedded default store: one SQLite file, WAL mode, numbered migrations. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly location: string;
  private depth = 0;

  private constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
  }

  static async open(location: string): Promise<SqliteStore> {
    if (location !== ':memory:') mkdirSync(dirname(resolve(location)), { recursive: true });
    const db = new Database(location);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const store = new SqliteStore(db, location);
    store.migrate();
    return store;
  }

  /** Applies pending migrations, each in its own transaction with its version bump. */
  migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (const m of migrations) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.pragma(`user_version = ${m.version}`);
      })();
    }
  }

  async info(): Promise<StoreInfo> {
    return {
      engine: 'sqlite',
      location: this.location,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      this.depth++;
      try {
        return await fn();
      } finally {
        this.depth--;
      }
    }
    this.db.exec('BEGIN IMMEDIATE');
    this.depth = 1;
    try {
      const out = await fn();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.depth = 0;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ---- documents ----

  async putDocument(doc: NewDocument, raw: Uint8Array): Promise<PutDocumentResult> {
    const exists = this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(doc.id);
    if (exists) return { id: doc.id, status: 'unchanged' };
    return this.transaction(async () => {
      this.db.prepare('INSERT OR IGNORE INTO blobs(sha256, bytes) VALUES (?, ?)').run(doc.raw_sha256, Buffer.from(raw));
      this.db
        .prepare(
          `INSERT INTO documents (id, name, title, text, publisher, url, published, published_precision,
             language, raw_sha256, source, media_type, ingested_at)
           VALUES (@id, @name, @title, @text, @publisher, @url, @published, @published_precision,
             @language, @raw_sha256, @source, @media_type, @ingested_at)`,
        )
        .run({ ...doc, ingested_at: new Date().toISOString() });
      return { id: doc.id, status: 'ingested' as const };
    });
  }

  async getDocument(ref: string): Promise<Document | null> {
    const cols = `id, name, title, text, publisher, url, published, published_precision, language,
      raw_sha256, source, media_type, ingested_at`;
    let row = this.db.prepare(`SELECT ${cols} FROM documents WHERE id = ?`).get(ref) as Row | undefined;
    if (!row && /^[0-9a-f]{8,63}$/.test(ref)) {
      row = this.db.prepare(`SELECT ${cols} FROM documents WHERE id >= ? AND id < ? LIMIT 1`).get(ref, ref + 'g') as
        | Row
        | undefined;
    }
    row ??= this.db.prepare(`SELECT ${cols} FROM documents WHERE name = ? ORDER BY rowid LIMIT 1`).get(ref) as
      | Row
      | undefined;
    return row ? Document.parse(row) : null;
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<{ items: DocumentSummary[]; total: number }> {
    const limit = opts.limit ?? 100;
    const offset = opts.offset ?? 0;
    const items = this.db
      .prepare(
        `SELECT d.id, d.name, d.title, d.publisher, d.published, d.language, d.source, length(d.text) AS chars,
           (SELECT count(*) FROM reports r WHERE r.document_id = d.id) AS reports, d.ingested_at
         FROM documents d ORDER BY d.rowid LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as DocumentSummary[];
    return { items, total: await this.countDocuments() };
  }

  async countDocuments(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  async getRaw(sha256: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : null;
  }

  async searchDocuments(query: string, opts: { limit?: number } = {}): Promise<DocumentSearchHit[]> {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    return this.db
      .prepare(
        `SELECT d.id, d.name, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet,
           bm25(documents_fts) AS score
         FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY score LIMIT ?`,
      )
      .all(fts, opts.limit ?? 20) as DocumentSearchHit[];
  }

  // ---- reports ----

  async replaceReports(documentId: string, reports: Report[]): Promise<void> {
    await this.transaction(async () => {
      this.db.prepare('DELETE FROM reports WHERE document_id = ?').run(documentId);
      const insert = this.db.prepare(
        `INSERT INTO reports (id, document_id, idx, event_type, date_start, date_end, country, lat, lon, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of reports) {
        const id = `${documentId}:${r.index}`;
        const body = { ...r, id, document_id: documentId };
        insert.run(
          id,
          documentId,
          r.index,
          r.event_type,
          r.date?.start ?? null,
          r.date?.end ?? null,
          r.place?.country ?? null,
          r.place?.lat ?? null,
          r.place?.lon ?? null,
          JSON.stringify(body),
        );
      }
    });
  }

  async listReports(opts: { documentId?: string; limit?: number; offset?: number } = {}): Promise<Report[]> {
    const where = opts.documentId ? 'WHERE document_id = ?' : '';
    const args: unknown[] = opts.documentId ? [opts.documentId] : [];
    const rows = this.db
      .prepare(`SELECT body FROM reports ${where} ORDER BY rowid LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? -1, opts.offset ?? 0) as { body: string }[];
    return rows.map((r) => Report.parse(JSON.parse(r.body)));
  }

  async getReport(id: string): Promise<Report | null> {
    const row = this.db.prepare('SELECT body FROM reports WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? Report.parse(JSON.parse(row.body)) : null;
  }

  async countReports(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  }

  // ---- incidents and analyst decisions (src/store/sqlite/incidents.ts, decisions.ts) ----

  async saveIncidents(change: IncidentChange): Promise<void> {
    incidents.saveIncidents(this.db, change);
  }
  async getIncident(id: string): Promise<Incident | null> {
    return incidents.getIncident(this.db, id);
  }
  async resolveIncidentId(id: string): Promise<string | null> {
    return incidents.resolveIncidentId(this.db, id);
  }
  async incidentAliases(id: string): Promise<string[]> {
    return incidents.incidentAliases(this.db, id);
  }
  async listIncidents(filter?: IncidentFilter): Promise<Incident[]> {
    return incidents.listIncidents(this.db, filter);
  }
  async countIncidents(): Promise<number> {
    return incidents.countIncidents(this.db);
  }
  async incidentOfReports(reportIds: string[]): Promise<Map<string, string>> {
    return incidents.incidentOfReports(this.db, reportIds);
  }
  async incidentReportIds(incidentIds?: string[]): Promise<Map<string, string[]>> {
    return incidents.incidentReportIds(this.db, incidentIds);
  }
  async incidentsOfDocuments(documentIds: string[]): Promise<string[]> {
    return incidents.incidentsOfDocuments(this.db, documentIds);
  }
  async maxIncidentNumber(prefix: string): Promise<number> {
    return incidents.maxIncidentNumber(this.db, prefix);
  }
  async reportsForCorroboration(q: { start?: string; end?: string; country?: string }): Promise<Report[]> {
    return incidents.reportsForCorroboration(this.db, q);
  }
  async addDecision(d: NewDecision): Promise<Decision> {
    return decisions.addDecision(this.db, d);
  }
  async getDecision(id: number): Promise<Decision | null> {
    return decisions.getDecision(this.db, id);
  }
  async listDecisions(opts?: { incidentIds?: string[] }): Promise<Decision[]> {
    return decisions.listDecisions(this.db, opts);
  }
  async revertDecision(id: number, by: string, reason: string, at: string): Promise<Decision> {
    return decisions.revertDecision(this.db, id, by, reason, at);
  }
}
