/**
 * B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering against the truth,
 * averaged over items. Items missing from either side count as singletons there.
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
  predictedClusters: number;
  goldClusters: number;
}

export function bcubed(predicted: readonly (readonly string[])[], gold: readonly (readonly string[])[]): BCubed {
  const predOf = labelMap(predicted);
  const goldOf = labelMap(gold);
  const items = new Set<string>([...predOf.keys(), ...goldOf.keys()]);
  let uniq = predicted.length + gold.length;
  // Items present on one side only become singletons on the other.
  for (const id of items) {
    if (!predOf.has(id)) predOf.set(id, uniq++);
    if (!goldOf.has(id)) goldOf.set(id, uniq++);
  }
  const predSize = new Map<number, number>();
  const goldSize = new Map<number, number>();
  const both = new Map<string, number>();
  for (const id of items) {
    const p = predOf.get(id)!;
    const g = goldOf.get(id)!;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    const k = `${p}|${g}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const id of items) {
    const pl = predOf.get(id)!;
    const gl = goldOf.get(id)!;
    const n = both.get(`${pl}|${gl}`)!;
    p += n / predSize.get(pl)!;
    r += n / goldSize.get(gl)!;
  }
  const n = items.size || 1;
  const precision = p / n;
  const recall = r / n;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    items: items.size,
    predictedClusters: predSize.size,
    goldClusters: goldSize.size,
  };
}

function labelMap(clusters: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  clusters.forEach((c, k) => {
    for (const id of c) m.set(id, k);
  });
  return m;
}
