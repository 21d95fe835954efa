/**
 * Corroboration on the development set: real ingestion and extraction of every document of
 * /work/shared/eval/dev (or --dir), incremental corroboration as the pipeline runs it, then
 * a full re-cluster; B-cubed over the extracted reports and the predicted / gold incident
 * count ratio. `npx tsx bench/cluster-dev.ts [--dir PATH]`
 *
 * Gold (read here FOR SCORING ONLY): documents sharing a meta.json `group` report one strike;
 * every other gold incident is its own. The reports of a document take its gold incidents one
 * to one as `strikewatch eval` matches them; a report left over takes the incident it fits best
 * (country, date overlap, distance); a report of a document without gold incidents is a false
 * incident of its own.
 * Targets (issue 5): F1 >= 0.95, count ratio within 1.00 ± 0.05.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { ingestSources } from '../src/pipeline.ts';
import { defaultStages } from '../src/stages.ts';
import { reclusterAll } from '../src/corroborate/service.ts';
import { bcubed } from '../src/corroborate/bcubed.ts';
import { haversineKm } from '../src/corroborate/geo.ts';
import { parseGold } from '../src/eval/gold.ts';
import { matchDocument } from '../src/eval/score.ts';
import type { Report } from '../src/domain/index.ts';

interface GoldIncident {
  date_start: string | null;
  date_end: string | null;
  country: string;
  lat: number;
  lon: number;
  radius_km: number;
}

const i = process.argv.indexOf('--dir');
const dir = i >= 0 ? process.argv[i + 1] : '/work/shared/eval/dev';

const gold = new Map<string, GoldIncident[]>();
for (const line of readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const g = JSON.parse(line) as { id: string; incidents: GoldIncident[] };
  gold.set(g.id, g.incidents);
}
const group = new Map<string, string | null>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.meta.json'))) {
  const m = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; group: string | null };
  group.set(m.id, m.group);
}

/** How well a report fits a gold incident: country, date overlap, place within radii. */
function fit(r: Report, g: GoldIncident): number {
  let s = 0;
  if (r.place?.country === g.country) s += 2;
  if (r.date && g.date_start && g.date_end && r.date.start <= g.date_end && r.date.end >= g.date_start) s += 2;
  if (r.place && haversineKm(r.place.lat, r.place.lon, g.lat, g.lon) <= r.place.radius_km + g.radius_km + 50) s += 1;
  return s;
}

