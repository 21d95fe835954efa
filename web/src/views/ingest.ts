import { api, type IngestJob } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { isAnalyst } from '../session.ts';

/**
 * Ingest: paste URLs or upload files; the server runs the same pipeline as the CLI in the
 * background and the page polls the job for progress.
 */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A file name the API accepts: its base name with unusual characters replaced. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  const clean = base.replace(/[^\p{L}\p{N}._ ()-]/gu, '_').replace(/^[.]+/, '_');
  return clean.slice(0, 120) || 'upload';
}

export function ingestView(root: HTMLElement): () => void {
  if (!isAnalyst()) {
    replace(root, h('div', { class: 'narrow' }, h('h1', null, 'Ingest'), h('p', null, 'Sign in as an analyst to add sources. '), h('a', { href: '#/login/ingest', class: 'button' }, 'Sign in')));
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const urls = h('textarea', { id: 'in-urls', rows: 4, placeholder: 'https://…  (one per line)' });
  const files = h('input', { id: 'in-files', type: 'file', multiple: true, accept: '.txt,.md,.html,.htm,.xml,.rss,.atom,.json,text/*' });
  const reason = h('input', { id: 'in-reason', placeholder: 'why these sources' });
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Ingest progress' });
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'form-status' });
  const results = h('ul', { class: 'ingest-results' });

  const show = (job: IngestJob) => {
    bar.max = Math.max(1, job.planned ?? 1);
    bar.value = job.done;
    status.textContent = `${job.status}: ${job.done} of ${job.planned ?? '?'} inputs read, ${job.documents.length} document${job.documents.length === 1 ? '' : 's'}${job.failures.length ? `, ${job.failures.length} failed` : ''}${job.error ? ` — ${job.error}` : ''}`;
    replace(results, [
      ...job.documents.map((d) => h('li', { 'data-document': d.id }, `${d.name}: ${d.status}${d.reports !== null ? `, ${d.reports} report${d.reports === 1 ? '' : 's'}` : ''}`)),
      ...job.failures.map((f) => h('li', { class: 'error' }, `${f.input}: ${f.reason}`)),
    ]);
  };
  /** Once done: each document's incidents, as links. */
  const linkIncidents = async () => {
    const items = Array.from(results.querySelectorAll('li[data-document]'));
    for (const li of items) {
      try {
        const r = await api.documentIncidents((li as HTMLElement).dataset.document!);
        if (r.incidents.length) li.append(' → ', ...r.incidents.flatMap((i, k) => [k ? ', ' : '', h('a', { href: `#/incident/${encodeURIComponent(i)}` }, i)]));
      } catch {
        /* the list stays without links */
      }
    }
  };
  const poll = (id: string) => {
    api
      .ingestJob(id)
      .then((job) => {
        show(job);
        if (job.status === 'running') timer = setTimeout(() => poll(id), 700);
        else {
          announce(`Ingest ${job.status}`);
          void linkIncidents();
        }
      })
      .catch((e: unknown) => (status.textContent = `Lost track of the job: ${(e as Error).message}`));
  };

  const form = h(
    'form',
    {
      class: 'ingest-form',
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const list = urls.value.split(/\s+/).map((u) => u.trim()).filter(Boolean);
        const picked = Array.from(files.files ?? []);
        if (!list.length && !picked.length) {
          status.textContent = 'Paste a URL or choose a file.';
          return;
        }
        const tooBig = picked.find((f) => f.size > MAX_FILE_BYTES);
        if (tooBig) {
          status.textContent = `${tooBig.name} is larger than 25 MB.`;
          return;
        }
        status.textContent = 'Uploading…';
        try {
          const payload = await Promise.all(picked.map(async (f) => ({ name: cleanName(f.name), content_base64: toBase64(await f.arrayBuffer()) })));
          const r = await api.ingest({ urls: list, files: payload, reason: reason.value.trim() || undefined });
          status.textContent = 'Started…';
          poll(r.job);
        } catch (e) {
          status.textContent = `Not started: ${(e as Error).message}`;
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'in-urls' }, 'URLs of articles or feeds'), urls),
    h('div', { class: 'field' }, h('label', { for: 'in-files' }, 'Files (text, Markdown, HTML, RSS/Atom)'), files),
    h('div', { class: 'field' }, h('label', { for: 'in-reason' }, 'Reason (optional)'), reason),
    h('button', { type: 'submit' }, 'Ingest'),
  );
  replace(root, h('div', { class: 'narrow ingest' }, h('h1', null, 'Ingest sources'), form, bar, status, results));
  return () => {
    if (timer) clearTimeout(timer);
  };
}
