/**
 * Clustering benchmark on the seeded synthetic stream: time, memory and B-cubed F1 against
 * the generator's truth. `npx tsx bench/cluster.bench.ts [--n 1000000] [--seed 42]`
 * CPU time is printed next to wall time: on a shared machine it is the fair one-core figure.
 * Targets (issue 5): 1,000,000 reports within 60 s on one core and 2 GB RSS, F1 >= 0.97.
 */
import { generateReports } from './cluster-synthetic.ts';
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
const { items, truth } = generateReports({ n, seed });
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
console.log(`cluster.bench  n=${n} seed=${seed}`);
console.log(`  generate     ${(genMs / 1000).toFixed(1)} s`);
console.log(`  cluster      ${(clusterMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (${((n / clusterMs) * 1000).toFixed(0)} reports/s wall)`);
console.log(`  peak RSS     ${mb(peakRss)}`);
console.log(`  incidents    predicted ${score.predictedClusters}, true ${score.goldClusters}, ratio ${(score.predictedClusters / score.goldClusters).toFixed(3)}`);
console.log(`  B-cubed      P ${score.precision.toFixed(4)}  R ${score.recall.toFixed(4)}  F1 ${score.f1.toFixed(4)}`);
