/**
 * Scoring a corpus: one-to-one matching of predicted reports to gold incidents within each
 * document (greedy on cost, cheapest compatible pair first), then incident precision,
 * recall, F1 and per-field accuracy over the matched pairs, by language.
 */
import type { Report } from '../domain/index.ts';
import type { GoldDocument, GoldIncident } from './gold.ts';
import {
  judgeBelligerent, judgeCountry, judgeDate, judgeKilled, judgeLocation, judgeStance, judgeTargets, matchCost,
  primaryAttribution, type ActorResolver,
} from './judge.ts';

export const FIELDS = ['date', 'location', 'country', 'killed', 'targets', 'belligerent', 'stance'] as const;
export type Field = (typeof FIELDS)[number];

export interface DocResult {
  id: string;
  language: string;
  gold: number;
  predicted: number;
  matched: number;
  /** Per matched pair, the fields judged wrong. */
  errors: string[];
  fieldHits: Record<Field, [number, number]>;
}

export function matchDocument(reports: Report[], gold: GoldIncident[]): [number, number][] {
  const pairs: { r: number; g: number; cost: number }[] = [];
  reports.forEach((r, ri) =>
    gold.forEach((g, gi) => {
      const cost = matchCost(r, g);
      if (cost !== null) pairs.push({ r: ri, g: gi, cost });
    }),
  );
  pairs.sort((a, b) => a.cost - b.cost || a.r - b.r || a.g - b.g);
  const usedR = new Set<number>();
  const usedG = new Set<number>();
  const out: [number, number][] = [];
  for (const p of pairs) {
    if (usedR.has(p.r) || usedG.has(p.g)) continue;
    usedR.add(p.r);
    usedG.add(p.g);
    out.push([p.r, p.g]);
  }
  return out;
}

const fmtRange = (min: number | null | undefined, max: number | null | undefined) => `${min ?? '?'}–${max ?? '?'}`;

export function scoreDocument(id: string, language: string, reports: Report[], gold: GoldIncident[], resolve: ActorResolver): DocResult {
  const pairs = matchDocument(reports, gold);
  const fieldHits = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  const errors: string[] = [];
  for (const [ri, gi] of pairs) {
    const r = reports[ri];
    const g = gold[gi];
    const verdicts: Record<Field, boolean> = {
      date: judgeDate(r, g),
      location: judgeLocation(r, g),
      country: judgeCountry(r, g),
      killed: judgeKilled(r, g),
      targets: judgeTargets(r, g, resolve),
      belligerent: judgeBelligerent(r, g, resolve),
      stance: judgeStance(r, g),
    };
    for (const f of FIELDS) {
      fieldHits[f][1]++;
      if (verdicts[f]) fieldHits[f][0]++;
    }
    const wrong: string[] = [];
    if (!verdicts.date) wrong.push(`date ${r.date ? `${r.date.start}..${r.date.end}` : 'null'} vs ${g.date_start ?? 'null'}..${g.date_end ?? 'null'}`);
    if (!verdicts.location) wrong.push(`place ${r.place ? `${r.place.name}@${r.place.lat.toFixed(2)},${r.place.lon.toFixed(2)}` : 'null'} vs ${g.place ?? '?'}@${g.lat},${g.lon}±${g.radius_km}`);
    if (!verdicts.country) wrong.push(`country ${r.place?.country ?? 'null'} vs ${g.country}`);
    if (!verdicts.killed) wrong.push(`killed ${r.killed ? fmtRange(r.killed.min, r.killed.max) : 'null'} vs ${g.killed_min == null && g.killed_max == null ? 'null' : fmtRange(g.killed_min, g.killed_max)}`);
    if (!verdicts.targets) wrong.push(`targets [${r.targets.map((t) => t.id).join(', ')}] vs [${g.targets.join(', ')}]`);
    const pa = primaryAttribution(r);
    if (!verdicts.belligerent || !verdicts.stance) wrong.push(`attribution ${pa.actor ?? '-'}/${pa.status} vs ${g.belligerent_claimed ?? '-'}/${g.belligerent_status ?? 'unknown'}`);
    if (wrong.length > 0) errors.push(`#${ri}~gold#${gi}: ${wrong.join('; ')}`);
  }
  const matchedR = new Set(pairs.map((p) => p[0]));
  const matchedG = new Set(pairs.map((p) => p[1]));
  reports.forEach((r, i) => {
    if (!matchedR.has(i)) errors.push(`extra report #${i}: ${r.event_type} ${r.date ? r.date.start : 'no date'} ${r.place?.name ?? 'no place'}`);
  });
  gold.forEach((g, i) => {
    if (!matchedG.has(i)) errors.push(`missed gold #${i}: ${g.place ?? '?'} ${g.date_start ?? 'no date'}`);
  });
  return { id, language, gold: gold.length, predicted: reports.length, matched: pairs.length, errors, fieldHits };
}

export interface Summary {
  label: string;
  docs: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  fields: Record<Field, number | null>;
}

export function summarise(label: string, results: DocResult[]): Summary {
  const sum = (f: (d: DocResult) => number) => results.reduce((a, d) => a + f(d), 0);
  const gold = sum((d) => d.gold);
  const predicted = sum((d) => d.predicted);
  const matched = sum((d) => d.matched);
  // Conventions: with nothing to find and nothing found, precision and recall are 1.
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : matched / predicted;
  const recall = gold === 0 ? (predicted === 0 ? 1 : 0) : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const hit = sum((d) => d.fieldHits[f][0]);
      const n = sum((d) => d.fieldHits[f][1]);
      return [f, n === 0 ? null : hit / n];
    }),
  ) as Record<Field, number | null>;
  return { label, docs: results.length, gold, predicted, matched, precision, recall, f1, fields };
}

export type { GoldDocument };
