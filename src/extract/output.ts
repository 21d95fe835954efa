/**
 * Output shapes of extraction: the JSONL contract read by outside evaluation (one line per
 * document) and a readable table for people.
 */
import type { Report } from '../domain/index.ts';

/** The contract's report shape: only the fields outside tools rely on. */
export function contractReport(r: Report) {
  return {
    event_type: r.event_type,
    date: r.date ? { start: r.date.start, end: r.date.end, precision: r.date.precision } : null,
    place: r.place
      ? {
          name: r.place.name,
          country: r.place.country,
          lat: round(r.place.lat, 4),
          lon: round(r.place.lon, 4),
          radius_km: round(r.place.radius_km, 1),
          precision: r.place.precision,
          geonames_id: r.place.geonames_id,
        }
      : null,
    place_alternatives: r.place_alternatives.map((p) => ({ name: p.name, country: p.country, lat: round(p.lat, 4), lon: round(p.lon, 4), radius_km: round(p.radius_km, 1) })),
    killed: r.killed,
    injured: r.injured,
    civilians_killed: r.civilians_killed,
    targets: r.targets.map((t) => ({ id: t.id, name: t.name })),
    attributions: r.attributions.map((a) => ({ actor: { id: a.actor.id, name: a.actor.name }, stance: a.stance })),
    spans: r.spans,
    confidence: r.confidence,
  };
}

/** One JSON line: {"document": name, "reports": [...]}. */
export function reportLine(document: string, reports: Report[]): string {
  return JSON.stringify({ document, reports: reports.map(contractReport) });
}

const range = (r: { min: number | null; max: number | null } | null) =>
  r === null ? '-' : r.min === r.max ? String(r.min) : `${r.min ?? '?'}–${r.max ?? '?'}`;

/** A few lines per report, with the words that back the event. */
export function reportTable(document: string, text: string, reports: Report[]): string {
  const lines = [`${document}: ${reports.length} report${reports.length === 1 ? '' : 's'}`];
  for (const r of reports) {
    const ev = r.spans.event;
    const evSpan = Array.isArray(ev) && typeof ev[0] === 'number' ? (ev as [number, number]) : null;
    const date = r.date ? (r.date.start === r.date.end ? r.date.start : `${r.date.start}..${r.date.end}`) : 'date unknown';
    const place = r.place ? `${r.place.name} (${r.place.country ?? '?'}, ±${Math.round(r.place.radius_km)} km)` : 'place unknown';
    lines.push(`  #${r.index} ${r.event_type}  ${date}  ${place}  conf ${r.confidence}`);
    lines.push(`     killed ${range(r.killed)}  injured ${range(r.injured)}  civilians ${range(r.civilians_killed)}`);
    if (r.targets.length) lines.push(`     targets ${r.targets.map((t) => t.id).join(', ')}`);
    if (r.attributions.length) lines.push(`     attribution ${r.attributions.map((a) => `${a.actor.id}:${a.stance}`).join(', ')}`);
    if (r.place_alternatives.length) lines.push(`     other places ${r.place_alternatives.map((p) => p.name).join(' / ')}`);
    if (evSpan) lines.push(`     «${text.slice(evSpan[0], evSpan[1])}»`);
  }
  return lines.join('\n');
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
