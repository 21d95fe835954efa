/**
 * The synthetic stream's own ceiling: how well an oracle that knows every true strike (day,
 * place, target, striker, weapon, toll, detail) can put each report back with its strike,
 * given only the report's blurred fields. Many reports fit several strikes alike (an undated
 * report of a town struck several times over the years, a country-wide report of a week with
 * several strikes on the same group): no clusterer can do better than the oracle on those.
 * `npx tsx bench/cluster-ceiling.ts [--n 1000000] [--seed 42] [--countries 6]`
 *
 * The oracle computes, for each report, the likelihood of its fields under the generator's
 * own noise model (cluster-synthetic.ts) for every strike of its country, and puts it with the
 * most likely strike when that strike's posterior (a uniform prior over strikes) is at least
 * --min-posterior (0.5 unless told), otherwise alone. It is a ceiling in that it knows the
 * strikes, including the many strikes only one report tells; a rule picking among posteriors
 * differently could gain a little on B-cubed, so the figure is an estimate, not a proof.
 */
import { generateReports, sliceCountries, type TrueStrike } from './cluster-synthetic.ts';
import { bcubed } from '../src/corroborate/bcubed.ts';
import { lowerBound } from '../src/corroborate/blocking.ts';
import type { ClusterItem } from '../src/corroborate/item.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const KM_PER_DEG = 111;
const EVENT_KINDS = 4;
/** Share of reports keeping the strike's weapon; the others draw one of EVENT_KINDS at random. */
const KEEP_EVENT = 0.7;

/** Likelihood of the report's date given the strike's day. */
function dateLikelihood(it: ClusterItem, day: number): number {
  if (it.day0 === null || it.day1 === null) return 1;
  if (it.day0 === it.day1) return day === it.day0 ? 0.88 : Math.abs(day - it.day0) === 1 ? 0.06 : 0;
  return day >= it.day0 && day <= it.day1 ? 1 / (it.day1 - it.day0 + 1) : 0;
}

/** Jitter (km) the generator applies for a radius class. */
function jitterOf(radius: number): number {
  return radius <= 15 ? 4 : radius <= 40 ? 15 : 50;
}

/** Likelihood of the report's place: uniform angle and uniform distance up to the jitter. */
function placeLikelihood(it: ClusterItem, s: TrueStrike): number {
  if (it.lat === null || it.lon === null || it.radius === null || it.radius >= 600) return 1;
  const j = jitterOf(it.radius);
  const dy = (it.lat - s.lat) * KM_PER_DEG;
  const dx = (it.lon - s.lon) * KM_PER_DEG * Math.cos((s.lat * Math.PI) / 180);
  const d = Math.hypot(dx, dy);
  if (d > j + 1e-6) return 0;
  return 1 / (2 * Math.PI * j * Math.max(d, 0.05));
}

/** Likelihood of the report's toll given the true toll. */
function tollLikelihood(it: ClusterItem, k: number): number {
  const { killedMin: lo, killedMax: hi } = it;
  if (lo !== null && hi !== null) {
    let n = 0;
    for (const e of [-1, 0, 1]) if (Math.max(0, k + e) === lo) n++;
    return (0.4 * n) / 3;
  }
  if (lo !== null) {
    let n = 0;
    for (const e of [0, 1, 2]) if (Math.max(0, k - e) === lo) n++;
    return (0.3 * n) / 3;
  }
  if (hi !== null) return hi >= k && hi <= k + 3 ? 0.1 / 4 : 0;
  return 0.2;
}

function likelihood(it: ClusterItem, s: TrueStrike): number {
  let l = dateLikelihood(it, s.day);
  if (l === 0) return 0;
  l *= it.targets.length === 0 ? 0.25 : it.targets[0] === s.target ? 0.75 : 0;
  l *= it.belligerents.length === 0 ? 0.4 : it.belligerents[0] === s.belligerent ? 0.6 : 0;
  if (s.detail === null) l *= it.details.length === 0 ? 1 : 0;
  else l *= it.details.length === 0 ? 0.4 : it.details[0] === s.detail ? 0.6 : 0;
  if (l === 0) return 0;
  l *= it.event === s.event ? KEEP_EVENT + (1 - KEEP_EVENT) / EVENT_KINDS : (1 - KEEP_EVENT) / EVENT_KINDS;
  l *= tollLikelihood(it, s.killed);
  if (l === 0) return 0;
  return l * placeLikelihood(it, s);
}

const n = arg('n', 1_000_000);
const seed = arg('seed', 42);
const keep = arg('countries', 6);
const minPosterior = arg('min-posterior', 0.5);
const full = generateReports({ n, seed });
const { items, truth, strikes } = keep > 0 ? sliceCountries(full, keep) : full;

// Strikes per country, sorted by day, for the dated reports' window look-ups.
const byCountry = new Map<string, number[]>();
strikes.forEach((s, k) => byCountry.set(s.country, [...(byCountry.get(s.country) ?? []), k]));
for (const ks of byCountry.values()) ks.sort((x, y) => strikes[x].day - strikes[y].day);
const days = new Map([...byCountry].map(([c, ks]) => [c, Float64Array.from(ks, (k) => strikes[k].day)]));

const truthOf = new Map<string, number>();
truth.forEach((g, k) => g.forEach((id) => truthOf.set(id, k)));

const assigned = new Map<number, string[]>();
const alone: string[][] = [];
let ambiguous = 0;
let wrong = 0;
for (const it of items) {
  const ks = byCountry.get(it.country!)!;
  const ds = days.get(it.country!)!;
  let from = 0;
  let to = ks.length;
  if (it.day0 !== null && it.day1 !== null) {
    from = lowerBound(ds, it.day0 - 1);
    to = lowerBound(ds, it.day1 + 2);
  }
  let total = 0;
  let best = -1;
  let bestL = 0;
  for (let p = from; p < to; p++) {
    const l = likelihood(it, strikes[ks[p]]);
    total += l;
    if (l > bestL) [best, bestL] = [ks[p], l];
  }
  if (best < 0 || bestL / total < minPosterior) {
    alone.push([it.id]);
    if (bestL / total < 0.999) ambiguous++;
    continue;
  }
  if (best !== truthOf.get(it.id)) wrong++;
  assigned.set(best, [...(assigned.get(best) ?? []), it.id]);
}

const clusters = [...assigned.values(), ...alone];
const score = bcubed(clusters, truth);
console.log(`cluster-ceiling  n=${n} seed=${seed}${keep > 0 ? ` countries=${keep}` : ''}: ${items.length} reports, ${truth.length} strikes`);
console.log(`  oracle (knows every strike; a report goes with its most likely strike at posterior >= ${minPosterior}, else alone)`);
console.log(`  reports left alone ${alone.length} (${ambiguous} of them torn between strikes), put with a wrong strike ${wrong}`);
console.log(`  B-cubed      P ${score.precision.toFixed(4)}  R ${score.recall.toFixed(4)}  F1 ${score.f1.toFixed(4)}`);
