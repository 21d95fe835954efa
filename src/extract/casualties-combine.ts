/**
 * Casualty mentions and how they weigh against each other: overlapping readings of one figure
 * reduced to the longest, one-person readings ("X was killed") giving way to real figures, and
 * the several figures for one strike combined into one range. Apart from the scan
 * (casualties.ts) because the assembly combines mentions found in several passages.
 */
export interface CasualtyMention {
  category: 'killed' | 'injured' | 'civilians_killed';
  range: { min: number | null; max: number | null };
  span: [number, number];
  text: string;
  /** Who the figure counts: "civilians", "militants", "people"... null when unsaid. */
  who: string | null;
  /** Said to come on top of another figure: "the strike also killed three fighters". */
  additive?: boolean;
}

/** Mentions from one-person patterns, which give way to real figures. */
export const WEAK = new WeakSet<CasualtyMention>();

/** Within one category, overlapping mentions keep the longest; one-person readings give way to figures. */
export function dedupe(ms: CasualtyMention[]): CasualtyMention[] {
  const weak = (m: CasualtyMention): number => (WEAK.has(m) ? 1 : 0);
  const sorted = [...ms].sort((a, b) => weak(a) - weak(b) || b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
  const kept: CasualtyMention[] = [];
  for (const m of sorted) {
    const clash = kept.some((k) => k.category === m.category && m.span[0] < k.span[1] && k.span[0] < m.span[1]);
    if (!clash) kept.push(m);
  }
  return kept;
}

/** min = lowest known minimum; max = highest known maximum, open when an open figure exceeds it. */
function plain(mentions: CasualtyMention[]): { min: number | null; max: number | null } | null {
  if (mentions.length === 0) return null;
  const mins = mentions.map((m) => m.range.min).filter((x): x is number => x !== null);
  const maxs = mentions.map((m) => m.range.max).filter((x): x is number => x !== null);
  const min = mins.length > 0 ? Math.min(...mins) : null;
  let max = maxs.length > 0 ? Math.max(...maxs) : null;
  const openMins = mentions.filter((m) => m.range.max === null && m.range.min !== null).map((m) => m.range.min as number);
  if (max !== null && openMins.some((x) => x > (max as number))) max = null;
  if (min === null && max === null) return null;
  return { min, max };
}

/**
 * Several figures for one category (one strike) -> one range: min = the lowest known minimum;
 * max = the highest known maximum, left open when no figure sets one or when an open-ended
 * figure ("at least 22") exceeds every known maximum. "at least 6" + "seven" -> 6..7;
 * "some 61" + "as many as 200" -> 61..200. Figures said to come on top of the others ("the
 * strike also killed three fighters") are added once per group of people: 17 civilians +
 * also 3 fighters -> 20. A one-person reading ("X was killed") yields to any figure but a
 * zero: "killed Zawahiri" + "caused no casualties" -> 0..1, the disagreement kept. Null
 * when there is nothing to combine.
 */
export function combineRanges(all: CasualtyMention[]): { min: number | null; max: number | null } | null {
  if (!Array.isArray(all) || all.length === 0) return null;
  // "Soleimani was killed" counts one; next to a figure ("eight people died") it is one of them.
  // A zero ("caused no casualties") cannot hold that one: the two readings disagree and both stay.
  const strong = all.filter((m) => !WEAK.has(m));
  const onlyZeros = strong.every((m) => m.range.max === 0);
  const mentions = strong.length > 0 && !onlyZeros ? strong : all;
  const base = mentions.filter((m) => !m.additive);
  const extra = mentions.filter((m) => m.additive);
  if (base.length === 0) return plain(extra);
  const total = plain(base);
  if (!total) return plain(mentions);
  const baseWho = new Set(base.map((m) => m.who));
  const groups = new Map<string, CasualtyMention[]>();
  for (const e of extra) {
    if (baseWho.has(e.who)) continue; // the same people told again
    const k = e.who ?? '';
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  let { min, max } = total;
  for (const g of groups.values()) {
    const r = plain(g);
    if (!r) continue;
    min = min !== null && r.min !== null ? min + r.min : min;
    max = max !== null && r.max !== null ? max + r.max : null;
  }
  return { min, max };
}
