/**
 * Clustering benchmark on the seeded synthetic stream: time, memory and B-cubed F1 against
 * the generator's truth. `npx tsx bench/cluster.bench.ts [--n 1000000] [--seed 42] [--countries 6] [--breakdown]`
 * CPU time is printed next to wall time: on a shared machine it is the fair one-core figure.
 * Targets (issue 5): 1,000,000 reports within 60 s on one core and 2 GB RSS, F1 >= 0.97.
 */
import { generateReports, sliceCountries } from './cluster-synthetic.ts';
import { clusterItems } from '../src/corroborate/cluster.ts';
import { bcubed } from '../src/corroborate/bcubed.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const n = arg('n', 1_000_000);
const seed = arg('seed', 42);
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 200);

let t = performance.now();
const full = generateReports({ n, seed });
// --countries K: only the reports of K of the 60 countries, at the full stream's density (a
// smaller --n thins every country out and makes clustering easier than at 1M).
const keep = arg('countries', 0);
const { items, truth, kinds, shapes } = keep > 0 ? sliceCountries(full, keep) : full;
const genMs = performance.now() - t;
sample();
t = performance.now();
const cpu0 = process.cpuUsage();
const clusters = clusterItems(items);
const clusterMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
sample();
clearInterval(timer);
const score = bcubed(clusters, truth);

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`cluster.bench  n=${n} seed=${seed}${keep > 0 ? ` countries=${keep} (${items.length} reports)` : ''}`);
console.log(`  generate     ${(genMs / 1000).toFixed(1)} s`);
console.log(`  cluster      ${(clusterMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (${((items.length / clusterMs) * 1000).toFixed(0)} reports/s wall)`);
console.log(`  peak RSS     ${mb(peakRss)}`);
console.log(`  incidents    predicted ${score.predictedClusters}, true ${score.goldClusters}, ratio ${(score.predictedClusters / score.goldClusters).toFixed(3)}`);
console.log(`  B-cubed      P ${score.precision.toFixed(4)}  R ${score.recall.toFixed(4)}  F1 ${score.f1.toFixed(4)}`);

if (process.argv.includes('--breakdown')) {
  // Where F1 is lost. Precision: each wrongly co-clustered pair of items, weighted as B-cubed
  // weighs it, by how the two true incidents relate (a twin on the same day in another town,
  // a twin in the same town weeks later, or unrelated). Recall: each true pair split apart, by
  // the vaguer date and the vaguer place of the two reports.
  const truthOf = new Map<string, number>();
  truth.forEach((g, k) => g.forEach((id) => truthOf.set(id, k)));
  const relation = (x: number, y: number) => {
    if (kinds[x].base === y) return kinds[x].kind;
    if (kinds[y].base === x) return kinds[y].kind;
    return 'unrelated';
  };
  const pLoss = new Map<string, number>();
  const rLoss = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const predOf = new Map<string, number>();
  clusters.forEach((g, k) => g.forEach((id) => predOf.set(id, k)));
  for (const g of clusters) {
    if (g.length < 2) continue;
    for (const a of g) for (const b of g) if (truthOf.get(a) !== truthOf.get(b)) add(pLoss, relation(truthOf.get(a)!, truthOf.get(b)!), 1 / g.length / items.length);
  }
  const DATE = ['day', 'days', 'week', 'month', 'undated'];
  const PLACE = ['town', 'near', 'district', 'country', 'unplaced'];
  for (const g of truth) {
    if (g.length < 2) continue;
    for (const a of g)
      for (const b of g) {
        if (a === b || predOf.get(a) === predOf.get(b)) continue;
        const [da, pa] = shapes.get(a)!.split('/');
        const [db, pb] = shapes.get(b)!.split('/');
        add(rLoss, `${DATE[Math.max(DATE.indexOf(da), DATE.indexOf(db))]}/${PLACE[Math.max(PLACE.indexOf(pa), PLACE.indexOf(pb))]}`, 1 / g.length / items.length);
      }
  }
  const show = (title: string, m: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [k, v] of [...m].sort((x, y) => y[1] - x[1]).slice(0, 14)) console.log(`    ${k.padEnd(18)} ${(v * 100).toFixed(2)} points`);
  };
  show('precision lost, by relation of the merged true incidents:', pLoss);
  show('recall lost, by the vaguer date / vaguer place of the split pair:', rLoss);
}
