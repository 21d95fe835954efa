import { api } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { dateText } from '../format.ts';
import { go } from '../router.ts';
import { isAnalyst } from '../session.ts';
import { gradeBadge } from './badges.ts';

/**
 * The review queue: contested incidents first, then weak ones, then those no analyst has
 * looked at. Analysts tick incidents to merge them, or open one to grade, lock, assess or split.
 */
export function reviewView(root: HTMLElement): () => void {
  if (!isAnalyst()) {
    replace(root, h('div', { class: 'narrow' }, h('h1', null, 'Review queue'), h('p', null, 'Sign in as an analyst to review incidents. '), h('a', { href: '#/login/review', class: 'button' }, 'Sign in')));
    return () => {};
  }
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'form-status' });
  const body = h('tbody');
  const reason = h('textarea', { id: 'merge-reason', rows: 2, minlength: 3, required: true });
  const mergeForm = h(
    'form',
    {
      class: 'merge-form',
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const ids = Array.from(body.querySelectorAll<HTMLInputElement>('input[name=pick]:checked')).map((c) => c.value);
        if (ids.length < 2) {
          status.textContent = 'Tick at least two incidents to merge.';
          return;
        }
        status.textContent = 'Merging…';
        try {
          const r = await api.review('merge', { incidents: ids, reason: reason.value.trim() });
          status.textContent = `Merged into ${r.incidents[0] ?? ids[0]}.`;
          announce(status.textContent);
          go(`#/incident/${encodeURIComponent(r.incidents[0] ?? ids[0])}`);
        } catch (e) {
          status.textContent = `Not merged: ${(e as Error).message}`;
        }
      },
    },
    h('fieldset', null, h('legend', null, 'Merge the ticked incidents'), h('label', { for: 'merge-reason' }, 'Reason'), reason, h('button', { type: 'submit' }, 'Merge'), status),
  );
  replace(
    root,
    h(
      'div',
      { class: 'review' },
      h('h1', null, 'Review queue'),
      h('p', { class: 'hint' }, 'Contested first, then weak, then incidents no analyst has decided on.'),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'queue' },
          h('thead', null, h('tr', null, ['Pick', 'Incident', 'Grade', 'Date', 'Place', 'Belligerents', 'Sources', 'Decisions'].map((t) => h('th', { scope: 'col' }, t)))),
          body,
        ),
      ),
      mergeForm,
    ),
  );
  api
    .queue(100)
    .then((q) => {
      replace(
        body,
        q.items.map((it) =>
          h(
            'tr',
            { 'data-incident': it.id },
            h('td', null, h('input', { type: 'checkbox', name: 'pick', value: it.id, 'aria-label': `Pick ${it.id}` })),
            h('td', null, h('a', { href: `#/incident/${encodeURIComponent(it.id)}` }, it.id)),
            h('td', null, gradeBadge(it.grade)),
            h('td', null, dateText(it.date_start ? { start: it.date_start, end: it.date_end ?? it.date_start } : null)),
            h('td', null, `${it.place ?? '—'}${it.country ? `, ${it.country}` : ''}`),
            h('td', null, it.belligerents.map((b) => `${b.actor} (${b.status})`).join(', ') || '—'),
            h('td', null, String(it.sources)),
            h('td', null, String(it.decisions)),
          ),
        ),
      );
      announce(`${q.items.length} incidents to review`);
    })
    .catch((e: unknown) => replace(body, h('tr', null, h('td', { colspan: 8, class: 'error' }, `Could not load the queue: ${(e as Error).message}`))));
  return () => {};
}
