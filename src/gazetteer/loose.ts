import type { Place } from '../domain/index.ts';
import { candidateOf, fcodeOf } from './candidates.ts';
import { placeOf } from './result.ts';
import type { GazData } from './data.ts';
import { haversineKm } from './geo.ts';
import { consonantOutline, looseKey } from './normalize.ts';
import type { GeocodeResult } from './types.ts';

/**
 * Finding a settlement the text cues ("the town of Shehr", "the town of Bidama") among the
 * gazetteer places around the place the text attaches it to, when its spelling differs from
 * every GeoNames spelling only by transliteration habits (see `looseKey`) or by being
 * written joined or spaced. Confined to the
 * anchor's country and extent, so a loose spelling can only pick among a few hundred places.
 */

/** Populated places (not regions) of each country, per gazetteer. */
const byCountry = new WeakMap<GazData, Map<number, number[]>>();
/** Loose keys of place names, per gazetteer (pure function of the name). */
const looseOf = new WeakMap<GazData, Map<number, string | null>>();

function placesOf(d: GazData, country: number): number[] {
  let m = byCountry.get(d);
  if (!m) {
    m = new Map();
    for (let p = 0; p < d.firstRegion; p++) {
      const c = d.country[p];
      let list = m.get(c);
      if (!list) m.set(c, (list = []));
      list.push(p);
    }
    byCountry.set(d, m);
  }
  return m.get(country) ?? [];
}

function keyOf(d: GazData, p: number): string | null {
  let m = looseOf.get(d);
  if (!m) looseOf.set(d, (m = new Map()));
  let k = m.get(p);
  if (k === undefined) m.set(p, (k = looseKey(d.names[p])));
  return k;
}

/** The outline must keep this many consonants to be compared at all ("bdm", "shr"). */
const MIN_OUTLINE = 3;

/**
 * The gazetteer place a cued name stands for, inside its anchor (a region: within its
 * radius; a town: within 50 km, as an anchor from a neighbouring sentence may be the
 * district seat). A loose-key match wins; an outline match only when it is
 * the only one. Null when nothing or several things match.
 */
export function looseMatch(d: GazData, name: string, span: [number, number], anchor: Place): GeocodeResult | null {
  const key = looseKey(name);
  if (!key || key.replace(/ /g, '').length < 4 || !anchor.country) return null;
  const outline = consonantOutline(key);
  if (outline.replace(/[ aeiouy]/g, '').length < MIN_OUTLINE) return null;
  const ci = d.countries.indexOf(anchor.country);
  if (ci < 0) return null;
  const reach = anchor.precision === 'region' || anchor.precision === 'district' ? anchor.radius_km + 10 : anchor.radius_km + 50;
  // a name written joined or spaced ("Khanshaykhun" / "Khan Shaykhun", "Abukamal" / "Abu
  // Kamal") is the same name: the words compare without the spaces between them
  const joined = key.replace(/ /g, '');
  const exact: number[] = [];
  const outlined: number[] = [];
  for (const p of placesOf(d, ci)) {
    const k = keyOf(d, p);
    if (!k) continue;
    // (the length test first: most keys differ in length by more than their spaces)
    const same = k === key || (k.length >= joined.length && k.length <= joined.length + 3 && k.replace(/ /g, '') === joined);
    if (!same && consonantOutline(k) !== outline) continue;
    if (haversineKm(anchor.lat, anchor.lon, d.lat[p], d.lon[p]) > reach) continue;
    (same ? exact : outlined).push(p);
  }
  const pick = exact.length === 1 ? exact[0] : exact.length === 0 && outlined.length === 1 ? outlined[0] : -1;
  if (pick < 0) return null;
  const c = candidateOf(d, pick);
  const fc = fcodeOf(d, pick);
  const place = placeOf(d, pick, name, span, {
    precision: d.population[pick] < 1000 && fc === 'PPL' ? 'village' : 'town',
    how: `${fc} ${c.name} (${c.country}), a spelling of ${name} near ${anchor.name}`,
  });
  // the anchor stays: the text attached the name to it, so the name is the more specific place
  return { place, kind: 'name', anchor, score: 0.6 };
}
