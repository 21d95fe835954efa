import { api, type IncidentView } from '../api.ts';
import { announce, h } from '../dom.ts';
import { GRADES } from '../grades.ts';
import { go } from '../router.ts';

/**
 * The analyst's decisions on one incident: grade, lock a field, assess who did it, split
 * reports off, merge with other incidents. Each form asks for a reason, which goes into the
 * decision history and the audit log.
 */
type Kind = 'merge' | 'split' | 'lock' | 'grade' | 'assess';

let seq = 0;

function form(kind: Kind, title: string, fields: HTMLElement[], build: (data: FormData) => Record<string, unknown>, after: (r: { incidents: string[] }) => void): HTMLElement {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const f = h(
    'form',
    {
      class: `decision decision-${kind}`,
      'data-kind': kind,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const button = f.querySelector('button');
        button?.setAttribute('disabled', '');
        status.textContent = 'Saving…';
        try {
          const r = await api.review(kind, build(new FormData(f)));
          status.textContent = `Done: ${kind} recorded.`;
          announce(`${kind} recorded`);
          after(r);
        } catch (e) {
          status.textContent = `Not saved: ${(e as Error).message}`;
          status.classList.add('error');
        } finally {
          button?.removeAttribute('disabled');
        }
      },
    },
    h('fieldset', null, h('legend', null, title), fields, h('button', { type: 'submit' }, title), status),
  );
  return f;
}

function labelled(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  const id = `af-${++seq}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

const reason = () => labelled('Reason', h('textarea', { name: 'reason', required: true, minlength: 3, rows: 2 }));

export function analystPanel(v: IncidentView, reload: () => void): HTMLElement {
  const id = v.incident.id;
  const goTo = (r: { incidents: string[] }) => {
    // After a merge the surviving incident may carry another id: follow it.
    const next = r.incidents[0];
    if (next && next !== id && !r.incidents.includes(id)) go(`#/incident/${encodeURIComponent(next)}`);
    else reload();
  };
  return h(
    'section',
    { class: 'analyst', 'aria-labelledby': 'an-title' },
    h('h2', { id: 'an-title' }, 'Analyst decisions'),
    h(
      'div',
      { class: 'decision-grid' },
      form(
        'grade',
        'Set the grade',
        [labelled('Grade', h('select', { name: 'grade' }, GRADES.map((g) => h('option', { value: g, selected: g === v.incident.grade }, g)))), reason()],
        (d) => ({ incident: id, grade: d.get('grade'), reason: d.get('reason') }),
        reload,
      ),
      form(
        'assess',
        'Assess who did it',
        [
          labelled('Belligerent', h('input', { name: 'belligerent', required: true, placeholder: 'US' })),
          labelled('Confidence', h('select', { name: 'confidence' }, ['low', 'medium', 'high'].map((c) => h('option', { value: c }, c)))),
          labelled('Rationale', h('textarea', { name: 'rationale', required: true, minlength: 3, rows: 2 })),
        ],
        (d) => ({ incident: id, belligerent: d.get('belligerent'), confidence: d.get('confidence'), rationale: d.get('rationale'), reason: d.get('rationale') }),
        reload,
      ),
      form(
        'lock',
        'Lock a field',
        [
          labelled('Field', h('select', { name: 'field' }, ['date', 'place', 'killed', 'civilians_killed', 'injured', 'event_type', 'targets', 'attributions'].map((x) => h('option', { value: x }, x)))),
          labelled('Value (JSON or text)', h('input', { name: 'value', required: true })),
          reason(),
        ],
        (d) => {
          const raw = String(d.get('value') ?? '');
          let value: unknown = raw;
          try {
            value = JSON.parse(raw);
          } catch {
            /* plain text stays text */
          }
          return { incident: id, field: d.get('field'), value, reason: d.get('reason') };
        },
        reload,
      ),
      form(
        'merge',
        'Merge with',
        [labelled('Other incident ids (comma-separated)', h('input', { name: 'others', required: true, placeholder: 'SW-ML-2012-0002' })), reason()],
        (d) => ({
          incidents: [id, ...String(d.get('others') ?? '').split(/[\s,]+/).filter(Boolean)],
          reason: d.get('reason'),
        }),
        goTo,
      ),
      v.reports.length > 1
        ? form(
            'split',
            'Split reports off',
            [
              h(
                'fieldset',
                { class: 'checks' },
                h('legend', null, 'Reports to move to a new incident'),
                v.reports.map((r) => {
                  const cid = `af-${++seq}`;
                  const doc = v.documents.find((d) => d.id === r.document_id);
                  return h('div', null, h('input', { type: 'checkbox', name: 'reports', value: r.id ?? '', id: cid }), h('label', { for: cid }, `${doc?.name ?? r.document_id} #${r.index}`));
                }),
              ),
              reason(),
            ],
            (d) => ({ incident: id, reports: d.getAll('reports').map(String), reason: d.get('reason') }),
            goTo,
          )
        : null,
    ),
  );
}
