import { h } from '../dom.ts';
import { flattenSpans, segment, type FieldSpan } from '../highlight.ts';
import type { IncidentView } from '../api.ts';

/**
 * Each source's text with the spans backing the incident's fields highlighted. A <mark>
 * carries data-field (space-separated field names) and data-report, so the summary can find
 * and flash the words behind a figure. Text goes in as text nodes: markup in an article is
 * shown, never run.
 */
type Doc = IncidentView['documents'][number];
type Report = IncidentView['reports'][number];

export const FIELD_LABEL: Record<string, string> = {
  event: 'event',
  date: 'date',
  place: 'place',
  killed: 'killed',
  injured: 'injured',
  civilians_killed: 'civilians killed',
  targets: 'target',
  attributions: 'attribution',
};

export function docAnchor(docId: string): string {
  return `doc-${docId.slice(0, 16)}`;
}

function spansOf(reports: Report[]): FieldSpan[] {
  return reports.flatMap((r) => flattenSpans(r.spans as Record<string, [number, number] | [number, number][]>));
}

export function sourceSection(doc: Doc, reports: Report[]): HTMLElement {
  const mine = reports.filter((r) => r.document_id === doc.id);
  const segs = segment(doc.text, spansOf(mine));
  const body = h(
    'div',
    { class: 'source-text', lang: doc.language ?? undefined },
    segs.map((s) =>
      s.fields.length
        ? h(
            'mark',
            {
              'data-field': s.fields.join(' '),
              'data-report': mine.map((r) => r.id ?? '').join(' '),
              title: `backs: ${s.fields.map((f) => FIELD_LABEL[f] ?? f).join(', ')}`,
            },
            s.text,
          )
        : s.text,
    ),
  );
  return h(
    'article',
    { class: 'source', id: docAnchor(doc.id), 'data-document': doc.id, 'aria-labelledby': `${docAnchor(doc.id)}-t` },
    h('h3', { id: `${docAnchor(doc.id)}-t` }, doc.title || doc.name),
    h(
      'p',
      { class: 'meta' },
      [doc.publisher, doc.published, doc.language].filter(Boolean).join(' · '),
      doc.url ? [' · ', h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
      ` · ${mine.length} report${mine.length === 1 ? '' : 's'} · document ${doc.name}`,
    ),
    body,
  );
}

/** Scrolls to and flashes the marks backing a field (within one document when given). */
export function flashField(field: string, docId?: string): number {
  const scope = docId ? document.getElementById(docAnchor(docId)) : document;
  if (!scope) return 0;
  const marks = Array.from(scope.querySelectorAll<HTMLElement>('mark[data-field]')).filter((m) => (m.dataset.field ?? '').split(' ').includes(field));
  if (!marks.length) return 0;
  marks[0].scrollIntoView({ behavior: 'smooth', block: 'center' });
  for (const m of marks) {
    m.classList.remove('flash');
    void m.offsetWidth;
    m.classList.add('flash');
  }
  return marks.length;
}
