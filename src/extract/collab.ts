/**
 * The seams to the colleagues' extractors (dates, casualties, actors, attribution).
 * Everything the assembly needs from them goes through here, so swapping a stand-in for
 * the real module is a one-line change in this file.
 *
 * TEMPORARY stand-ins until src/extract/ actors.ts and
 * attribution.ts land: they find nothing, so the pipeline runs end to end.
 */
import type { ActorRef, Attribution } from '../domain/index.ts';

export { findDates, type DateContext, type DateMention } from './dates.ts';

export { findCasualties, combineRanges, type CasualtyMention } from './casualties.ts';

export interface TargetResult {
  targets: ActorRef[];
  spans: [number, number][];
}

export function findTargets(_text: string, _eventSpans: [number, number][], _ctx: { title: string | null; language: string | null }): TargetResult {
  return { targets: [], spans: [] };
}

export function findAttributions(
  _text: string,
  _eventSpans: [number, number][],
  _ctx: { title: string | null; language: string | null },
): Attribution[] {
  return [];
}