/** The gold incident of a group member that is the group's strike: the one in the group's country. */
function groupCountry(slug: string): string | null {
  const counts = new Map<string, number>();
  for (const [doc, g] of group) if (g === slug) for (const inc of gold.get(doc) ?? []) counts.set(inc.country, (counts.get(inc.country) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const store = await SqliteStore.open(':memory:');
let t = performance.now();
await ingestSources(store, [dir], {}, await defaultStages());
const ingestMs = performance.now() - t;

const reports = await store.listReports();
const docName = new Map<string, string>();
for (const r of reports) docName.set(r.document_id, (await store.getDocument(r.document_id))!.name);

// Within a document, reports take gold incidents one to one as the eval matches them (three
// strikes told alike in one article are three incidents, not three copies of the first); a
// report the eval leaves unmatched takes the incident it fits best, so a strike split in two
// still counts as split.
const evalGold = new Map(parseGold(readFileSync(join(dir, 'gold.jsonl'), 'utf8'), 'gold.jsonl').map((d) => [d.id, d.incidents]));
const matchedTo = new Map<string, number>();
const byDoc = new Map<string, Report[]>();
for (const r of reports) byDoc.set(r.document_id, [...(byDoc.get(r.document_id) ?? []), r]);
for (const [docId, rs] of byDoc) {
  const sorted = [...rs].sort((a, b) => a.index - b.index);
  for (const [ri, gi] of matchDocument(sorted, evalGold.get(docName.get(docId)!) ?? [])) matchedTo.set(sorted[ri].id!, gi);
}

const goldLabel = new Map<string, string>();
for (const r of reports) {
  const name = docName.get(r.document_id)!;
  const incidents = gold.get(name) ?? [];
  if (incidents.length === 0) {
    goldLabel.set(r.id!, `false:${r.id}`);
    continue;
  }
  let best = 0;
  incidents.forEach((g, k) => {
    if (fit(r, g) > fit(r, incidents[best])) best = k;
  });
  best = matchedTo.get(r.id!) ?? best;
  const slug = group.get(name);
  const isGroupStrike = slug && (incidents.length === 1 || incidents[best].country === groupCountry(slug));
  goldLabel.set(r.id!, isGroupStrike ? `group:${slug}` : `${name}#${best}`);
}
const goldClusters = new Map<string, string[]>();
for (const [id, l] of goldLabel) goldClusters.set(l, [...(goldClusters.get(l) ?? []), id]);
// Gold incident count: one per group, one per other gold incident.
const groups = new Set([...group.values()].filter((g): g is string => !!g));
let goldCount = groups.size;
for (const [doc, incs] of gold) {
  const slug = group.get(doc);
  if (!slug) goldCount += incs.length;
  else goldCount += incs.filter((g) => incs.length > 1 && g.country !== groupCountry(slug)).length;
}

async function score(label: string, ms: number) {
  const predicted = [...(await store.incidentReportIds()).values()];
  const b = bcubed(predicted, [...goldClusters.values()]);
  console.log(
    `  ${label.padEnd(12)} ${(ms / 1000).toFixed(2)} s  incidents ${predicted.length} / gold ${goldCount} = ratio ${(predicted.length / goldCount).toFixed(3)}` +
      `  B-cubed P ${b.precision.toFixed(4)} R ${b.recall.toFixed(4)} F1 ${b.f1.toFixed(4)}`,
  );
  return predicted;
}

console.log(`cluster-dev  ${dir}: ${docName.size} documents with reports, ${reports.length} reports (ingest + extract ${(ingestMs / 1000).toFixed(1)} s)`);
const incremental = await score('incremental', 0);
t = performance.now();
await reclusterAll(store);
const full = await score('full', performance.now() - t);
const canon = (xs: string[][]) => JSON.stringify(xs.map((x) => [...x].sort()).sort());
console.log(`  incremental == full re-cluster: ${canon(incremental) === canon(full)}`);
{
  // The best clustering can do while two reports of one document never merge: each gold
  // incident keeps one report per document, the document's other reports stand alone.
  const ceiling: string[][] = [];
  for (const ids of goldClusters.values()) {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const id of ids) {
      const doc = id.slice(0, id.lastIndexOf(':'));
      if (seen.has(doc)) ceiling.push([id]);
      else {
        seen.add(doc);
        kept.push(id);
      }
    }
    ceiling.push(kept);
  }
  const c = bcubed(ceiling, [...goldClusters.values()]);
  console.log(`  ceiling with one report per document per incident: ${ceiling.length} incidents, R ${c.recall.toFixed(4)} F1 ${c.f1.toFixed(4)}`);
}
const dumpAt = process.argv.indexOf('--dump');
if (dumpAt >= 0) {
  // Items and their gold labels as JSON, to iterate on pair scoring without re-extracting.
  const { toClusterItem } = await import('../src/corroborate/item.ts');
  const { writeFileSync } = await import('node:fs');
  const rows = reports.map((r) => ({ item: toClusterItem(r), label: goldLabel.get(r.id!)!, name: docName.get(r.document_id)! }));
  writeFileSync(process.argv[dumpAt + 1], JSON.stringify({ goldCount, rows }));
}
if (process.argv.includes('--misses')) {
  // Diagnostics: every gold cluster the prediction splits, with what clustering saw of each report.
  const { toClusterItem } = await import('../src/corroborate/item.ts');
  const byId = new Map(reports.map((r) => [r.id!, r]));
  const predOf = new Map<string, number>();
  full.forEach((g, k) => g.forEach((id) => predOf.set(id, k)));
  for (const [label, ids] of goldClusters) {
    if (new Set(ids.map((id) => predOf.get(id))).size < 2) continue;
    console.log(`\n${label}`);
    for (const id of ids) {
      const r = byId.get(id)!;
      const it = toClusterItem(r);
      const doc = await store.getDocument(r.document_id);
      console.log(`  [${predOf.get(id)}] ${docName.get(r.document_id)} pub=${doc?.published ?? '-'} ${JSON.stringify({ ...it, id: undefined, doc: undefined, date: r.date, place: r.place?.name })}`);
    }
  }
  // Predicted incidents that mix gold incidents (what costs precision).
  for (const g of full) {
    const labels = new Set(g.map((id) => goldLabel.get(id)));
    if (labels.size > 1) console.log(`\nmixed: ${g.map((id) => `${docName.get(byId.get(id)!.document_id)}=${goldLabel.get(id)}`).join('  ')}`);
  }
  // Cross-document pairs near the threshold, with their gold verdict: what a rule change would gain or cost.
  const { scorePair, LINK_THRESHOLD } = await import('../src/corroborate/pair.ts');
  console.log('\npairs scoring within 1.5 of the threshold (same = one gold incident):');
  for (let a = 0; a < reports.length; a++)
    for (let b = a + 1; b < reports.length; b++) {
      const [x, y] = [reports[a], reports[b]];
      if (x.document_id === y.document_id) continue;
      const s = scorePair(toClusterItem(x), toClusterItem(y));
      const same = goldLabel.get(x.id!) === goldLabel.get(y.id!);
      if (s < LINK_THRESHOLD - 1.5 && !same) continue;
      console.log(`  ${same ? 'SAME' : 'diff'} ${s.toFixed(2).padStart(6)} ${docName.get(x.document_id)} ${docName.get(y.document_id)}`);
    }
}
await store.close();
