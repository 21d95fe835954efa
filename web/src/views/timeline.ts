import { api, type Stats } from '../api.ts';
import { h, svg, replace } from '../dom.ts';
import { GRADES, stackColour } from '../grades.ts';
import { bucketEnd, bucketStart, keyRange } from '../time-buckets.ts';
import { filterParams, type ViewState } from '../url-state.ts';

/**
 * The timeline: incidents per week or month, stacked by grade or belligerent, as plain SVG.
 * Dragging across it brushes the date range (the same range the date fields hold, so keyboard
 * users set it there). It ignores the date filter itself, so the whole history stays visible
 * with the chosen range shaded.
 */
const W = 400;
const H = 130;
const PAD = { l: 34, r: 8, t: 8, b: 22 };

export interface Timeline {
  el: HTMLElement;
  refresh(state: ViewState): void;
}

export function createTimeline(onBrush: (from: string | null, to: string | null) => void, onOptions: (by: 'week' | 'month', stack: 'grade' | 'belligerent') => void): Timeline {
  const chart = h('div', { class: 'timeline-chart' });
  const legend = h('ul', { class: 'legend', 'aria-label': 'Timeline legend' });
  const bySel = h(
    'select',
    { id: 'tl-by', onchange: () => onOptions(bySel.value as 'week' | 'month', stackSel.value as 'grade' | 'belligerent') },
    h('option', { value: 'month' }, 'per month'),
    h('option', { value: 'week' }, 'per week'),
  );
  const stackSel = h(
    'select',
    { id: 'tl-stack', onchange: () => onOptions(bySel.value as 'week' | 'month', stackSel.value as 'grade' | 'belligerent') },
    h('option', { value: 'grade' }, 'by grade'),
    h('option', { value: 'belligerent' }, 'by belligerent'),
  );
  const clear = h('button', { type: 'button', class: 'link', onclick: () => onBrush(null, null) }, 'All dates');
  const el = h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'tl-title' },
    h(
      'div',
      { class: 'timeline-head' },
      h('h2', { id: 'tl-title' }, 'Timeline'),
      h('label', { for: 'tl-by', class: 'visually-hidden' }, 'Bucket'),
      bySel,
      h('label', { for: 'tl-stack', class: 'visually-hidden' }, 'Stack'),
      stackSel,
      clear,
    ),
    chart,
    legend,
    h('p', { class: 'hint' }, 'Drag across the bars to choose a date range.'),
  );
  let ctrl: AbortController | null = null;

  const draw = (stats: Stats, s: ViewState) => {
    const by = s.by;
    const buckets = new Map(stats.buckets.map((b) => [b.key, b]));
    const keys = stats.buckets.length ? keyRange(by, stats.buckets[0].key, stats.buckets[stats.buckets.length - 1].key) : [];
    const stackKeys = s.stack === 'grade' ? [...GRADES] : [...new Set(stats.buckets.flatMap((b) => Object.keys(b.stacks ?? {})))].sort();
    const max = Math.max(1, ...stats.buckets.map((b) => b.incidents));
    const iw = W - PAD.l - PAD.r;
    const ih = H - PAD.t - PAD.b;
    const bw = keys.length ? iw / keys.length : iw;
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Incidents ${by === 'week' ? 'per week' : 'per month'}, stacked by ${s.stack}`, class: 'tl-svg' });
    root.appendChild(svg('line', { x1: PAD.l, y1: PAD.t + ih, x2: W - PAD.r, y2: PAD.t + ih, class: 'axis' }));
    root.appendChild(svg('text', { x: PAD.l - 4, y: PAD.t + 8, 'text-anchor': 'end', class: 'tick' }, String(max)));
    root.appendChild(svg('text', { x: PAD.l - 4, y: PAD.t + ih, 'text-anchor': 'end', class: 'tick' }, '0'));
    // The brushed range, shaded.
    const from = s.filters.event_date_from;
    const to = s.filters.event_date_to;
    if ((from || to) && keys.length) {
      const i0 = from ? keys.findIndex((k) => bucketEnd(by, k) >= from) : 0;
      let i1 = to ? keys.findIndex((k) => bucketStart(by, k) > to) : keys.length;
      if (i1 < 0) i1 = keys.length;
      if (i0 >= 0 && i1 > i0) root.appendChild(svg('rect', { x: PAD.l + i0 * bw, y: PAD.t, width: (i1 - i0) * bw, height: ih, class: 'brushed' }));
    }
    keys.forEach((k, i) => {
      const b = buckets.get(k);
      if (!b) return;
      let y = PAD.t + ih;
      const parts = s.stack && b.stacks ? stackKeys.map((sk) => [sk, b.stacks![sk] ?? 0] as const) : [['all', b.incidents] as const];
      parts.forEach(([sk, n], j) => {
        if (!n) return;
        const hgt = (n / max) * ih;
        y -= hgt;
        root.appendChild(
          svg(
            'rect',
            { x: PAD.l + i * bw + (bw > 3 ? 0.5 : 0), y, width: Math.max(0.8, bw - (bw > 3 ? 1 : 0)), height: hgt, fill: stackColour(s.stack, sk, j) },
            svg('title', {}, `${k}: ${n} ${sk}`),
          ),
        );
      });
    });
    if (keys.length) {
      const labelEvery = Math.max(1, Math.ceil(keys.length / 6));
      keys.forEach((k, i) => {
        if (i % labelEvery) return;
        root.appendChild(svg('text', { x: PAD.l + i * bw, y: H - 6, class: 'tick' }, by === 'month' ? k : k.slice(0, 7)));
      });
    } else {
      root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'tick' }, 'No dated incidents'));
    }
    // Brushing: pointer drag over the plot maps to bucket indexes.
    const sel = svg('rect', { x: 0, y: PAD.t, width: 0, height: ih, class: 'brush', visibility: 'hidden' });
    root.appendChild(sel);
    const toIndex = (ev: PointerEvent) => {
      const box = root.getBoundingClientRect();
      const x = ((ev.clientX - box.left) / box.width) * W;
      return Math.max(0, Math.min(keys.length - 1, Math.floor((x - PAD.l) / bw)));
    };
    let start: number | null = null;
    root.addEventListener('pointerdown', (ev) => {
      if (!keys.length) return;
      start = toIndex(ev);
      root.setPointerCapture(ev.pointerId);
      sel.setAttribute('visibility', 'visible');
      sel.setAttribute('x', String(PAD.l + start * bw));
      sel.setAttribute('width', String(bw));
    });
    root.addEventListener('pointermove', (ev) => {
      if (start === null) return;
      const i = toIndex(ev);
      const a = Math.min(start, i);
      sel.setAttribute('x', String(PAD.l + a * bw));
      sel.setAttribute('width', String((Math.abs(i - start) + 1) * bw));
    });
    root.addEventListener('pointerup', (ev) => {
      if (start === null) return;
      const i = toIndex(ev);
      const a = Math.min(start, i);
      const b = Math.max(start, i);
      start = null;
      onBrush(bucketStart(by, keys[a]), bucketEnd(by, keys[b]));
    });
    replace(chart, root);
    replace(
      legend,
      stackKeys
        .filter((sk) => stats.buckets.some((b) => b.stacks?.[sk]))
        .map((sk, j) => h('li', null, h('span', { class: 'swatch', style: `background:${stackColour(s.stack, sk, stackKeys.indexOf(sk) >= 0 ? stackKeys.indexOf(sk) : j)}` }), sk)),
    );
  };

  return {
    el,
    refresh(s: ViewState) {
      bySel.value = s.by;
      stackSel.value = s.stack;
      ctrl?.abort();
      ctrl = new AbortController();
      const params = { ...filterParams(s.filters, ['event_date_from', 'event_date_to']), by: s.by, stack: s.stack };
      api
        .stats(params, ctrl.signal)
        .then((st) => draw(st, s))
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') replace(chart, h('p', { class: 'error' }, `Timeline unavailable: ${(e as Error).message}`));
        });
    },
  };
}
