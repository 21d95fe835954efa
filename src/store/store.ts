import type { Decision, Document, Grade, Incident, NewDecision, NewDocument, Report } from '../domain/index.ts';

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

/** Simple incident filters (the API's richer queries read the incident columns directly). */
export interface IncidentFilter {
  country?: string;
  /** Incidents whose date window ends on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Incidents whose date window starts on or before this day. */
  to?: string;
  grade?: Grade;
  limit?: number;
  offset?: number;
}

/** One corroboration pass's result, written in one transaction. */
export interface IncidentChange {
  /** Incidents to insert or replace, with their report and actor rows. */
  upsert: Incident[];
  /** Incident ids that no longer exist (merged away or emptied). */
  remove: string[];
  /** Old id -> the incident that now holds its reports. */
  redirects: { from: string; to: string }[];
  at: string;
}

export interface IncidentStore {
  saveIncidents(change: IncidentChange): Promise<void>;
  /** By id, following redirects of merged incidents. */
  getIncident(id: string): Promise<Incident | null>;
  /** The current id an id refers to (itself, or where it redirects), or null. */
  resolveIncidentId(id: string): Promise<string | null>;
  /** Ids that redirect (directly or not) to this incident. */
  incidentAliases(id: string): Promise<string[]>;
  /** Ordered by date, then id. */
  listIncidents(filter?: IncidentFilter): Promise<Incident[]>;
  countIncidents(): Promise<number>;
  /** report id -> incident id, for the given reports that belong to an incident. */
  incidentOfReports(reportIds: string[]): Promise<Map<string, string>>;
  /** incident id -> its report ids; every incident when ids is omitted. */
  incidentReportIds(incidentIds?: string[]): Promise<Map<string, string[]>>;
  /** Incidents holding a report of one of these documents (report ids `${documentId}:${index}`), sorted. */
  incidentsOfDocuments(documentIds: string[]): Promise<string[]>;
  /** Highest number used after `prefix` (e.g. "SW-ML-2012-") by an incident or a redirect, 0 if none. */
  maxIncidentNumber(prefix: string): Promise<number>;
  /**
   * Reports a corroboration pass may link to: dated ones whose window meets [start, end]
   * plus undated ones, or (when start is omitted) every report of `country`.
   */
  reportsForCorroboration(q: { start?: string; end?: string; country?: string }): Promise<Report[]>;
  addDecision(d: NewDecision): Promise<Decision>;
  getDecision(id: number): Promise<Decision | null>;
  /** All decisions in order (reverted ones included), or those naming one of these incident ids. */
  listDecisions(opts?: { incidentIds?: string[] }): Promise<Decision[]>;
  revertDecision(id: number, by: string, reason: string, at: string): Promise<Decision>;
}

export interface StoreInfo {
  engine: 'sqlite' | 'postgres';
  location: string;
  schemaVersion: number;
}

export interface Store extends DocumentStore, ReportStore, IncidentStore {
  info(): Promise<StoreInfo>;
  /**
   * Runs fn in one transaction: everything it writes lands together or not at all.
   * Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
