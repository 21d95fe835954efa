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
];
