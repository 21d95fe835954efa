/**
 * Numbered SQLite migrations. Each runs once, in order, inside a transaction; the
 * schema version is PRAGMA user_version. Append new ones; never edit a shipped one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'documents, raw bytes and full-text index',
    sql: `
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
      );
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        publisher TEXT,
        url TEXT,
        published TEXT,
        published_precision TEXT,
        language TEXT,
        raw_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        source TEXT NOT NULL,
        media_type TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_name ON documents(name);
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'reports',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        lat REAL,
        lon REAL,
        body TEXT NOT NULL
      );
      CREATE INDEX reports_document ON reports(document_id, idx);
      CREATE INDEX reports_date ON reports(date_start);
    `,
  },
  {
    version: 3,
    name: 'incidents, their reports and actors, id redirects, analyst decisions',
    sql: `
      -- One row per incident: filterable columns flattened, the full Incident in body (JSON).
      CREATE TABLE incidents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        grade TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        admin1 TEXT,
        lat REAL,
        lon REAL,
        radius_km REAL,
        killed_low INTEGER,
        killed_best INTEGER,
        killed_high INTEGER,
        civilians_best INTEGER,
        sources INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX incidents_date ON incidents(date_start, id);
      CREATE INDEX incidents_country_date ON incidents(country, date_start);
      CREATE INDEX incidents_grade_date ON incidents(grade, date_start);
      CREATE INDEX incidents_latlon ON incidents(lat, lon);
      CREATE INDEX incidents_killed ON incidents(killed_best);
      CREATE TABLE incident_reports (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        PRIMARY KEY (report_id),
        UNIQUE (incident_id, report_id)
      );
      -- role: 'target' or 'belligerent'; status: the attribution status for belligerents.
      CREATE TABLE incident_actors (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        role TEXT NOT NULL,
        status TEXT,
        PRIMARY KEY (incident_id, role, actor_id)
      );
      CREATE INDEX incident_actors_actor ON incident_actors(actor_id, role);
      CREATE TABLE incident_redirects (
        from_id TEXT PRIMARY KEY,
        to_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      -- Analyst decisions: who, when, why; reverted_at set when undone.
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        incident_id TEXT,
        body TEXT NOT NULL,
        reason TEXT NOT NULL,
        by_user TEXT NOT NULL,
        at TEXT NOT NULL,
        reverted_at TEXT,
        reverted_by TEXT
      );
      CREATE INDEX decisions_incident ON decisions(incident_id);
    `,
  },
  {
    version: 4,
    name: 'users, sessions, API tokens, audit log; incident keyset indexes for the API',
    sql: `
      -- Accounts for the HTTP API. password: scrypt$N$r$p$salt$hash (src/store/sqlite/users.ts).
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        password TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      -- Only the sha256 of a session id or token is stored: a leaked database opens no session.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        label TEXT,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        reason TEXT,
        detail TEXT
      );
      -- Keyset pagination on (date_start, id) inside the common filters.
      CREATE INDEX incidents_country_date_id ON incidents(country, date_start, id);
      CREATE INDEX incidents_grade_date_id ON incidents(grade, date_start, id);
      CREATE INDEX incidents_type_date_id ON incidents(event_type, date_start, id);
    `,
  },
  {
    version: 5,
    name: 'incident indexes for date-window overlap queries',
    sql: `
      -- A date filter asks for windows overlapping [from, to]: date_end >= from AND date_start <= to.
      -- The longest window, read from this index, bounds date_start from below so that both ends
      -- of the search are index ranges.
      CREATE INDEX incidents_date_end ON incidents(date_end);
      CREATE INDEX incidents_window_days ON incidents(julianday(date_end) - julianday(date_start));
    `,
  },
  {
    version: 6,
    name: 'spatial index of incident points (R*Tree) for near / bbox / map queries',
    sql: `
      -- One box per placed incident (its point), keyed by the incident's rowid, kept in step
      -- by triggers so every writer of incidents maintains it without knowing it exists.
      CREATE VIRTUAL TABLE incidents_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
      INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon)
        SELECT rowid, lat, lat, lon, lon FROM incidents WHERE lat IS NOT NULL AND lon IS NOT NULL;
      CREATE TRIGGER incidents_rtree_ai AFTER INSERT ON incidents WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
        INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (new.rowid, new.lat, new.lat, new.lon, new.lon);
      END;
      CREATE TRIGGER incidents_rtree_ad AFTER DELETE ON incidents BEGIN
        DELETE FROM incidents_rtree WHERE id = old.rowid;
      END;
      CREATE TRIGGER incidents_rtree_au AFTER UPDATE OF lat, lon ON incidents BEGIN
        DELETE FROM incidents_rtree WHERE id = old.rowid;
        INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon)
          SELECT new.rowid, new.lat, new.lat, new.lon, new.lon WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
      END;
    `,
  },
  {
    version: 7,
    name: 'covering date index for date-ordered incident pages',
    sql: `
      -- Pages read in date order test each row's date_end and actors; with date_end in the
      -- index that test needs no table row (about twice as fast over a million incidents).
      CREATE INDEX incidents_date_cover ON incidents(date_start, id, date_end);
    `,
  },
];
