import type { Document, NewDocument, Report } from './domain/index.ts';
import type { Store } from './store/store.ts';
import { reasonOf } from './ingest/errors.ts';
import { loadDocuments, type LoadFailure, type LoadOptions } from './ingest/load.ts';
import { expandSources, readUnit } from './ingest/sources.ts';

/**
 * The one path from sources to the store: ingest -> extract -> corroborate -> store.
 * The CLI, the server and the workers all call `ingestSources`; the later stages plug in
 * through `Stages` so this module does not depend on them.
 */
export interface Stages {
  /** Document -> reports. Pure; a throw fails that document only. */
  extract?: (doc: Document) => Report[];
  /** Re-derives incidents for the documents written in a batch. */
  corroborate?: (store: Store, documentIds: string[]) => Promise<void>;
}

export interface IngestOptions extends LoadOptions {
  /** Largest file or response read, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Deadline for one URL, in milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Re-run extraction on documents already stored. */
  reextract?: boolean;
  /** Corroborate after this many written documents (default 200) and at the end. */
  batchSize?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

export type DocumentStatus = 'ingested' | 'unchanged' | 'reextracted';

export type IngestEvent =
  /** Sources expanded: how many inputs (files and URLs) will be read. */
  | { type: 'planned'; inputs: number }
  | { type: 'document'; status: DocumentStatus; name: string; id: string; source: string; reports: number | null }
  | { type: 'failed'; input: string; reason: string }
  | { type: 'skipped'; input: string; reason: string }
  /** One input (file or URL) finished, whatever its outcome. */
  | { type: 'progress'; done: number; total: number };

export interface IngestSummary {
  inputs: number;
  ingested: number;
  unchanged: number;
  reextracted: number;
  failed: LoadFailure[];
  skipped: LoadFailure[];
  /** Ids of documents written or re-extracted in this run. */
  documentIds: string[];
}

/**
 * Reads every source (paths, directories, http(s) URLs), stores each document with its raw
 * bytes and its reports in one transaction, and corroborates what changed. Bad inputs are
 * recorded in the summary (and sent as events) and the batch goes on.
 */
export async function ingestSources(
  store: Store,
  sources: string[],
  opts: IngestOptions,
  stages: Stages,
  onEvent: (e: IngestEvent) => void = () => {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { inputs: 0, ingested: 0, unchanged: 0, reextracted: 0, failed: [], skipped: [], documentIds: [] };
  const fail = (input: string, reason: string) => {
    summary.failed.push({ input, reason });
    onEvent({ type: 'failed', input, reason });
  };
  const units = await expandSources(sources);
  const readable = units.filter((u) => u.kind === 'file' || u.kind === 'url');
  summary.inputs = readable.length;
  onEvent({ type: 'planned', inputs: readable.length });
  const readOpts = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const batchSize = opts.batchSize ?? 200;
  let pending: string[] = [];

  const flush = async () => {
    if (!stages.corroborate || pending.length === 0) return;
    const ids = pending;
    pending = [];
    try {
      await stages.corroborate(store, ids);
    } catch (err) {
      fail(`corroboration of ${ids.length} document(s)`, reasonOf(err));
    }
  };

  let done = 0;
  for (const unit of units) {
    if (unit.kind === 'skip') {
      summary.skipped.push({ input: unit.input, reason: unit.reason });
      onEvent({ type: 'skipped', input: unit.input, reason: unit.reason });
      continue;
    }
    if (unit.kind === 'fail') {
      fail(unit.input, unit.reason);
      continue;
    }
    const input = unit.kind === 'url' ? unit.url : unit.path;
    try {
      const raw = await readUnit(unit, readOpts);
      const loaded = loadDocuments(raw, opts);
      for (const f of loaded.failures) fail(f.input, f.reason);
      for (const doc of loaded.documents) {
        try {
          const out = await storeDocument(store, doc, raw.bytes, opts, stages);
          summary[out.status]++;
          if (out.status !== 'unchanged') {
            summary.documentIds.push(doc.id);
            pending.push(doc.id);
          } else if (stages.corroborate && (await hasUncorroboratedReports(store, doc.id))) {
            // A run killed between writing a document and corroborating its batch: finish it now.
            pending.push(doc.id);
          }
          onEvent({ type: 'document', status: out.status, name: doc.name, id: doc.id, source: doc.source, reports: out.reports });
        } catch (err) {
          fail(loaded.documents.length > 1 ? doc.source : input, reasonOf(err));
        }
      }
    } catch (err) {
      fail(input, reasonOf(err));
    }
    onEvent({ type: 'progress', done: ++done, total: readable.length });
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

/**
 * Writes one document, its raw bytes and its reports in a single transaction, so a crash
 * or an extraction error never leaves a document without the reports it should have.
 */
async function storeDocument(
  store: Store,
  doc: NewDocument,
  raw: Uint8Array,
  opts: IngestOptions,
  stages: Stages,
): Promise<{ status: DocumentStatus; reports: number | null }> {
  return store.transaction(async () => {
    const put = await store.putDocument(doc, raw);
    const extract = stages.extract;
    if (!extract || (put.status === 'unchanged' && !opts.reextract)) return { status: put.status, reports: null };
    const stored = (await store.getDocument(doc.id)) ?? { ...doc, ingested_at: new Date().toISOString() };
    let reports: Report[];
    try {
      reports = extract(stored);
    } catch (err) {
      throw new Error(`extraction failed: ${reasonOf(err)}`, { cause: err });
    }
    await store.replaceReports(doc.id, reports);
    return { status: put.status === 'unchanged' ? 'reextracted' : 'ingested', reports: reports.length };
  });
}

/** True when some report of the document belongs to no incident (an interrupted earlier run). */
async function hasUncorroboratedReports(store: Store, documentId: string): Promise<boolean> {
  const reports = await store.listReports({ documentId });
  if (reports.length === 0) return false;
  const linked = await store.incidentOfReports(reports.map((r) => r.id ?? `${documentId}:${r.index}`));
  return linked.size < reports.length;
}
