import { z } from 'zod';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ingestSources, type IngestEvent, type IngestSummary } from '../../pipeline.ts';
import type { ServerContext } from '../context.ts';
import type { Routes } from '../http.ts';
import { ApiError, notFound } from '../errors.ts';

/**
 * POST /api/ingest: URLs and uploaded files go through the same pipeline as the CLI
 * (src/pipeline.ts), in the background; GET /api/ingest/:job reports progress. Uploaded files
 * are written under a fresh temporary directory with their base name only, so a name cannot
 * point anywhere else.
 */
export const MAX_INGEST_BYTES = 25 * 1024 * 1024;

const FileName = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\p{L}\p{N}_ ()-][\p{L}\p{N}._ ()-]*$/u, 'file names are plain names (letters, digits, . _ - space), no paths');
const Url = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'only http and https URLs');

export const IngestBody = z
  .object({
    urls: z.array(Url).max(200).default([]),
    files: z
      .array(z.object({ name: FileName, content_base64: z.string().max(MAX_INGEST_BYTES).regex(/^[A-Za-z0-9+/=\s]*$/, 'not base64') }))
      .max(200)
      .default([]),
    reason: z.string().max(2000).optional(),
  })
  .refine((b) => b.urls.length + b.files.length > 0, 'give at least one URL or file')
  .refine((b) => new Set(b.files.map((f) => f.name)).size === b.files.length, 'file names must be unique');

export interface IngestJob {
  id: string;
  by: string;
  status: 'running' | 'done' | 'failed';
  started_at: string;
  finished_at: string | null;
  planned: number | null;
  done: number;
  documents: { name: string; id: string; status: string; reports: number | null }[];
  failures: { input: string; reason: string }[];
  summary: Omit<IngestSummary, 'failed' | 'skipped'> | null;
  error: string | null;
}

const jobs = new Map<string, IngestJob>();
const MAX_JOBS = 200;

export function ingestRoutes(r: Routes, ctx: ServerContext): void {
  r.add({
    method: 'POST',
    url: '/api/ingest',
    tag: 'ingest',
    summary: 'Ingest URLs and uploaded files ({urls, files: [{name, content_base64}]}); returns a job id',
    access: 'analyst',
    bodyLimit: Math.ceil(MAX_INGEST_BYTES * 1.4),
    body: IngestBody,
    handler: async ({ body, user, reply }) => {
      const id = `job_${randomBytes(8).toString('hex')}`;
      const job: IngestJob = {
        id,
        by: user!.name,
        status: 'running',
        started_at: new Date().toISOString(),
        finished_at: null,
        planned: null,
        done: 0,
        documents: [],
        failures: [],
        summary: null,
        error: null,
      };
      let dir: string | null = null;
      const sources = [...body.urls];
      if (body.files.length) {
        dir = mkdtempSync(join(tmpdir(), 'sw-upload-'));
        for (const f of body.files) {
          const bytes = Buffer.from(f.content_base64, 'base64');
          if (bytes.length > MAX_INGEST_BYTES) throw new ApiError(413, 'body_too_large', `file ${f.name} is too large`);
          const path = join(dir, f.name);
          writeFileSync(path, bytes, { flag: 'wx' });
          sources.push(path);
        }
      }
      jobs.set(id, job);
      if (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value as string);
      ctx.users.audit({ user: user!.name, action: 'ingest', target: id, reason: body.reason ?? null, detail: { urls: body.urls, files: body.files.map((f) => f.name) } });
      void run(ctx, job, sources, dir);
      reply.status(202);
      return { job: id, status: job.status, progress: `/api/ingest/${id}` };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/ingest/:job',
    tag: 'ingest',
    summary: 'Progress and outcome of an ingest job',
    access: 'analyst',
    params: z.object({ job: z.string().regex(/^job_[0-9a-f]{16}$/, 'not a job id') }),
    handler: ({ params }) => {
      const job = jobs.get(params.job);
      if (!job) throw notFound(`ingest job ${params.job}`);
      return job;
    },
  });
}

async function run(ctx: ServerContext, job: IngestJob, sources: string[], dir: string | null): Promise<void> {
  const onEvent = (e: IngestEvent) => {
    if (e.type === 'planned') job.planned = e.inputs;
    else if (e.type === 'progress') job.done = e.done;
    else if (e.type === 'document') job.documents.push({ name: e.name, id: e.id, status: e.status, reports: e.reports });
    else if (e.type === 'failed' || e.type === 'skipped') job.failures.push({ input: hideDir(e.input, dir), reason: hideDir(e.reason, dir) });
  };
  try {
    const summary = await ingestSources(ctx.store, sources, {}, await ctx.stages(), onEvent);
    const { failed: _f, skipped: _s, ...rest } = summary;
    job.summary = rest;
    job.status = 'done';
  } catch (err) {
    job.status = 'failed';
    job.error = hideDir(err instanceof Error ? err.message : String(err), dir);
  } finally {
    job.finished_at = new Date().toISOString();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Upload paths are server internals: show the file's own name instead. */
function hideDir(s: string, dir: string | null): string {
  return dir ? s.split(dir + '/').join('') : s;
}
