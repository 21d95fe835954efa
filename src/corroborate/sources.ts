/**
 * Independent sources: syndicated copies of one wire story count once.
 *
 * Two texts are copies when most of the shorter one's word 5-shingles also occur in the
 * other (containment >= 0.5): a republished AFP story that an outlet cut short or topped with
 * its own headline still matches, while two outlets writing about the same strike in their
 * own words share only names and figures, far below that. Shingles are hashed (FNV-1a) over
 * lower-cased letter/digit words, so any script works.
 */

const SHINGLE = 5;
export const COPY_CONTAINMENT = 0.5;

/** Hashed word shingles of a text. */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

/** |A ∩ B| / min(|A|, |B|): 1 when one text is contained in the other. */
export function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (big.has(h)) shared++;
  return shared / small.size;
}

/**
 * Groups documents into independent sources: each group is one story and its copies.
 * Groups are sorted (ids inside, groups by first id) so the result does not depend on order.
 */
export function sourceGroups(docs: readonly { id: string; text: string }[]): string[][] {
  const sorted = [...docs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const sh = sorted.map((d) => shingles(d.text));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++)
      if (containment(sh[i], sh[j]) >= COPY_CONTAINMENT) parent[find(j)] = find(i);
  const groups = new Map<number, string[]>();
  sorted.forEach((d, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) {
      if (!g.includes(d.id)) g.push(d.id);
    } else groups.set(r, [d.id]);
  });
  return [...groups.values()].sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
