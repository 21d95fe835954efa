import L from 'leaflet';
import { api, type IncidentView } from '../api.ts';
import { addBasemap } from '../basemap.ts';
import { announce, h, replace } from '../dom.ts';
import { dateText, estimateText, eventTypeText, placeText, rangeText } from '../format.ts';
import { gradeColour } from '../grades.ts';
import { isAnalyst, onSession } from '../session.ts';
import { gradeBadge } from './badges.ts';
import { analystPanel } from './analyst-actions.ts';
import { docAnchor, FIELD_LABEL, flashField, sourceSection } from './sources.ts';

/**
 * The incident page: the summary (grade and why, date window, place with its uncertainty
 * circle, casualties per source, attribution tally), each source's text with the backing
 * spans highlighted, the history of decisions and the assessments; exports as JSON/GeoJSON.
 * Every figure links to the words behind it.
 */
export function incidentView(root: HTMLElement, id: string): () => void {
  replace(root, h('p', { class: 'loading' }, `Loading incident ${id}…`));
  let mini: L.Map | null = null;
  let cancelled = false;
  const render = () => {
    api
      .incident(id)
      .then((v) => {
        if (cancelled) return;
        mini?.remove();
        mini = null;
        replace(root, page(v, render));
        document.title = `${v.incident.id} — strikewatch`;
        const holder = root.querySelector<HTMLElement>('.mini-map');
        if (holder && v.incident.place) {
          try {
            mini = miniMap(holder, v.incident.place);
          } catch (e) {
            holder.textContent = `Map unavailable: ${(e as Error).message}`;
          }
        }
        announce(`Incident ${v.incident.id} loaded`);
      })
      .catch((e: unknown) => {
        if (!cancelled) replace(root, h('p', { class: 'error', role: 'alert' }, `Could not load incident ${id}: ${(e as Error).message}`));
      });
  };
  render();
  // Signing in or out shows or hides the analyst's forms.
  let analyst = isAnalyst();
  const off = onSession(() => {
    if (isAnalyst() !== analyst) {
      analyst = isAnalyst();
      render();
    }
  });
  return () => {
    cancelled = true;
    off();
    mini?.remove();
  };
}

function fieldButton(field: string, label: string, docId?: string): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'field-link',
      'data-link-field': field,
      title: `Show the words that back the ${FIELD_LABEL[field] ?? field}`,
      onclick: () => {
        const n = flashField(field, docId);
        announce(n ? `${n} highlighted passage${n === 1 ? '' : 's'} for ${FIELD_LABEL[field] ?? field}` : `No passage backs ${FIELD_LABEL[field] ?? field}`);
      },
    },
    label,
  );
}

