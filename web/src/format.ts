import type { IncidentView } from './api.ts';

/** Small formatters shared by the views: words people read, from the API's values. */
type Incident = IncidentView['incident'];
type Estimate = Incident['killed'];

export function dateText(d: { start: string; end: string; precision?: string } | null | undefined): string {
  if (!d) return 'date unknown';
  const p = d.precision && d.precision !== 'day' ? ` (${d.precision})` : '';
  return d.start === d.end ? `${d.start}${p}` : `${d.start} – ${d.end}${p}`;
}

export function rangeText(min: number | null, max: number | null): string {
  if (min === null && max === null) return '—';
  if (min === max || max === null) return max === null ? `${min}+` : String(min);
  if (min === null) return `up to ${max}`;
  return `${min}–${max}`;
}

export function estimateText(e: Estimate): string {
  if (e.low === null && e.best === null && e.high === null) return 'not reported';
  if (e.low === e.high) return String(e.best ?? e.low);
  return `${e.low ?? '?'}–${e.high ?? '?'} (best ${e.best ?? '?'})`;
}

export function placeText(p: Incident['place']): string {
  if (!p) return 'place unknown';
  const name = p.canonical_name && p.canonical_name !== p.name ? `${p.name} (${p.canonical_name})` : p.name;
  return `${name}${p.country ? `, ${p.country}` : ''} — within ${p.radius_km} km (${p.precision})`;
}

export function eventTypeText(t: string): string {
  return t.replace(/_/g, ' ');
}
