import type { Attribution, EventType, Place, Report } from '../domain/index.ts';

/**
 * Builders for realistic reports in tests: what the extractor gives for one article about one
 * strike. Test support only (imported by *.test.ts files).
 */
export interface ReportSpec {
  doc: string;
  index?: number;
  event?: EventType;
  date?: [string, string] | string | null;
  place?: { name: string; lat: number; lon: number; radius: number; country: string; precision?: Place['precision'] } | null;
  killed?: [number | null, number | null] | null;
  civilians?: [number | null, number | null] | null;
  targets?: string[];
  attributions?: { actor: string; stance: Attribution['stance']; source?: string }[];
  details?: string[];
}

export function report(s: ReportSpec): Report {
  const index = s.index ?? 0;
  const date = s.date === undefined || s.date === null ? null : typeof s.date === 'string' ? [s.date, s.date] : s.date;
  const days = date ? (Date.parse(date[1]) - Date.parse(date[0])) / 86_400_000 + 1 : 0;
  return {
    id: `${s.doc}:${index}`,
    document_id: s.doc,
    index,
    event_type: s.event ?? 'drone_strike',
    date: date ? { start: date[0], end: date[1], precision: days <= 1 ? 'day' : days <= 6 ? 'days' : days <= 13 ? 'week' : 'month' } : null,
    place: s.place
      ? {
          name: s.place.name,
          span: null,
          geonames_id: null,
          canonical_name: null,
          country: s.place.country,
          admin1: null,
          lat: s.place.lat,
          lon: s.place.lon,
          radius_km: s.place.radius,
          precision: s.place.precision ?? 'town',
        }
      : null,
    place_alternatives: [],
    killed: s.killed ? { min: s.killed[0], max: s.killed[1] } : null,
    injured: null,
    civilians_killed: s.civilians ? { min: s.civilians[0], max: s.civilians[1] } : null,
    targets: (s.targets ?? []).map((id) => ({ id, name: id })),
    attributions: (s.attributions ?? []).map((a) => ({ actor: { id: a.actor, name: a.actor }, stance: a.stance, source: a.source ?? null, span: null })),
    details: s.details ?? [],
    spans: {},
    confidence: 0.8,
  };
}

/** Places used in tests (coordinates from GeoNames, rounded). */
export const PLACES = {
  dattaKhel: { name: 'Datta Khel', lat: 32.95, lon: 69.77, radius: 8, country: 'PK' },
  dattaKhelFr: { name: 'Datta Khel, Waziristan du Nord', lat: 32.97, lon: 69.8, radius: 10, country: 'PK' },
  miranshah: { name: 'Miranshah', lat: 33.0, lon: 70.07, radius: 8, country: 'PK' },
  mirAli: { name: 'Mir Ali', lat: 32.98, lon: 70.27, radius: 8, country: 'PK' },
  wana: { name: 'Wana', lat: 32.3, lon: 69.57, radius: 8, country: 'PK' },
  northWaziristan: { name: 'North Waziristan', lat: 32.98, lon: 69.95, radius: 60, country: 'PK', precision: 'district' as const },
  jilib: { name: 'close to Jilib', lat: 0.49, lon: 42.79, radius: 20, country: 'SO', precision: 'near' as const },
  kunduz: { name: 'Kunduz', lat: 36.73, lon: 68.86, radius: 8, country: 'AF' },
  kunduzFr: { name: 'Kunduz, nord de l’Afghanistan', lat: 36.72, lon: 68.85, radius: 10, country: 'AF' },
  mali: { name: 'Mali', lat: 17.35, lon: -3.52, radius: 870, country: 'ML', precision: 'country' as const },
  somalia: { name: 'Somalia', lat: 5.5, lon: 45.49, radius: 850, country: 'SO', precision: 'country' as const },
  borno: { name: 'Borno State', lat: 11.5, lon: 13.0, radius: 160, country: 'NG', precision: 'region' as const },
  nigeria: { name: 'Nigeria', lat: 9.6, lon: 8.1, radius: 600, country: 'NG', precision: 'country' as const },
  maiduguri: { name: 'Maiduguri', lat: 11.85, lon: 13.16, radius: 10, country: 'NG' },
};
