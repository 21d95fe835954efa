import { loadGazetteer } from '../gazetteer/index.ts';
import { actorById, belligerentIdOf, expandUnits, findActors } from '../lexicon/index.ts';
import type { AskDeps } from './ask-types.ts';
import type { ResolvedPlace } from './resolve.ts';

/**
 * The real lexicon and gazetteer — the ones extraction uses — wired for queries and `ask`.
 * Loading the gazetteer takes a few hundred milliseconds, once per process.
 */
export function defaultAskDeps(): AskDeps {
  const gaz = loadGazetteer();
  const deps: AskDeps = {
    findActors: (text) => findActors(text),
    actorName: (id) => actorById(id)?.name,
    expandUnits: (id) => expandUnits(id),
    belligerentOf: (id) => belligerentIdOf(id),
    geocode: (text) => gaz.geocode(text),
    lookupPlace: (name) => gaz.lookup(name),
    country: (iso2) => gaz.country(iso2),
  };
  deps.resolvePlace = (phrase) => resolvePlacePhrase(phrase, deps);
  return deps;
}

/** A region phrase of the API (?region=northern Mali, ?region=Kidal) -> a circle or a country. */
export function resolvePlacePhrase(phrase: string, deps: AskDeps): ResolvedPlace | null {
  const found = deps.geocode?.(phrase) ?? [];
  const best = found.find((r) => r.kind !== 'country') ?? found[0];
  if (best) {
    if (best.kind === 'country') return { name: best.place.name, circle: null, country: best.place.country, how: 'country' };
    return {
      name: best.place.canonical_name ?? best.place.name,
      circle: { lat: best.place.lat, lon: best.place.lon, km: Math.max(25, best.place.radius_km) },
      country: best.place.country,
      how: best.place.how ?? best.kind,
    };
  }
  const c = deps.lookupPlace?.(phrase.trim())[0];
  if (!c) return null;
  if (c.feature_code.startsWith('PCL')) return { name: c.name, circle: null, country: c.country, how: 'country' };
  return { name: c.name, circle: { lat: c.lat, lon: c.lon, km: Math.max(25, c.radius_km) }, country: c.country, how: `gazetteer: ${c.feature_code}` };
}
