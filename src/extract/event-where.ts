/**
 * The place one event sentence gives its strike, for telling strikes apart before any report is
 * assembled: the strike place (no dateline, no source's seat, no origin of the aircraft) finer
 * than a country that lies nearest to one of the sentence's triggers.
 */
import type { GeocodeResult } from '../gazetteer/types.ts';
import type { EventSentence, Where } from './grouping.ts';
import type { Sentence } from './sentences.ts';

export function whereOf(strikeGeo: readonly GeocodeResult[], sentences: readonly Sentence[], e: EventSentence): Where | null {
  const [s, end] = sentences[e.sentence].span;
  let best: Where | null = null;
  let bestDist = Infinity;
  for (const r of strikeGeo) {
    const sp = r.place.span;
    if (!sp || sp[0] < s || sp[1] > end || r.place.precision === 'country') continue;
    for (const [a, b] of e.triggers) {
      const dist = sp[0] >= b ? sp[0] - b : a >= sp[1] ? a - sp[1] : 0;
      if (dist < bestDist) {
        bestDist = dist;
        best = { lat: r.place.lat, lon: r.place.lon, radius_km: r.place.radius_km };
      }
    }
  }
  return best;
}
