import type {
  ActorRef,
  AttributionStatus,
  AttributionTally,
  CasualtyEstimate,
  DatePrecision,
  DateWindow,
  EventType,
  Grade,
  Place,
  Range,
  Report,
  Stance,
} from '../domain/index.ts';
import { dayNumber, dayString, haversineKm } from './geo.ts';
import { PLACE_SLACK_KM } from './pair.ts';
import { sourceGroups } from './sources.ts';
import { gradeIncident } from './grade.ts';
import { cmp } from './cluster.ts';
import { entryById } from '../lexicon/index.ts';

/**
 * Merge: the reports of one strike -> the derived fields of its incident. Every derived value
 * keeps the claims it comes from (casualties per source, stances per source), so a new report
 * or an analyst's decision simply re-derives the view. Pure: documents come in as metadata.
 */

/** What merge needs to know about a document. */
export interface DocumentMeta {
  id: string;
  /** File name without extension (or feed slug): what users see. */
  name: string;
  text: string;
}

/** An incident before it has an id, with the grade computed from the claims. */
export interface IncidentDraft {
  grade: Grade;
  grade_explanation: string;
  event_type: EventType;
  date: DateWindow | null;
  place: Place | null;
  country: string | null;
  killed: CasualtyEstimate;
  injured: CasualtyEstimate;
  civilians_killed: CasualtyEstimate;
  targets: ActorRef[];
  attributions: AttributionTally[];
  report_ids: string[];
  independent_sources: number;
}

export function mergeReports(reportsIn: readonly Report[], docs: ReadonlyMap<string, DocumentMeta>): IncidentDraft {
  if (reportsIn.length === 0) throw new Error('mergeReports needs at least one report');
  const reports = [...reportsIn].sort((a, b) => cmp(a.id ?? '', b.id ?? ''));
  const docName = (r: Report) => docs.get(r.document_id)?.name ?? r.document_id;
  const place = bestPlace(reports.map((r) => r.place).filter((p): p is Place => p !== null));
  const countries = reports.map((r) => r.place?.country).filter((c): c is string => !!c);
  const docIds = [...new Set(reports.map((r) => r.document_id))];
  const independent = sourceGroups(docIds.map((id) => ({ id, text: docs.get(id)?.text ?? id }))).length;
  const attributions = tallyAttributions(reports, docName);
  const { grade, explanation } = gradeIncident(attributions, independent);
  return {
    grade,
    grade_explanation: explanation,
    event_type: eventType(reports.map((r) => r.event_type)),
    date: dateWindow(reports.map((r) => r.date).filter((d): d is DateWindow => d !== null)),
    place,
    country: place?.country ?? majority(countries),
    killed: casualties(reports, (r) => r.killed, docName),
    injured: casualties(reports, (r) => r.injured, docName),
    civilians_killed: casualties(reports, (r) => r.civilians_killed, docName),
    targets: targets(reports),
    attributions,
    report_ids: reports.map((r) => r.id ?? `${r.document_id}:${r.index}`),
    independent_sources: independent,
  };
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, days: 1, week: 2, month: 3, year: 4 };

/**
 * The window every dated report agrees on (their intersection); when they disagree, the span
 * of the most precise claims (a Friday and a Saturday give Friday-Saturday).
 */
export function dateWindow(windows: readonly DateWindow[]): DateWindow | null {
  if (windows.length === 0) return null;
  let start = Math.max(...windows.map((w) => dayNumber(w.start)));
  let end = Math.min(...windows.map((w) => dayNumber(w.end)));
  if (start > end) {
    const best = Math.min(...windows.map((w) => PRECISION_RANK[w.precision]));
    const precise = windows.filter((w) => PRECISION_RANK[w.precision] === best);
    start = Math.min(...precise.map((w) => dayNumber(w.start)));
    end = Math.max(...precise.map((w) => dayNumber(w.end)));
  }
  return { start: dayString(start), end: dayString(end), precision: precisionOf(end - start + 1) };
}

function precisionOf(days: number): DatePrecision {
  if (days <= 1) return 'day';
  if (days <= 6) return 'days';
  if (days <= 13) return 'week';
  if (days <= 31) return 'month';
  return 'year';
}

/**
 * The most precise place consistent with at least half of the others (within their radii),
 * else the place consistent with the most others; ties go to the smaller radius.
 */
