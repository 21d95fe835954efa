import type { ClusterItem } from './item.ts';
import { candidateEdges } from './blocking.ts';
import { consistent } from './pair.ts';

/**
 * Clustering: reports -> groups of report ids, one group per strike.
 *
 * Deterministic and order-independent by construction: items are sorted by id, linked pairs
 * (score >= threshold) are taken strongest first with ties broken by id, and two groups are
 * joined only when no report of one contradicts a report of the other (so a
 * vague "somewhere in the region" report cannot chain two towns' strikes together). The
 * result for a set of reports depends only on the linked pairs among them: clustering the
 * connected component of a new report (the incremental path) gives exactly what a full
 * re-cluster gives.
 *
 * Analyst decisions enter as constraints: `mustLink` groups are joined first, whatever the
 * scores; `cannotLink` pairs are never put in one group by the automatic pass.
 */
export interface Constraints {
  mustLink: string[][];
  cannotLink: [string, string][];
}

export const NO_CONSTRAINTS: Constraints = { mustLink: [], cannotLink: [] };

/** Groups of report ids, each sorted, the groups sorted by their first id. */
export function clusterItems(input: readonly ClusterItem[], constraints: Constraints = NO_CONSTRAINTS): string[][] {
  const items = [...input].sort((x, y) => cmp(x.id, y.id));
  for (let k = 1; k < items.length; k++) {
    if (items[k].id === items[k - 1].id) throw new Error(`report ${items[k].id} given twice to clustering`);
  }
  const index = new Map<string, number>();
  items.forEach((it, i) => index.set(it.id, i));

  const parent = Int32Array.from(items, (_, i) => i);
  const members: number[][] = items.map((_, i) => [i]);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (ra: number, rb: number) => {
    const [big, small] = members[ra].length >= members[rb].length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    for (const m of members[small]) members[big].push(m);
    members[small] = [];
  };

  for (const group of constraints.mustLink) {
    const idx = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (let k = 1; k < idx.length; k++) {
      const ra = find(idx[0]);
      const rb = find(idx[k]);
      if (ra !== rb) union(ra, rb);
    }
  }
  const forbidden = new Map<number, Set<number>>();
  for (const [x, y] of constraints.cannotLink) {
    const i = index.get(x);
    const j = index.get(y);
    if (i === undefined || j === undefined) continue;
    addTo(forbidden, i, j);
    addTo(forbidden, j, i);
  }

  const edges = candidateEdges(items);
  const order = new Uint32Array(edges.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  order.sort((p, q) => edges.score[q] - edges.score[p] || edges.a[p] - edges.a[q] || edges.b[p] - edges.b[q]);

  for (const k of order) {
    const ra = find(edges.a[k]);
    const rb = find(edges.b[k]);
    if (ra === rb) continue;
    if (joinable(members[ra], members[rb], items, forbidden)) union(ra, rb);
  }

  const groups: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    if (find(i) !== i) continue;
    groups.push(members[i].map((m) => items[m].id).sort(cmp));
  }
  return groups.sort((x, y) => cmp(x[0], y[0]));
}

/**
 * Complete-linkage check: no cross pair contradicts (one document, dates, distance, country)
 * and none is forbidden by an analyst. Only contradictions count here, not missing evidence:
 * the links that join the groups already carry the evidence.
 */
function joinable(xs: number[], ys: number[], items: readonly ClusterItem[], forbidden: Map<number, Set<number>>): boolean {
  for (const x of xs) {
    const no = forbidden.get(x);
    for (const y of ys) {
      if (no?.has(y)) return false;
      if (!consistent(items[x], items[y])) return false;
    }
  }
  return true;
}

function addTo(m: Map<number, Set<number>>, k: number, v: number): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

/** Plain code-unit order: stable across locales, unlike localeCompare. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
