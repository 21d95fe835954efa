import type { Document, NewDocument, Report } from '../domain/index.ts';

/**
 * The Store: everything strikewatch keeps. Async from day one so that the SQLite engine
 * (embedded default) and the PostgreSQL engine (teams, many writers) share one contract.
 * Each concern has its own interface; `Store` is their union.
 */

export interface DocumentSummary {
  id: string;
  name: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  language: string | null;
  source: string;
  chars: number;
  reports: number;
  ingested_at: string;
}

export interface DocumentSearchHit {
  id: string;
  name: string;
  title: string | null;
  snippet: string;
  /** bm25 score: lower is better, as SQLite reports it. */
  score: number;
}

export interface PutDocumentResult {
  id: string;
  status: 'ingested' | 'unchanged';
}

export interface DocumentStore {
  /** Stores a document and its raw bytes (addressed by sha256). Unchanged when the id exists. */
  putDocument(doc: NewDocument, raw: Uint8Array): Promise<PutDocumentResult>;
  /** By id, id prefix (8+ hex chars) or name. */
  getDocument(ref: string): Promise<Document | null>;
  listDocuments(opts?: { limit?: number; offset?: number }): Promise<{ items: DocumentSummary[]; total: number }>;
  getRaw(sha256: string): Promise<Uint8Array | null>;
  /** Full-text search over title and text, ranked by bm25. */
  searchDocuments(query: string, opts?: { limit?: number }): Promise<DocumentSearchHit[]>;
  countDocuments(): Promise<number>;
}

export interface ReportStore {
  /** Replaces all reports of a document (extraction is re-runnable). */
  replaceReports(documentId: string, reports: Report[]): Promise<void>;
  listReports(opts?: { documentId?: string; limit?: number; offset?: number }): Promise<Report[]>;
  getReport(id: string): Promise<Report | null>;
  countReports(): Promise<number>;
}

export interface StoreInfo {
  engine: 'sqlite' | 'postgres';
  location: string;
  schemaVersion: number;
}

export interface Store extends DocumentStore, ReportStore {
  info(): Promise<StoreInfo>;
  /**
   * Runs fn in one transaction: everything it writes lands together or not at all.
   * Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
