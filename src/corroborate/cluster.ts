import type { ClusterItem } from './item.ts';
import { candidateEdges, type Edges } from './blocking.ts';
import type { EventType } from '../domain/index.ts';
import { anchors, consistent, sameProfile, scorePair, LINK_THRESHOLD } from './pair.ts';
import { mergeProfiles } from './profile.ts';

/** The weapons in the order a tie in counts is broken: named kinds first. */
const EVENTS: readonly EventType[] = ['drone_strike', 'airstrike', 'missile_strike', 'air_raid_unspecified', 'other'];

/**
 * Clustering: reports -> groups of report ids, one group per strike.
 *
 * Deterministic and order-independent by construction: items are sorted by id, linked pairs
 * (score >= threshold) are taken strongest first with ties broken by id, and two groups are
 * joined only when no report of one contradicts a report of the other (so a
 * vague "somewhere in the region" report cannot chain two towns' strikes together).
 *
 * Groups are scored as incidents, not through their nearest members: beyond two single reports,
 * a link joins two groups only when their profiles (profile.ts: the window all members share,
 * the narrowest place, every target named...) still score a link. Single-link scores chain: a
 * strike two days later links to the week-wide report of the first strike, not to the strike.
 *
 * Vague reports attach, they do not bridge: a report with no date, no place or only the
 * country says too little to tell two strikes of one week apart, so a link through it never
 * joins two groups that each hold an anchored (dated and placed) report; it attaches to the
 * group it links to first, i.e. best. Anchored groups join only through their own links.
 * Undated reports come last: first the dated reports are grouped, then each undated one joins
 * the group it links to clearly best (see ATTACH_MARGIN), then undated reports link among
 * themselves. The result for a set of reports depends only on the linked pairs among them: clustering the
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
  // Report id -> position, only needed to apply analyst constraints.
  const index = new Map<string, number>();
  if (constraints.mustLink.length > 0 || constraints.cannotLink.length > 0) items.forEach((it, i) => index.set(it.id, i));

  const parent = Int32Array.from(items, (_, i) => i);
  // Per item, whether it is anchored; per group root, whether the group holds an anchored item.
  const anchored = Uint8Array.from(items, (it) => (anchors(it) ? 1 : 0));
  const held = Uint8Array.from(anchored);
  const members: number[][] = items.map((_, i) => [i]);
  // Per group root, the group's profile (profile.ts) and how many of its members name each weapon.
  const profile: ClusterItem[] = [...items];
  const events = new Int32Array(items.length * EVENTS.length);
  items.forEach((it, i) => events[i * EVENTS.length + EVENTS.indexOf(it.event)]++);
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
    held[big] |= held[small];
    for (const m of members[small]) members[big].push(m);
    members[small] = [];
    let top = 0;
    for (let e = 0; e < EVENTS.length; e++) {
      events[big * EVENTS.length + e] += events[small * EVENTS.length + e];
      if (events[big * EVENTS.length + e] > events[big * EVENTS.length + top]) top = e;
    }
    profile[big] = mergeProfiles(profile[big], profile[small], EVENTS[top]);
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
  // Links in order; the candidates below LINK_THRESHOLD (undated reports' rivals) only matter
  // in step 2, which takes maxima and needs no order, so they are not sorted.
  const [ea, eb] = strongestFirst(linksOf(edges), items.length);
  const undated = Uint8Array.from(items, (it) => (it.day0 === null ? 1 : 0));
  const link = (x: number, y: number) => {
    const ra = find(x);
    const rb = find(y);
    if (ra === rb) return;
    // A link with a vague end joins at most one anchored group: it attaches, never bridges.
    if ((anchored[x] & anchored[y]) === 0 && held[ra] & held[rb]) return;
    // Beyond two single reports, the link must hold between what the two groups say together.
    if ((members[ra].length > 1 || members[rb].length > 1) && scorePair(profile[ra], profile[rb]) < LINK_THRESHOLD) return;
    if (joinable(members[ra], members[rb], items, forbidden)) union(ra, rb);
  };
  // 1. Dated reports, strongest link first.
  for (let k = 0; k < ea.length; k++) if ((undated[ea[k]] | undated[eb[k]]) === 0) link(ea[k], eb[k]);
  // 2. An undated report joins the group of dated reports it links to best, when that group
  // beats every other candidate (down to RIVAL_FLOOR) by ATTACH_MARGIN; or the one group it
  // fits at all, from RIVAL_FLOOR on, when no other strike is a candidate. Without a date, a
  // report of a strike on a town fits the strikes there over the years, and a guess among
  // them costs more than leaving the report alone. Decided from the groups of step 1 only,
  // so no attachment depends on another. A report fits a group of several as well as it links
  // to one member or to the group's profile, whichever is better: the profile gathers the
  // target, striker and toll that each member gives only in part.
  const bestScore = new Float64Array(items.length).fill(-Infinity);
  const bestWith = new Int32Array(items.length).fill(-1); // the dated report of the best edge (ties: the first)
  const runnerUp = new Float64Array(items.length).fill(-Infinity);
  // Per edge with one undated end, how well that report fits the other end's group; the
  // profile is asked only for the groups it links to nearly as well as to its best (within
  // PROFILE_REACH: an undated report has a candidate in every strike on its town over the
  // years), once per report and group (edges of one report come together from blocking, so
  // the last report seen per group is memo enough).
  const fit = new Float64Array(edges.length);
  const memoFor = new Int32Array(items.length).fill(-1);
  const memo = new Float64Array(items.length);
  const pairBest = new Float64Array(items.length).fill(-Infinity);
  for (let k = 0; k < edges.length; k++) {
    const x = edges.a[k];
    const y = edges.b[k];
    if ((undated[x] ^ undated[y]) === 0) continue;
    const v = undated[x] ? x : y;
    if (edges.score[k] > pairBest[v]) pairBest[v] = edges.score[k];
  }
  for (let k = 0; k < edges.length; k++) {
    const x = edges.a[k];
    const y = edges.b[k];
    if ((undated[x] ^ undated[y]) === 0) continue;
    const v = undated[x] ? x : y;
    const u = undated[x] ? y : x;
    const r = find(u);
    let s = edges.score[k];
    if (members[r].length > 1 && s >= pairBest[v] - PROFILE_REACH) {
      if (memoFor[r] !== v) [memoFor[r], memo[r]] = [v, scorePair(items[v], profile[r])];
      s = Math.max(s, memo[r]);
    }
    fit[k] = s;
    if (s > bestScore[v] || (s === bestScore[v] && u < bestWith[v])) [bestScore[v], bestWith[v]] = [s, u];
  }
  for (let k = 0; k < edges.length; k++) {
    const x = edges.a[k];
    const y = edges.b[k];
    if ((undated[x] ^ undated[y]) === 0) continue;
    const v = undated[x] ? x : y;
    if (find(undated[x] ? y : x) !== find(bestWith[v])) runnerUp[v] = Math.max(runnerUp[v], fit[k]);
  }
  for (let v = 0; v < items.length; v++) {
    if (bestWith[v] < 0) continue;
    const u = bestWith[v];
    const clear = bestScore[v] >= LINK_THRESHOLD ? bestScore[v] - runnerUp[v] >= ATTACH_MARGIN : runnerUp[v] === -Infinity && sameProfile(items[v], items[u]);
    if (clear) link(v, u);
  }
  // 3. Undated reports link among themselves, and through each other to at most one group.
  for (let k = 0; k < ea.length; k++) if (undated[ea[k]] & undated[eb[k]]) link(ea[k], eb[k]);

  const groups: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    if (find(i) !== i) continue;
    groups.push(members[i].map((m) => items[m].id).sort(cmp));
  }
  return groups.sort((x, y) => cmp(x[0], y[0]));
}

/** The edges scoring at least LINK_THRESHOLD. */
function linksOf(edges: Edges): Edges {
  let m = 0;
  for (let k = 0; k < edges.length; k++) if (edges.score[k] >= LINK_THRESHOLD) m++;
  const out: Edges = { a: new Int32Array(m), b: new Int32Array(m), score: new Float64Array(m), length: m };
  for (let k = 0, j = 0; k < edges.length; k++) {
    if (edges.score[k] < LINK_THRESHOLD) continue;
    out.a[j] = edges.a[k];
    out.b[j] = edges.b[k];
    out.score[j++] = edges.score[k];
  }
  return out;
}

