/**
 * The HTTP API as the app uses it. Types come from the server's own modules (type-only
 * imports, erased at build time), so the app and the API cannot silently drift apart.
 */
import type { IncidentPage, IncidentSummary } from '../../src/query/incidents.ts';
import type { IncidentView, DecisionRow } from '../../src/query/view.ts';
import type { Stats } from '../../src/query/stats.ts';
import type { Cluster } from '../../src/query/clusters.ts';
import type { AskAnswer } from '../../src/query/ask-types.ts';
import type { IngestJob } from '../../src/server/routes/ingest.ts';

export type { IncidentPage, IncidentSummary, IncidentView, DecisionRow, Stats, Cluster, AskAnswer, IngestJob };

export interface Me {
  user: string | null;
  role: 'viewer' | 'analyst' | 'admin' | null;
  csrf: string | null;
  private?: boolean;
}

/** An API error with the server's code and message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiFailure(res.status, 'bad_response', `the server answered ${res.status} with something that is not JSON`);
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? 'http_error', err?.message ?? `request failed with status ${res.status}`);
  }
  return data as T;
}

/** Query string from a record, skipping empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

type ActorList = { items: { id: string; name: string; incidents: number }[] };
const actorLists: Partial<Record<'target' | 'belligerent', Promise<ActorList>>> = {};

export const api = {
  incidents: (params: Record<string, string | number | undefined>, signal?: AbortSignal) => call<IncidentPage>('GET', `/api/incidents${qs(params)}`, undefined, signal),
  incident: (id: string) => call<IncidentView>('GET', `/api/incidents/${encodeURIComponent(id)}`),
  stats: (params: Record<string, string | number | undefined>, signal?: AbortSignal) => call<Stats>('GET', `/api/stats${qs(params)}`, undefined, signal),
  clusters: (params: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    call<{ zoom: number; clusters: Cluster[] }>('GET', `/api/map/clusters${qs(params)}`, undefined, signal),
  /** Actors for the filter lists: asked once per page load (they change only with ingestion). */
  actors: (role: 'target' | 'belligerent') => (actorLists[role] ??= call<ActorList>('GET', `/api/actors${qs({ role })}`).catch((e: unknown) => {
    delete actorLists[role];
    throw e;
  })),
  documentIncidents: (id: string) => call<{ incidents: string[] }>('GET', `/api/documents/${encodeURIComponent(id)}`),
  ask: (q: string) => call<AskAnswer>('GET', `/api/ask${qs({ q })}`),
  me: () => call<Me>('GET', '/api/auth/me'),
  login: (username: string, password: string) => call<Me>('POST', '/api/auth/login', { username, password }),
  logout: () => call<{ ok: boolean }>('POST', '/api/auth/logout', {}),
  queue: (limit = 50, offset = 0) => call<{ items: (IncidentSummary & { decisions: number })[] }>('GET', `/api/review/queue${qs({ limit, offset })}`),
  review: (kind: 'merge' | 'split' | 'lock' | 'grade' | 'assess' | 'revert', body: Record<string, unknown>) =>
    call<{ decision: number | null; incidents: string[] }>('POST', `/api/review/${kind}`, body),
  ingest: (body: { urls: string[]; files: { name: string; content_base64: string }[]; reason?: string }) =>
    call<{ job: string; status: string }>('POST', '/api/ingest', body),
  ingestJob: (id: string) => call<IngestJob>('GET', `/api/ingest/${encodeURIComponent(id)}`),
};