function page(v: IncidentView, reload: () => void): HTMLElement {
  const inc = v.incident;
  const docName = new Map(v.documents.map((d) => [d.id, d.name]));
  const docByName = new Map(v.documents.map((d) => [d.name, d.id]));
  const claimRows = (field: 'killed' | 'injured' | 'civilians_killed') =>
    inc[field].claims.map((c) => {
      const docId = docByName.get(c.document) ?? v.reports.find((r) => r.id === c.report_id)?.document_id;
      return h('li', null, fieldButton(field, rangeText(c.min, c.max), docId), ` according to ${docName.get(docId ?? '') ?? c.document}`);
    });
  const casualty = (field: 'killed' | 'injured' | 'civilians_killed', label: string) =>
    h('tr', null, h('th', { scope: 'row' }, label), h('td', null, estimateText(inc[field])), h('td', null, inc[field].claims.length ? h('ul', { class: 'claims' }, claimRows(field)) : 'no source gives a figure'));

  const summary = h(
    'section',
    { class: 'summary', 'aria-labelledby': 'sum-title' },
    h('h2', { id: 'sum-title', class: 'visually-hidden' }, 'Summary'),
    h(
      'dl',
      null,
      h('dt', null, 'Grade'),
      h('dd', null, gradeBadge(inc.grade), ' ', h('span', { class: 'explanation' }, inc.grade_explanation)),
      h('dt', null, 'What'),
      h('dd', null, fieldButton('event', eventTypeText(inc.event_type))),
      h('dt', null, 'When'),
      h('dd', null, fieldButton('date', dateText(inc.date))),
      h('dt', null, 'Where'),
      h('dd', null, fieldButton('place', placeText(inc.place)), inc.place?.how ? h('span', { class: 'meta' }, ` (${inc.place.how})`) : null),
      h('dt', null, 'Targets'),
      h('dd', null, inc.targets.length ? inc.targets.map((t, i) => [i ? ', ' : '', fieldButton('targets', t.name)]) : 'not named'),
      h('dt', null, 'Sources'),
      h('dd', null, `${v.documents.length} document${v.documents.length === 1 ? '' : 's'}, ${inc.independent_sources} independent`),
    ),
    inc.place ? h('div', { class: 'mini-map', role: 'img', 'aria-label': `Map: ${placeText(inc.place)}` }) : null,
  );

  const casualties = h(
    'section',
    { 'aria-labelledby': 'cas-title' },
    h('h2', { id: 'cas-title' }, 'Casualties per source'),
    h(
      'table',
      { class: 'casualties' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col' }, 'Estimate'), h('th', { scope: 'col' }, 'Claims'))),
      h('tbody', null, casualty('killed', 'Killed'), casualty('civilians_killed', 'Civilians killed'), casualty('injured', 'Injured')),
    ),
  );

  const attributions = h(
    'section',
    { 'aria-labelledby': 'att-title' },
    h('h2', { id: 'att-title' }, 'Who is said to have struck'),
    inc.attributions.length
      ? h(
          'ul',
          { class: 'tally' },
          inc.attributions.map((a) =>
            h(
              'li',
              null,
              h('strong', null, a.actor.name),
              ` — ${a.status}: `,
              a.stances.map((s, i) => [
                i ? '; ' : '',
                fieldButton('attributions', `${s.stance.replace('_', ' ')}`, docByName.get(s.document) ?? v.reports.find((r) => r.id === s.report_id)?.document_id),
                ` (${s.document}${s.source ? `, ${s.source}` : ''})`,
              ]),
            ),
          ),
        )
      : h('p', null, 'No source names who carried it out.'),
  );

  const sources = h(
    'section',
    { class: 'sources', 'aria-labelledby': 'src-title' },
    h('h2', { id: 'src-title' }, 'Sources'),
    h('p', { class: 'hint' }, 'Highlighted words back the incident’s fields; select a figure above to find its words.'),
    h('nav', { 'aria-label': 'Sources' }, h('ul', { class: 'source-index' }, v.documents.map((d) => h('li', null, h('a', { href: `#/incident/${encodeURIComponent(inc.id)}`, 'data-target': docAnchor(d.id), onclick: (ev: Event) => { ev.preventDefault(); document.getElementById(docAnchor(d.id))?.scrollIntoView(); } }, d.title || d.name))))),
    v.documents.map((d) => sourceSection(d, v.reports)),
  );

  const history = h(
    'section',
    { 'aria-labelledby': 'hist-title' },
    h('h2', { id: 'hist-title' }, 'History of decisions'),
    v.decisions.length
      ? h(
          'ol',
          { class: 'decisions' },
          v.decisions.map((d) =>
            h(
              'li',
              { class: d.reverted_at ? 'reverted' : undefined },
              h('strong', null, d.kind),
              ` by ${d.by_user}, ${d.at.slice(0, 16).replace('T', ' ')}: `,
              h('q', null, d.reason),
              d.reverted_at ? ` (reverted by ${d.reverted_by ?? '?'} ${d.reverted_at.slice(0, 10)})` : null,
              isAnalyst() && !d.reverted_at ? [' ', revertButton(d.id, reload)] : null,
            ),
          ),
        )
      : h('p', null, 'No analyst decision yet: every field is derived from the sources.'),
  );

  const assessments = h(
    'section',
    { 'aria-labelledby': 'ass-title' },
    h('h2', { id: 'ass-title' }, 'Assessments'),
    inc.assessments.length
      ? h(
          'ul',
          null,
          inc.assessments.map((a) => h('li', null, h('strong', null, a.belligerent), ` (${a.confidence} confidence) by ${a.by}: `, h('q', null, a.rationale))),
        )
      : h('p', null, 'No analyst has assessed who carried it out.'),
  );

  const jsonHref = `/api/incidents/${encodeURIComponent(inc.id)}`;
  return h(
    'div',
    { class: 'incident', 'data-incident': inc.id },
    h(
      'header',
      { class: 'incident-head' },
      h('p', null, h('a', { href: '#/' }, '← Back to the map')),
      h('h1', { style: `border-color:${gradeColour(inc.grade)}` }, inc.id),
      v.redirected_from ? h('p', { class: 'note' }, `${v.redirected_from} was merged into this incident.`) : null,
      h(
        'p',
        { class: 'exports' },
        'Export: ',
        h('a', { href: jsonHref, download: `${inc.id}.json` }, 'JSON'),
        ' · ',
        h('a', { href: `${jsonHref}.geojson`, download: `${inc.id}.geojson` }, 'GeoJSON'),
      ),
    ),
    summary,
    casualties,
    attributions,
    isAnalyst() ? analystPanel(v, reload) : null,
    sources,
    history,
    assessments,
  );
}

/** Revert a decision: the button opens a small inline form asking why (kept in the history). */
function revertButton(decision: number, reload: () => void): HTMLElement {
  const holder = h('span', { class: 'revert' });
  const open = () => {
    const id = `revert-${decision}`;
    const input = h('input', { id, required: true, minlength: 3, size: 24 });
    const status = h('span', { role: 'status', class: 'form-status' });
    const form = h(
      'form',
      {
        class: 'revert-form',
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          try {
            await api.review('revert', { decision, reason: input.value.trim() });
            announce('Decision reverted');
            reload();
          } catch (e) {
            status.textContent = `Not reverted: ${(e as Error).message}`;
          }
        },
      },
      h('label', { for: id }, 'Why revert? '),
      input,
      ' ',
      h('button', { type: 'submit', class: 'small' }, 'Revert'),
      status,
    );
    replace(holder, form);
    input.focus();
  };
  replace(holder, h('button', { type: 'button', class: 'secondary small', 'data-decision': String(decision), onclick: open }, 'Revert…'));
  return holder;
}

