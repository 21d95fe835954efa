import { h, svg } from '../dom.ts';

/** A plain SVG bar chart, vertical (time) or horizontal (categories), optionally stacked. */
export interface Bar {
  key: string;
  /** Value per stack key (one entry "" when not stacked). */
  parts: Record<string, number>;
}

export interface BarChartOptions {
  title: string;
  orientation: 'vertical' | 'horizontal';
  colour: (stackKey: string, index: number) => string;
  unit: string;
}

export function barChart(bars: Bar[], o: BarChartOptions): HTMLElement {
  const stackKeys = [...new Set(bars.flatMap((b) => Object.keys(b.parts)))].sort();
  const total = (b: Bar) => Object.values(b.parts).reduce((s, x) => s + x, 0);
  const max = Math.max(1, ...bars.map(total));
  const id = `chart-${o.title.replace(/\W+/g, '-').toLowerCase()}`;
  let root: SVGSVGElement;
  if (o.orientation === 'vertical') {
    const W = 600;
    const H = 220;
    const pad = { l: 40, r: 8, t: 10, b: 26 };
    const iw = W - pad.l - pad.r;
    const ih = H - pad.t - pad.b;
    const bw = bars.length ? iw / bars.length : iw;
    root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t` });
    root.appendChild(svg('line', { x1: pad.l, y1: pad.t + ih, x2: W - pad.r, y2: pad.t + ih, class: 'axis' }));
    root.appendChild(svg('text', { x: pad.l - 4, y: pad.t + 8, 'text-anchor': 'end', class: 'tick' }, String(max)));
    const every = Math.max(1, Math.ceil(bars.length / 12));
    bars.forEach((b, i) => {
      let y = pad.t + ih;
      stackKeys.forEach((sk, j) => {
        const n = b.parts[sk] ?? 0;
        if (!n) return;
        const hh = (n / max) * ih;
        y -= hh;
        root.appendChild(svg('rect', { x: pad.l + i * bw + 1, y, width: Math.max(1, bw - 2), height: hh, fill: o.colour(sk, j) }, svg('title', {}, `${b.key}${sk ? ` · ${sk}` : ''}: ${n} ${o.unit}`)));
      });
      if (i % every === 0) root.appendChild(svg('text', { x: pad.l + i * bw + bw / 2, y: H - 8, 'text-anchor': 'middle', class: 'tick' }, b.key));
    });
  } else {
    const rowH = 22;
    const W = 600;
    const pad = { l: 150, r: 50, t: 4, b: 4 };
    const H = pad.t + pad.b + Math.max(1, bars.length) * rowH;
    const iw = W - pad.l - pad.r;
    root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t` });
    bars.forEach((b, i) => {
      const y = pad.t + i * rowH;
      root.appendChild(svg('text', { x: pad.l - 6, y: y + 15, 'text-anchor': 'end', class: 'tick' }, b.key.length > 22 ? `${b.key.slice(0, 21)}…` : b.key));
      let x = pad.l;
      stackKeys.forEach((sk, j) => {
        const n = b.parts[sk] ?? 0;
        if (!n) return;
        const w = (n / max) * iw;
        root.appendChild(svg('rect', { x, y: y + 3, width: w, height: rowH - 6, fill: o.colour(sk, j) }, svg('title', {}, `${b.key}${sk ? ` · ${sk}` : ''}: ${n} ${o.unit}`)));
        x += w;
      });
      root.appendChild(svg('text', { x: x + 4, y: y + 15, class: 'tick' }, String(total(b))));
    });
  }
  // The same numbers as a table, for screen readers and for copying.
  const table = h(
    'table',
    { class: 'visually-hidden' },
    h('caption', null, o.title),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Key'), stackKeys.map((sk) => h('th', { scope: 'col' }, sk || o.unit)))),
    h('tbody', null, bars.map((b) => h('tr', null, h('th', { scope: 'row' }, b.key), stackKeys.map((sk) => h('td', null, String(b.parts[sk] ?? 0)))))),
  );
  const legend =
    stackKeys.length > 1 || (stackKeys.length === 1 && stackKeys[0] !== '')
      ? h('ul', { class: 'legend' }, stackKeys.map((sk, j) => h('li', null, h('span', { class: 'swatch', style: `background:${o.colour(sk, j)}` }), sk)))
      : null;
  return h('figure', { class: 'chart' }, h('figcaption', { id: `${id}-t` }, o.title), root, legend, table);
}
