import { api } from '../api.ts';
import { h } from '../dom.ts';
import { GRADES } from '../grades.ts';
import { eventTypeText } from '../format.ts';
import type { Filters, FilterKey } from '../url-state.ts';

/**
 * The filter form. Every field is labelled and maps one-to-one to an API parameter and a
 * query-string key; submitting it rewrites the URL, which redraws the map, timeline and list.
 */
const EVENT_TYPES = ['drone_strike', 'airstrike', 'missile_strike', 'air_raid_unspecified', 'other'];

export interface FilterForm {
  el: HTMLFormElement;
  set(f: Filters): void;
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function select(id: string, name: FilterKey, options: [string, string][]): HTMLSelectElement {
  return h('select', { id, name }, h('option', { value: '' }, 'any'), options.map(([v, t]) => h('option', { value: v }, t)));
}

export function createFilterForm(onApply: (f: Filters) => void): FilterForm {
  const inputs: Partial<Record<FilterKey, HTMLInputElement | HTMLSelectElement>> = {
    event_date_from: h('input', { id: 'f-from', name: 'event_date_from', type: 'date' }),
    event_date_to: h('input', { id: 'f-to', name: 'event_date_to', type: 'date' }),
    country: h('input', { id: 'f-country', name: 'country', maxlength: 2, size: 3, pattern: '[A-Za-z]{2}', placeholder: 'ML', autocomplete: 'off', title: 'ISO 3166 two-letter code, e.g. ML for Mali' }),
    region: h('input', { id: 'f-region', name: 'region', placeholder: 'northern Mali', autocomplete: 'off' }),
    belligerent: select('f-belligerent', 'belligerent', []),
    target: select('f-target', 'target', []),
    event_type: select('f-type', 'event_type', EVENT_TYPES.map((t) => [t, eventTypeText(t)])),
    grade: select('f-grade', 'grade', GRADES.map((g) => [g, g])),
    min_killed: h('input', { id: 'f-killed', name: 'min_killed', type: 'number', min: 0, step: 1, inputmode: 'numeric' }),
    q: h('input', { id: 'f-q', name: 'q', type: 'search', placeholder: 'words in the sources' }),
  };
  let pending: Filters = {};
  const read = (): Filters => {
    const f: Filters = {};
    for (const [k, el] of Object.entries(inputs) as [FilterKey, HTMLInputElement][]) {
      const v = el.value.trim();
      if (v) f[k] = k === 'country' ? v.toUpperCase() : v;
    }
    return f;
  };
  const form = h(
    'form',
    {
      class: 'filters',
      'aria-labelledby': 'filters-title',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        onApply(read());
      },
    },
    h('h2', { id: 'filters-title' }, 'Filters'),
    h('div', { class: 'field-row' }, field('f-from', 'From', inputs.event_date_from!), field('f-to', 'To', inputs.event_date_to!)),
    h('div', { class: 'field-row' }, field('f-country', 'Country', inputs.country!), field('f-region', 'or region', inputs.region!)),
    h('div', { class: 'field-row' }, field('f-belligerent', 'Belligerent', inputs.belligerent!), field('f-target', 'Target group', inputs.target!)),
    h('div', { class: 'field-row' }, field('f-type', 'Event type', inputs.event_type!), field('f-grade', 'Grade', inputs.grade!)),
    h('div', { class: 'field-row' }, field('f-killed', 'Killed at least', inputs.min_killed!), field('f-q', 'Full text', inputs.q!)),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            for (const el of Object.values(inputs)) el.value = '';
            onApply({});
          },
        },
        'Clear',
      ),
    ),
  );
  const setValues = (f: Filters) => {
    for (const [k, el] of Object.entries(inputs) as [FilterKey, HTMLInputElement | HTMLSelectElement][]) {
      const v = f[k] ?? '';
      if (el instanceof HTMLSelectElement && v && !Array.from(el.options).some((o) => o.value === v)) el.appendChild(h('option', { value: v }, v));
      el.value = v;
    }
  };
  // The actor lists come from the database, so they only offer what can match.
  const fill = (role: 'belligerent' | 'target') =>
    api
      .actors(role)
      .then((r) => {
        const sel = inputs[role] as HTMLSelectElement;
        const have = new Set(Array.from(sel.options).map((o) => o.value));
        for (const a of r.items) if (!have.has(a.id)) sel.appendChild(h('option', { value: a.id }, `${a.name} (${a.incidents})`));
        setValues(pending);
      })
      .catch(() => {});
  void fill('belligerent');
  void fill('target');
  return {
    el: form,
    set(f: Filters) {
      pending = f;
      setValues(f);
    },
  };
}
