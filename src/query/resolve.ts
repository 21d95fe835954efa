import type { Circle, IncidentFilters } from './filters.ts';

/**
 * Filters as the SQL builder needs them: the region phrase turned into a circle (or a
 * country), target ids expanded to their units. Resolution needs the gazetteer and the
 * lexicon, injected so the query layer stays testable without them.
 */

/** A region phrase as the gazetteer resolved it. */
export interface ResolvedPlace {
  name: string;
  /** Circle to search in; null when the phrase names a whole country. */
  circle: Circle | null;
  country: string | null;
  how: string;
}

export interface QueryDeps {
  /** Units of an actor, the actor included: AQIM -> AQIM + its brigades. */
  expandUnits?: (actorId: string) => string[];
  /** "northern Mali", "Kidal", "near Jilib" -> a circle or a country; null when unknown. */
  resolvePlace?: (phrase: string) => ResolvedPlace | null;
}

export interface ResolvedFilters extends IncidentFilters {
  /** How the region was understood, for "how the question was understood". */
  region_resolved?: ResolvedPlace;
}

export class FilterError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function resolveFilters(f: IncidentFilters, deps: QueryDeps = {}): ResolvedFilters {
  const out: ResolvedFilters = { ...f };
  if (f.target && deps.expandUnits) {
    out.target = [...new Set(f.target.flatMap((id) => deps.expandUnits!(id)))];
  }
  if (f.region) {
    const place = deps.resolvePlace?.(f.region) ?? null;
    if (!place) throw new FilterError(`region "${f.region}" is not a place the gazetteer knows`, 'region');
    out.region_resolved = place;
    if (place.circle && !f.near) out.near = place.circle;
    if (place.country && !f.country) out.country = [place.country];
  }
  if (f.event_date_from && f.event_date_to && f.event_date_from > f.event_date_to) {
    throw new FilterError(`event_date_from ${f.event_date_from} is after event_date_to ${f.event_date_to}`, 'event_date_from');
  }
  return out;
}
