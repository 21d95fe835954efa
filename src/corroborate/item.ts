import type { EventType, Report } from '../domain/index.ts';
import { dayNumber } from './geo.ts';

/**
 * What clustering needs to know about one report, flattened for speed: a million of these
 * are compared in the synthetic benchmark, so no nested objects beyond small arrays.
 */
export interface ClusterItem {
  /** Report id (`${document_id}:${index}`); the canonical tie-breaker everywhere. */
  id: string;
  /** The document the report comes from: two reports of one document never merge. */
  doc: string;
  /** Date window as day numbers (inclusive), or null when the text gives no date. */
  day0: number | null;
  day1: number | null;
  lat: number | null;
  lon: number | null;
  /** Uncertainty radius of the place in km. */
  radius: number | null;
  /** ISO2 of the place (or of the document's country when the place is unknown). */
  country: string | null;
  event: EventType;
  /** Canonical actor ids of the targets, language-independent (lexicon ids). */
  targets: string[];
  /** Canonical actor ids of the belligerents any stance names. */
  belligerents: string[];
  killedMin: number | null;
  killedMax: number | null;
  /** Distinctive details, lower-cased ("convoy", "four vehicles"). */
  details: string[];
}

/** Flattens a stored report (it must carry its id) into a cluster item. */
export function toClusterItem(report: Report): ClusterItem {
  if (!report.id) throw new Error(`report ${report.document_id}#${report.index} has no id; store it first`);
  const place = report.place;
  return {
    id: report.id,
    doc: report.document_id,
    day0: report.date ? dayNumber(report.date.start) : null,
    day1: report.date ? dayNumber(report.date.end) : null,
    lat: place ? place.lat : null,
    lon: place ? place.lon : null,
    radius: place ? place.radius_km : null,
    country: place?.country ?? null,
    event: report.event_type,
    targets: uniqSorted(report.targets.map((t) => t.id)),
    belligerents: uniqSorted(report.attributions.filter((a) => a.stance !== 'unknown').map((a) => a.actor.id)),
    killedMin: report.killed?.min ?? null,
    killedMax: report.killed?.max ?? null,
    details: uniqSorted(report.details.map(canonicalDetail).filter((d) => d.length > 0)),
  };
}

/**
 * French words for the details the extractor picks up, by their English counterpart, so that
 * "l'hôpital" and "the hospital" count as one shared detail.
 */
const FRENCH_DETAILS: Record<string, string> = {
  convoi: 'convoy',
  vehicule: 'vehicle',
  voiture: 'car',
  camion: 'truck',
  moto: 'motorcycle',
  maison: 'house',
  hopital: 'hospital',
  marche: 'market',
  mariage: 'wedding',
  funeraille: 'funeral', // "funérailles" once singularised
  ecole: 'school',
  mosquee: 'mosque',
  reunion: 'meeting',
  aeroport: 'airport',
};

/**
 * One spelling per detail across languages and number: lower case, no accents, singular
 * ("Véhicules" -> "vehicle", "motorcycles" -> "motorcycle"), French mapped to English.
 */
export function canonicalDetail(raw: string): string {
  const d = raw.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
  const singular = d.replace(/(?<=[a-z]{3})[sx]$/, '');
  return FRENCH_DETAILS[singular] ?? singular;
}

function uniqSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}