export function bestPlace(places: readonly Place[]): Place | null {
  if (places.length === 0) return null;
  const sorted = [...places].sort((a, b) => a.radius_km - b.radius_km || cmp(a.name, b.name));
  const support = sorted.map((p, i) =>
    sorted.filter(
      (q, j) => j !== i && haversineKm(p.lat, p.lon, q.lat, q.lon) <= p.radius_km + q.radius_km + PLACE_SLACK_KM,
    ).length,
  );
  const need = Math.ceil((sorted.length - 1) / 2);
  const first = support.findIndex((s) => s >= need);
  if (first >= 0) return sorted[first];
  const most = Math.max(...support);
  return sorted[support.indexOf(most)];
}

const EVENT_ORDER: EventType[] = ['drone_strike', 'airstrike', 'missile_strike', 'air_raid_unspecified', 'other'];

/** Majority vote; a tie goes to the more specific type (a drone over "an air raid"). */
export function eventType(types: readonly EventType[]): EventType {
  const votes = new Map<EventType, number>();
  for (const t of types) votes.set(t, (votes.get(t) ?? 0) + 1);
  let best: EventType = types[0] ?? 'air_raid_unspecified';
  for (const t of EVENT_ORDER) if ((votes.get(t) ?? 0) > (votes.get(best) ?? 0)) best = t;
  return best;
}

/**
 * Low / best / high with the claims behind them: low is the lowest figure any source gives,
 * high the highest, best the median of each source's point figure ("at least 40" counts as
 * 40, "between 4 and 7" as 6).
 */
export function casualties(
  reports: readonly Report[],
  field: (r: Report) => Range | null,
  docName: (r: Report) => string,
): CasualtyEstimate {
  const claims = reports
    .map((r) => ({ r, range: field(r) }))
    .filter((x): x is { r: Report; range: Range } => x.range !== null && (x.range.min !== null || x.range.max !== null))
    .map(({ r, range }) => ({ report_id: r.id ?? `${r.document_id}:${r.index}`, document: docName(r), min: range.min, max: range.max }));
  if (claims.length === 0) return { low: null, best: null, high: null, claims: [] };
  const lows = claims.map((c) => c.min ?? c.max!);
  const highs = claims.map((c) => c.max ?? c.min!);
  const points = claims.map((c) => (c.min !== null && c.max !== null ? Math.round((c.min + c.max) / 2) : (c.min ?? c.max!))).sort((a, b) => a - b);
  return {
    low: Math.min(...lows),
    best: points[Math.floor((points.length - 1) / 2)],
    high: Math.max(...highs),
    claims,
  };
}

/**
 * Union of the targets, most often named first, each under the lexicon's name: an incident
 * told in several languages names AQIM once, not as the first report happened to write it
 * ("Al-Qaïda au Maghreb islamique"). The reports keep their own wording.
 */
function targets(reports: readonly Report[]): ActorRef[] {
  const count = new Map<string, { ref: ActorRef; n: number }>();
  for (const r of reports)
    for (const t of r.targets) {
      const c = count.get(t.id);
      if (c) c.n++;
      else count.set(t.id, { ref: { id: t.id, name: entryById(t.id)?.name ?? t.name }, n: 1 });
    }
  return [...count.values()].sort((a, b) => b.n - a.n || cmp(a.ref.id, b.ref.id)).map((c) => c.ref);
}

/**
 * Per belligerent, every stance with its document and speaker, and the status they add up
 * to: an acknowledgment settles it; then a denial by the belligerent; then claims and
 * allegations; then suspicion.
 */
export function tallyAttributions(reports: readonly Report[], docName: (r: Report) => string): AttributionTally[] {
  const by = new Map<string, AttributionTally>();
  for (const r of reports)
    for (const a of r.attributions) {
      let t = by.get(a.actor.id);
      if (!t) by.set(a.actor.id, (t = { actor: a.actor, status: 'unknown', stances: [] }));
      t.stances.push({ stance: a.stance, report_id: r.id ?? `${r.document_id}:${r.index}`, document: docName(r), source: a.source });
    }
  for (const t of by.values()) t.status = statusOf(t.stances.map((s) => s.stance));
  return [...by.values()].sort((a, b) => cmp(a.actor.id, b.actor.id));
}

export function statusOf(stances: readonly Stance[]): AttributionStatus {
  if (stances.includes('confirms')) return 'acknowledged';
  if (stances.includes('denies')) return 'denied';
  if (stances.includes('claims') || stances.includes('alleges')) return 'alleged';
  if (stances.includes('suspected')) return 'suspected';
  return 'unknown';
}

function majority(xs: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  let best: string | null = null;
  for (const [x, c] of [...n].sort((a, b) => cmp(a[0], b[0]))) if (best === null || c > n.get(best)!) best = x;
  return best;
}
