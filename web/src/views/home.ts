import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { dateText } from '../format.ts';
import { currentState, setState } from '../router.ts';
import { filterParams, type ViewState } from '../url-state.ts';
import { gradeBadge } from './badges.ts';
import { createFilterForm } from './filters.ts';
import { createIncidentMap } from './map-view.ts';
import { createTimeline } from './timeline.ts';

/**
 * The home view: filters and timeline beside the map, and the matching incidents as a list
 * (the keyboard and screen-reader way to the same incidents the markers show).
 */
export function homeView(root: HTMLElement): () => void {
  const filters = createFilterForm((f) => setState({ ...currentState(), filters: f }));
  const timeline = createTimeline(
    (from, to) => {
      const s = currentState();
      const f = { ...s.filters };
      if (from) f.event_date_from = from;
      else delete f.event_date_from;
      if (to) f.event_date_to = to;
      else delete f.event_date_to;
      setState({ ...s, filters: f });
    },
    (by, stack) => setState({ ...currentState(), by, stack }),
  );
  const map = createIncidentMap((at) => setState({ ...currentState(), at }, 'replace'));
  const count = h('p', { class: 'count', id: 'result-count', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { class: 'incident-list', 'aria-labelledby': 'list-title' });
  const more = h('div', { class: 'more' });
  let ctrl: AbortController | null = null;

  const loadList = (s: ViewState, cursor?: string) => {
    ctrl?.abort();
    ctrl = new AbortController();
    api
      .incidents({ ...filterParams(s.filters), limit: 25, cursor, count: 'capped' }, ctrl.signal)
      .then((page) => {
        if (!cursor) list.replaceChildren();
        count.textContent = page.total_exact === false ? `More than ${page.total} incidents match` : `${page.total} incident${page.total === 1 ? '' : 's'} match`;
        for (const it of page.items) {
          list.appendChild(
            h(
              'li',
              null,
              h('a', { href: `#/incident/${encodeURIComponent(it.id)}`, class: 'incident-link' }, it.id),
              ' ',
              gradeBadge(it.grade),
              h('span', { class: 'meta' }, ` ${dateText(it.date_start ? { start: it.date_start, end: it.date_end ?? it.date_start } : null)} · ${it.place ?? 'place unknown'}${it.country ? `, ${it.country}` : ''}`),
              it.belligerents.length ? h('span', { class: 'meta' }, ` · ${it.belligerents.map((b) => `${b.actor} (${b.status})`).join(', ')}`) : null,
              it.killed_best !== null ? h('span', { class: 'meta' }, ` · ${it.killed_best} killed`) : null,
            ),
          );
        }
        replace(
          more,
          page.next_cursor
            ? h('button', { type: 'button', class: 'secondary', onclick: () => loadList(s, page.next_cursor ?? undefined) }, 'More incidents')
            : null,
        );
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') count.textContent = `Could not load incidents: ${(e as Error).message}`;
      });
  };

  const refresh = () => {
    const s = currentState();
    filters.set(s.filters);
    timeline.refresh(s);
    map.refresh(s);
    loadList(s);
  };

  replace(
    root,
    h(
      'div',
      { class: 'home' },
      h('aside', { class: 'panel' }, filters.el, timeline.el, h('section', { class: 'results' }, h('h2', { id: 'list-title' }, 'Incidents'), count, list, more)),
      h('section', { class: 'map-wrap', 'aria-label': 'Map' }, map.el, legend()),
    ),
  );
  window.addEventListener('sw:state', refresh);
  window.addEventListener('popstate', refresh);
  refresh();
  return () => {
    window.removeEventListener('sw:state', refresh);
    window.removeEventListener('popstate', refresh);
    ctrl?.abort();
    map.destroy();
  };
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend map-legend', 'aria-label': 'Marker colours' },
    ['confirmed', 'fair', 'weak', 'contested', 'discounted'].map((g) => h('li', null, gradeBadge(g))),
  );
}