/** How much better an undated report must link to one group of dated reports than to any other to join it. */
export const ATTACH_MARGIN = 0.2;
/** How far below an undated report's best link a group's member may link for the group's profile to be asked at all. */
const PROFILE_REACH = 0.5;

/** Scores are ordered to this resolution; closer ones are ties, broken by item order. */
const SCORE_STEP = 1e-5;
const SCORE_SPAN = 40;
const IDX_BITS = 21;

/**
 * The edges' ends and scores, strongest link first, ties by first then second item index. A million
 * reports give a few million edges, and a comparator sort of that many costs seconds: each
 * edge becomes one 64-bit key (22 bits of score rank, 21 + 21 bits of indexes), written as two
 * 32-bit halves, and the keys are sorted natively (the scores come back to SCORE_STEP).
 * Beyond 2^21 items, the comparator sort.
 */
export function strongestFirst(edges: Edges, n: number): [Int32Array, Int32Array, Float64Array] {
  const m = edges.length;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const score = new Float64Array(m);
  if (n >= 2 ** IDX_BITS) {
    const order = Uint32Array.from({ length: m }, (_, k) => k);
    order.sort((p, q) => edges.score[q] - edges.score[p] || edges.a[p] - edges.a[q] || edges.b[p] - edges.b[q]);
    order.forEach((k, r) => ((a[r] = edges.a[k]), (b[r] = edges.b[k]), (score[r] = edges.score[k])));
    return [a, b, score];
  }
  const keys = new BigUint64Array(m);
  const half = new Uint32Array(keys.buffer); // little-endian halves: [lo, hi] per key
  const top = LINK_THRESHOLD + SCORE_SPAN;
  const maxRank = 2 ** (64 - 2 * IDX_BITS) - 1;
  const low = 2 ** (IDX_BITS - 11) - 1;
  for (let k = 0; k < m; k++) {
    const rank = Math.min(maxRank, Math.max(0, Math.floor((top - edges.score[k]) / SCORE_STEP)));
    const x = edges.a[k];
    const y = edges.b[k];
    half[2 * k + 1] = ((rank << (2 * IDX_BITS - 32)) | (x >>> 11)) >>> 0;
    half[2 * k] = (((x & 0x7ff) << IDX_BITS) | y) >>> 0;
  }
  keys.sort();
  for (let k = 0; k < m; k++) {
    const hi = half[2 * k + 1];
    const lo = half[2 * k];
    a[k] = ((hi & low) << 11) | (lo >>> IDX_BITS);
    b[k] = lo & (2 ** IDX_BITS - 1);
    score[k] = top - (hi >>> (2 * IDX_BITS - 32)) * SCORE_STEP;
  }
  return [a, b, score];
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