function miniMap(el: HTMLElement, place: NonNullable<IncidentView['incident']['place']>): L.Map {
  const map = L.map(el, { zoomControl: true, attributionControl: true, scrollWheelZoom: false, keyboard: false });
  // The circle's box computed here (1° of latitude ≈ 111.2 km), since Leaflet can only measure
  // a layer once the map has a view.
  const km = Math.max(place.radius_km, 0.5);
  const dLat = km / 111.2;
  const dLon = km / (111.2 * Math.max(0.05, Math.cos((place.lat * Math.PI) / 180)));
  const pad = place.radius_km < 20 ? 6 : 3;
  const fit = () =>
    map.fitBounds(
      [
        [place.lat - dLat * pad, place.lon - dLon * pad],
        [place.lat + dLat * pad, place.lon + dLon * pad],
      ],
      { maxZoom: 7, animate: false },
    );
  fit();
  // The page lays out after the map measured its box: measure again and centre the circle.
  requestAnimationFrame(() => {
    map.invalidateSize({ animate: false });
    fit();
  });
  addBasemap(map);
  L.circle([place.lat, place.lon], { radius: km * 1000, color: '#b00020', weight: 2, fillOpacity: 0.12, interactive: false }).addTo(map);
  L.circleMarker([place.lat, place.lon], { radius: 4, color: '#b00020', fillOpacity: 1, interactive: false }).addTo(map);
  return map;
}
