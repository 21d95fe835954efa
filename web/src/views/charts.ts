import { api, type Stats } from '../api.ts';
import { h, replace } from '../dom.ts';
import { GRADES, gradeColour, stackColour } from '../grades.ts';
import { currentState } from '../router.ts';
import { filterParams } from '../url-state.ts';
import { barChart, type Bar } from './bar-chart.ts';

/**
 * Charts of the kind the Long War Journal publishes for its strike databases: strikes per
 * year by belligerent, killed per year, killed by category, strikes by belligerent, country
 * and grade. They follow the same filters as the map (from the URL).
 */
const stacked = (s: Stats): Bar[] => s.buckets.map((b) => ({ key: b.key, parts: b.stacks ?? { '': b.incidents } }));
const counts = (s: Stats, field: 'incidents' | 'killed'): Bar[] => s.buckets.map((b) => ({ key: b.key, parts: { '': b[field] } }));

/** Years without strikes still get their (empty) place on a time axis. */
export function fillYears(bars: Bar[]): Bar[] {
  const years = bars.map((b) => Number(b.key)).filter(Number.isInteger);
  if (years.length !== bars.length || !bars.length) return bars;
  const have = new Map(bars.map((b) => [b.key, b]));
  const out: Bar[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push(have.get(String(y)) ?? { key: String(y), parts: {} });
  return out;
}

/** Largest number of incidents for which killed-by-category is summed in the browser. */
const CATEGORY_LIMIT = 2000;

export function chartsView(root: HTMLElement): () => void {
  const f = filterParams(currentState().filters);
  const grid = h('div', { class: 'chart-grid' });
  replace(
    root,
    h(
      'div',
      { class: 'charts-page' },
      h('h1', null, 'Charts'),
      h('p', { class: 'hint' }, Object.keys(f).length ? `Filtered: ${Object.entries(f).map(([k, v]) => `${k.replace(/_/g, ' ')} = ${v}`).join('; ')}` : 'All incidents. Filters chosen on the map apply here too.'),
      grid,
    ),
  );
  const slot = (title: string) => {
    const el = h('div', { class: 'chart-slot' }, h('p', null, `Loading ${title}…`));
    grid.appendChild(el);
    return el;
  };
  const fail = (el: HTMLElement) => (e: unknown) => replace(el, h('p', { class: 'error' }, `Unavailable: ${(e as Error).message}`));

  const perYear = slot('strikes per year');
  const killedYear = slot('killed per year');
  const category = slot('killed by category');
  const byBell = slot('strikes by belligerent');
  const byCountry = slot('strikes by country');
  const byGrade = slot('strikes by grade');

  api.stats({ ...f, by: 'year', stack: 'belligerent' }).then((s) => replace(perYear, barChart(fillYears(stacked(s)), { title: 'Strikes per year, by belligerent', orientation: 'vertical', colour: (k, i) => stackColour('belligerent', k, i), unit: 'strikes' }))).catch(fail(perYear));
  api.stats({ ...f, by: 'year' }).then((s) => replace(killedYear, barChart(fillYears(counts(s, 'killed')), { title: 'Killed per year (best estimate)', orientation: 'vertical', colour: () => '#7a1f1f', unit: 'killed' }))).catch(fail(killedYear));
  api.stats({ ...f, by: 'belligerent' }).then((s) => replace(byBell, barChart(counts(s, 'incidents').sort((a, b) => b.parts[''] - a.parts['']), { title: 'Strikes by belligerent', orientation: 'horizontal', colour: () => '#0072b2', unit: 'strikes' }))).catch(fail(byBell));
  api.stats({ ...f, by: 'country' }).then((s) => replace(byCountry, barChart(counts(s, 'incidents').sort((a, b) => b.parts[''] - a.parts['']), { title: 'Strikes by country', orientation: 'horizontal', colour: () => '#009e73', unit: 'strikes' }))).catch(fail(byCountry));
  api
    .stats({ ...f, by: 'grade' })
    .then((s) => {
      const order = new Map(GRADES.map((g, i) => [g as string, i]));
      const bars = s.buckets.sort((a, b) => (order.get(a.key) ?? 9) - (order.get(b.key) ?? 9)).map((b) => ({ key: b.key, parts: { [b.key]: b.incidents } }));
      replace(byGrade, barChart(bars, { title: 'Strikes by grade', orientation: 'horizontal', colour: (k) => gradeColour(k), unit: 'strikes' }));
    })
    .catch(fail(byGrade));
  killedByCategory(f)
    .then((bars) => replace(category, bars ? barChart(fillYears(bars), { title: 'Killed per year, by category (best estimate)', orientation: 'vertical', colour: (k) => (k === 'civilians' ? '#d55e00' : '#555555'), unit: 'killed' }) : h('p', null, `Killed by category is summed in the browser for up to ${CATEGORY_LIMIT} incidents; narrow the filters.`)))
    .catch(fail(category));
  return () => {};
}

/** Civilians vs others killed per year, summed from the incident list (null when too many). */
async function killedByCategory(f: Record<string, string>): Promise<Bar[] | null> {
  const years = new Map<string, { civilians: number; others: number }>();
  let cursor: string | undefined;
  let seen = 0;
  for (;;) {
    const page = await api.incidents({ ...f, limit: 500, cursor });
    if (page.total_exact === false || page.total > CATEGORY_LIMIT) return null;
    for (const it of page.items) {
      if (!it.date_start) continue;
      const y = it.date_start.slice(0, 4);
      const cur = years.get(y) ?? { civilians: 0, others: 0 };
      const civ = it.civilians_best ?? 0;
      cur.civilians += civ;
      cur.others += Math.max(0, (it.killed_best ?? 0) - civ);
      years.set(y, cur);
    }
    seen += page.items.length;
    if (!page.next_cursor || seen >= page.total) break;
    cursor = page.next_cursor;
  }
  return [...years.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([key, v]) => ({ key, parts: { civilians: v.civilians, others: v.others } }));
}
