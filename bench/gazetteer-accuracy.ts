/**
 * Geocoding accuracy on the dev set: `npx tsx bench/gazetteer-accuracy.ts [--misses]`.
 *
 * Gold: bench/gold/places-dev.jsonl, written by reading the dev texts (mention as written →
 * expected place; points looked up in GeoNames cities500, offsets computed from the anchor's
 * GeoNames point). Point mentions (towns, villages, offsets, "near X") are scored by the
 * great-circle distance between the result covering the mention and the gold point
 * (Acc@25km, Acc@161km). Countries, admin regions and region phrases are scored by identity
 * (same ISO2 country; same admin unit; a region result in the right country).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer, haversineKm } from '../src/gazetteer/index.ts';
import type { GeocodeResult } from '../src/gazetteer/types.ts';

interface Gold {
  doc: string;
  mention: string;
  type: 'point' | 'admin' | 'country' | 'region';
  country: string;
  canonical?: string;
  lat?: number;
  lon?: number;
  /** A place cities500 does not list (annotated by hand): scored with the rest, and also apart. */
  missing?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const DEV = process.env.STRIKEWATCH_DEV ?? join(here, '..', '..', 'shared', 'eval', 'dev');
const gold = readFileSync(join(here, 'gold', 'places-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Gold);

const g = loadGazetteer();
const cache = new Map<string, { text: string; results: GeocodeResult[] }>();
function docResults(doc: string) {
  let hit = cache.get(doc);
  if (!hit) {
    const text = readFileSync(join(DEV, `${doc}.txt`), 'utf8');
    hit = { text, results: g.geocode(text) };
    cache.set(doc, hit);
  }
  return hit;
}

/** The result whose span overlaps the mention's first occurrence most. */
function covering(doc: string, mention: string): GeocodeResult | null {
  const { text, results } = docResults(doc);
  // first occurrence as a whole word ("Mali" not inside "Malian")
  const esc = mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{M}])${esc}(?![\\p{L}\\p{M}])`, 'u').exec(text);
  const at = m ? m.index : text.indexOf(mention);
  const end = at + mention.length;
  let best: GeocodeResult | null = null;
  let bestOverlap = 0;
  for (const r of results) {
    if (!r.place.span) continue;
    const ov = Math.min(end, r.place.span[1]) - Math.max(at, r.place.span[0]);
    if (ov > bestOverlap) {
      best = r;
      bestOverlap = ov;
    }
  }
  return best;
}

const t0 = performance.now();
let pts = 0;
let at25 = 0;
let at161 = 0;
let missPts = 0;
let miss161 = 0;
let ids = 0;
let idOk = 0;
const misses: string[] = [];
for (const e of gold) {
  const r = covering(e.doc, e.mention);
  if (e.type === 'point') {
    pts++;
    const km = r ? haversineKm(r.place.lat, r.place.lon, e.lat!, e.lon!) : Infinity;
    if (km <= 25) at25++;
    if (km <= 161) at161++;
    if (e.missing) {
      missPts++;
      if (km <= 161) miss161++;
    }
    if (km > 25) misses.push(`${e.doc} point   "${e.mention}" → ${r ? `${r.kind} ${r.place.how ?? ''} at ${Math.round(km)} km` : 'not found'} (gold ${e.canonical ?? ''})`);
  } else {
    ids++;
    let ok = false;
    if (r && e.type === 'country') ok = r.kind === 'country' && r.place.country === e.country;
    if (r && e.type === 'region') ok = r.kind === 'region' && r.place.country === e.country;
    if (r && e.type === 'admin') ok = r.place.country === e.country && (r.place.canonical_name === e.canonical || r.anchor?.canonical_name === e.canonical);
    if (ok) idOk++;
    else misses.push(`${e.doc} ${e.type.padEnd(7)} "${e.mention}" → ${r ? `${r.kind} ${r.place.how ?? ''}` : 'not found'} (gold ${e.canonical ?? e.country})`);
  }
}
const ms = performance.now() - t0;
const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`gazetteer accuracy on ${cache.size} dev documents, ${gold.length} gold mentions (${ms.toFixed(0)} ms)`);
console.log(`  point mentions (towns, offsets, near): ${pts}   Acc@25km ${pct(at25, pts)}   Acc@161km ${pct(at161, pts)}`);
console.log(`    of which places missing from cities500: ${missPts}   Acc@161km ${pct(miss161, missPts)}`);
console.log(`  countries / admin regions / region phrases: ${ids}   identity accuracy ${pct(idOk, ids)}`);
console.log(`  all mentions: Acc@161km-or-identity ${pct(at161 + idOk, pts + ids)}`);
if (process.argv.includes('--misses') || misses.length <= 40) {
  console.log(`misses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m}`);
}
