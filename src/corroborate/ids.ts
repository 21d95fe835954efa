import { cmp } from './cluster.ts';

/**
 * Stable incident ids, SW-<ISO2|XX>-<YEAR|0000>-<NNNN>.
 *
 * After a (re-)clustering, every previous incident is matched to the new group holding most
 * of its reports (ties to the group with the smallest first report id). A group keeps the id
 * of the previous incident it holds most of, provided at least half of that incident's reports
 * are still there ("most of its reports stay"); the other previous incidents matched to it
 * redirect to that id (a merge). A group with no such predecessor gets a fresh number, and
 * the previous incidents matched to it redirect there. Previous incidents none of whose reports
 * remain are removed. Numbers are never reused: `nextNumber(prefix)` must count redirected ids.
 */
export interface IdDraft {
  report_ids: readonly string[];
  country: string | null;
  /** Year of the incident's date window start. */
  year: number | null;
}

export interface IdAssignment {
  /** Id for each draft, in order. */
  ids: string[];
  /** Previous ids that now point to another incident. */
  redirects: { from: string; to: string }[];
  /** Previous ids that no longer exist (redirected or gone). */
  removed: string[];
}

export function idPrefix(country: string | null, year: number | null): string {
  const c = country && /^[A-Z]{2}$/.test(country) ? country : 'XX';
  const y = year !== null && year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : '0000';
  return `SW-${c}-${y}-`;
}

export function formatId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(4, '0')}`;
}

export function assignIds(
  drafts: readonly IdDraft[],
  previous: ReadonlyMap<string, readonly string[]>,
  nextNumber: (prefix: string) => number,
): IdAssignment {
  const draftOf = new Map<string, number>();
  drafts.forEach((d, k) => d.report_ids.forEach((r) => draftOf.set(r, k)));
  const firstId = drafts.map((d) => [...d.report_ids].sort(cmp)[0] ?? '');

  // previous incident -> (draft it goes to, overlap)
  const claims = new Map<number, { id: string; overlap: number; size: number }[]>();
  const removed: string[] = [];
  for (const [id, reports] of [...previous].sort((a, b) => cmp(a[0], b[0]))) {
    const overlap = new Map<number, number>();
    for (const r of reports) {
      const k = draftOf.get(r);
      if (k !== undefined) overlap.set(k, (overlap.get(k) ?? 0) + 1);
    }
    if (overlap.size === 0) {
      removed.push(id);
      continue;
    }
    const [best, n] = [...overlap].sort((a, b) => b[1] - a[1] || cmp(firstId[a[0]], firstId[b[0]]))[0];
    let list = claims.get(best);
    if (!list) claims.set(best, (list = []));
    list.push({ id, overlap: n, size: reports.length });
  }

  const counters = new Map<string, number>();
  const fresh = (d: IdDraft) => {
    const prefix = idPrefix(d.country, d.year);
    const n = counters.get(prefix) ?? nextNumber(prefix);
    counters.set(prefix, n + 1);
    return formatId(prefix, n);
  };

  const redirects: { from: string; to: string }[] = [];
  // Fresh numbers are handed out in a canonical order (by first report id), not input order.
  const order = drafts.map((_, k) => k).sort((a, b) => cmp(firstId[a], firstId[b]));
  const ids: string[] = new Array(drafts.length);
  for (const k of order) {
    const list = claims.get(k) ?? [];
    const keeper = list
      .filter((c) => c.overlap * 2 >= c.size)
      .sort((a, b) => b.overlap - a.overlap || cmp(a.id, b.id))[0];
    ids[k] = keeper ? keeper.id : fresh(drafts[k]);
    for (const c of list)
      if (c.id !== ids[k]) {
        redirects.push({ from: c.id, to: ids[k] });
        removed.push(c.id);
      }
  }
  return { ids, redirects, removed: removed.sort(cmp) };
}
