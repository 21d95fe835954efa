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
  const byYear = api.stats({ ...f, by: 'year' }); // one request feeds both killed charts
  byYear.then((s) => replace(killedYear, barChart(fillYears(counts(s, 'killed')), { title: 'Killed per year (best estimate)', orientation: 'vertical', colour: () => '#7a1f1f', unit: 'killed' }))).catch(fail(killedYear));
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
  byYear
    .then((s) => replace(category, barChart(fillYears(killedByCategory(s)), { title: 'Killed per year, by category (best estimate)', orientation: 'vertical', colour: (k) => (k === 'civilians' ? '#d55e00' : '#555555'), unit: 'killed' })))
    .catch(fail(category));
  return () => {};
}

/** Civilians vs others killed per bucket, from the server's sums (any number of incidents). */
export function killedByCategory(s: Stats): Bar[] {
  return s.buckets.map((b) => ({ key: b.key, parts: { civilians: b.civilians, others: Math.max(0, b.killed - b.civilians) } }));
}
