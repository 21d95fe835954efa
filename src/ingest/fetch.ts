import { IngestError } from './errors.ts';
import { formatBytes } from './size.ts';

export interface FetchOptions {
  /** Whole request, headers and body, in milliseconds. */
  timeoutMs: number;
  maxBytes: number;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  /** The address after redirects. */
  url: string;
}


/** Why a fetch failed, in words: "connection refused", "no answer within 5 s"... */
function networkReason(err: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `no answer within ${timeoutMs / 1000} s (timeout)`;
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens at that address)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
      return 'connection reset by the server';
    default:
      return `cannot fetch (${cause?.message ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

/**
 * GETs an http(s) URL with a deadline and a size limit. The body is read in chunks and the
 * request is abandoned as soon as it passes `maxBytes`, so a huge or endless response costs
 * at most that much memory.
 *
 * @throws IngestError for refused connections, unknown hosts, timeouts, HTTP errors and oversize bodies.
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        signal: controller.signal,
        redirect: 'follow',
        headers: { accept: 'text/html, application/rss+xml, application/atom+xml, application/xml, text/plain;q=0.9, */*;q=0.5' },
      });
    } catch (err) {
      throw new IngestError(networkReason(err, opts.timeoutMs, timedOut));
    }
    if (!res.ok) throw new IngestError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const declared = Number(res.headers.get('content-length'));
    if (declared > opts.maxBytes) {
      controller.abort();
      throw new IngestError(`too large: ${formatBytes(declared)} (limit ${formatBytes(opts.maxBytes)}, see --max-bytes)`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.length;
          if (size > opts.maxBytes) {
            controller.abort();
            throw new IngestError(`too large: more than ${formatBytes(opts.maxBytes)} (limit, see --max-bytes)`);
          }
          chunks.push(chunk);
        }
      }
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw new IngestError(networkReason(err, opts.timeoutMs, timedOut));
    }
    return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type'), url: res.url || url };
  } finally {
    clearTimeout(timer);
  }
}
