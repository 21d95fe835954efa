import { api } from '../api.ts';
import { h } from '../dom.ts';
import { dateText, estimateText, eventTypeText } from '../format.ts';
import { gradeBadge } from './badges.ts';

/** The incident's card, as a map popup shows it: the essentials and a link to its page. */
export async function incidentCard(id: string): Promise<HTMLElement> {
  const v = await api.incident(id);
  const inc = v.incident;
  return h(
    'div',
    { class: 'card', 'data-incident': inc.id },
    h('p', { class: 'card-title' }, h('strong', null, inc.id), ' ', gradeBadge(inc.grade)),
    h('p', null, `${eventTypeText(inc.event_type)}, ${dateText(inc.date)}`),
    h('p', null, inc.place ? `${inc.place.name}${inc.country ? `, ${inc.country}` : ''}` : 'place unknown'),
    h('p', null, `Killed: ${estimateText(inc.killed)}`),
    inc.attributions.length ? h('p', null, 'Attributed to: ', inc.attributions.map((a) => `${a.actor.name} (${a.status})`).join(', ')) : null,
    h('p', null, `${v.documents.length} source${v.documents.length === 1 ? '' : 's'}`),
    h('a', { href: `#/incident/${encodeURIComponent(inc.id)}`, class: 'button' }, 'Open incident page'),
  );
}
