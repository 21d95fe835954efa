/**
 * The seams to the colleagues' extractors (dates, casualties, actors, attribution).
 * Everything the assembly needs from them goes through here, so swapping a stand-in for
 * the real module is a one-line change in this file.
 *
 * TEMPORARY stand-ins until src/extract/dates.ts, casualties.ts, actors.ts and
 * attribution.ts land: they find nothing, so the pipeline runs end to end.
 */
import type { ActorRef, Attribution, DateWindow } from '../domain/index.ts';

export interface DateContext {
  published: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  language: string | null;
}
export interface DateMention {
  span: [number, number];
  text: string;
  window: DateWindow | null;
  kind: 'absolute' | 'relative' | 'weekday' | 'month' | 'year' | 'range';
  year_printed: boolean;
}
export interface CasualtyMention {
  category: 'killed' | 'injured' | 'civilians_killed';
  range: { min: number | null; max: number | null };
  span: [number, number];
  text: string;
  who: string | null;
}
export interface TargetResult {
  targets: ActorRef[];
  spans: [number, number][];
}

export function findDates(_text: string, _ctx: DateContext): DateMention[] {
  return [];
}

export function findCasualties(_text: string, _range: [number, number], _ctx: { language: string | null }): CasualtyMention[] {
  return [];
}

export function combineRanges(mentions: CasualtyMention[]): { min: number | null; max: number | null } | null {
  if (mentions.length === 0) return null;
  const mins = mentions.map((m) => m.range.min).filter((v): v is number => v !== null);
  const maxs = mentions.map((m) => m.range.max).filter((v): v is number => v !== null);
  return { min: mins.length ? Math.min(...mins) : null, max: maxs.length ? Math.max(...maxs) : null };
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
