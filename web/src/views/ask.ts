import { api, type AskAnswer } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { gradeBadge } from './badges.ts';

/**
 * The answer to a question: the verdict in words, how the question was understood (so a
 * user can see and correct a misreading), and the evidence: each incident with its grade and
 * the quoted words of each source.
 */
const VERDICT_TEXT: Record<string, string> = {
  yes_acknowledged: 'Yes — acknowledged by the belligerent',
  reported_unconfirmed: 'Reported and attributed, but not acknowledged',
  reported_unknown: 'Strikes reported, but no one is named as having carried them out',
  reported_other: 'Reported, but attributed to another belligerent',
  contested: 'Contested — sources disagree',
  none: 'No reports found',
};

export function askView(root: HTMLElement, q: string): () => void {
  const input = h('input', { id: 'ask-page-input', name: 'q', type: 'search', value: q, required: true, minlength: 3, 'aria-describedby': 'ask-hint' });
  const out = h('div', { class: 'answer', 'aria-live': 'polite', 'aria-busy': 'false' });
  const run = (question: string) => {
    if (question.trim().length < 3) return;
    out.setAttribute('aria-busy', 'true');
    replace(out, h('p', null, 'Thinking…'));
    api
      .ask(question)
      .then((a) => {
        replace(out, answer(a));
        announce(`${VERDICT_TEXT[a.verdict] ?? a.verdict}. ${a.answer}`);
      })
      .catch((e: unknown) => replace(out, h('p', { class: 'error', role: 'alert' }, `Could not answer: ${(e as Error).message}`)))
      .finally(() => out.setAttribute('aria-busy', 'false'));
  };
  replace(
    root,
    h(
      'div',
      { class: 'ask-page' },
      h('h1', null, 'Ask the database'),
      h(
        'form',
        {
          role: 'search',
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            const v = input.value.trim();
            history.replaceState(null, '', `${location.pathname}${location.search}#/ask/${encodeURIComponent(v)}`);
            run(v);
          },
        },
        h('label', { for: 'ask-page-input' }, 'Question'),
        h('div', { class: 'inline' }, input, h('button', { type: 'submit' }, 'Ask')),
        h('p', { id: 'ask-hint', class: 'hint' }, 'In English or French, e.g. “Did the US launch a drone strike on AQIM in northern Mali?” or “Quelles frappes françaises près de Kidal en 2021 ?”'),
      ),
      out,
    ),
  );
  if (q) run(q);
  return () => {};
}

function understood(a: AskAnswer): HTMLElement {
  const u = a.understood;
  const rows: [string, string][] = [['Kind of question', a.intent.replace('_', '/')], ['Language', u.language]];
  if (u.belligerent) rows.push(['Belligerent asked about', u.belligerent]);
  if (u.place) rows.push(['Place', `${u.place.text} → ${u.place.name} (within ${u.place.km} km${u.place.country ? `, ${u.place.country}` : ''})`]);
  for (const [k, val] of Object.entries(u.filters ?? {})) {
    if (val === undefined || val === null) continue;
    rows.push([k.replace(/_/g, ' '), filterText(val)]);
  }
  if (u.details?.length) rows.push(['Not understood', u.details.join(', ')]);
  if (u.relaxed?.length) rows.push(['Dropped (nothing matched with them)', u.relaxed.join(', ')]);
  return h('details', { class: 'understood', open: true }, h('summary', null, 'How the question was understood'), h('dl', null, rows.map(([k, val]) => [h('dt', null, k), h('dd', null, val)])));
}

/** A filter value in words: lists joined, a circle as "within N km of lat, lon". */
function filterText(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => String(x).replace(/_/g, ' ')).join(', ');
  if (v && typeof v === 'object') {
    const o = v as Record<string, number>;
    if ('km' in o) return `within ${o.km} km of ${o.lat.toFixed(2)}, ${o.lon.toFixed(2)}`;
    if ('west' in o) return `box ${o.west}, ${o.south} to ${o.east}, ${o.north}`;
    return JSON.stringify(v);
  }
  return String(v);
}

function answer(a: AskAnswer): HTMLElement {
  return h(
    'div',
    { 'data-verdict': a.verdict },
    h('p', { class: `verdict verdict-${a.verdict}` }, h('strong', null, VERDICT_TEXT[a.verdict] ?? a.verdict)),
    h('p', { class: 'answer-text' }, a.answer),
    understood(a),
    h('h2', null, `Evidence: ${a.count} incident${a.count === 1 ? '' : 's'}`),
    h(
      'ol',
      { class: 'evidence' },
      a.incidents.map((i) =>
        h(
          'li',
          null,
          h('p', null, h('a', { href: `#/incident/${encodeURIComponent(i.id)}` }, i.id), ' ', gradeBadge(i.grade), ` ${i.date ?? 'date unknown'} · ${i.place ?? 'place unknown'}`),
          i.attributions.length ? h('p', { class: 'meta' }, 'Attributed to: ', i.attributions.map((x) => `${x.actor} (${x.status})`).join(', ')) : null,
          h(
            'ul',
            { class: 'quotes' },
            i.evidence.map((e) => h('li', null, h('blockquote', null, e.quote), h('cite', null, e.document))),
          ),
        ),
      ),
    ),
  );
}
