/**
 * Choosing the date window of a strike among the date expressions of its sentences.
 *
 * - A date attached to a statement ("the Pentagon announced Monday", "a annoncé lundi")
 *   dates the statement, not the strike: it only bounds the strike from above.
 * - Otherwise the most precise date of the strike's lead sentence wins, then of its other
 *   sentences, the headline last.
 * - With no date at all: a recent strike in an article with a full publication date is
 *   dated to the 7 days up to publication; a month-precision publication gives that month;
 *   no publication date gives no date (never a guess).
 */
import type { DateWindow } from '../domain/index.ts';
import type { DateContext, DateMention } from './collab.ts';

const STATEMENT_BEFORE =
  /\b(?:said|says|announced|announces|reported|reports|told|statement|declared|confirmed|acknowledged|claimed|added|stated|a (?:annoncé|indiqué|déclaré|affirmé|précisé|confirmé|rapporté)|selon un communiqué|communiqué|publié|published|released|issued)(?![\w\u00C0-\u024F])[^.;]{0,20}$|\b(?:is|are|was|were|being) (?:treated|cared for|pictured|photographed|seen|shown|recovering|buried)\b[^.;]{0,60}$|\b(?:est|sont|a été|ont été) (?:soignée?s?|photographiée?s?|inhumée?s?|enterrée?s?)(?![\w\u00C0-\u024F])[^.;]{0,60}$/i;
const STATEMENT_AFTER = /^[^.;]{0,4}\b(?:statement|communiqué|announcement|press release|briefing)\b/i;

/**
 * A date attached to a statement ("announced Monday", "a annoncé lundi") or to a caption of the
 * aftermath ("a survivor is treated on October 8"), not to the strike: it only bounds it.
 */
export function isStatementDate(text: string, m: { span: [number, number] }): boolean {
  const before = text.slice(Math.max(0, m.span[0] - 100), m.span[0]);
  const after = text.slice(m.span[1], m.span[1] + 30);
  return STATEMENT_BEFORE.test(before) || STATEMENT_AFTER.test(after);
}

export interface DateChoice {
  window: DateWindow | null;
  span: [number, number] | null;
}

/**
 * @param mentions date mentions of the whole text (resolved)
 * @param tiers ranges to look in, most relevant first
 */
export function chooseDate(text: string, mentions: DateMention[], tiers: [number, number][][], ctx: DateContext): DateChoice {
  let upperBound: { window: DateWindow; span: [number, number] } | null = null;
  for (const ranges of tiers) {
    const inTier = mentions.filter((m) => m.window !== null && ranges.some(([s, e]) => m.span[0] >= s && m.span[1] <= e));
    const strike: DateMention[] = [];
    for (const m of inTier) {
      if (isStatementDate(text, m)) {
        if (!upperBound) upperBound = { window: m.window!, span: m.span };
      } else strike.push(m);
    }
    if (strike.length > 0) {
      const best = strike.reduce((a, b) => (width(b.window!) < width(a.window!) ? b : a));
      return refine(text, mentions, tiers.slice(tiers.indexOf(ranges) + 1), best);
    }
  }
  if (upperBound) {
    // Strike on or before the statement: the week up to it.
    const end = upperBound.window.end;
    return { window: { start: addDays(end, -6), end, precision: 'week' }, span: upperBound.span };
  }
  return { window: fallbackWindow(ctx), span: null };
}

/**
 * A vague date of the lead ("last month", "la semaine dernière") is narrowed by a precise one
 * that the strike's later sentences give inside it ("... at a busy market on January 6"): the
 * same strike told twice, the second time with its day. A later date outside the window is
 * another matter (a statement, an earlier strike) and changes nothing.
 */
/** "The earlier one, on July 27": a date of another, earlier strike. */
const EARLIER_BEFORE = /\b(?:earlier|previous|prior|last|first|précédente?s?|premières?|dernières?)\b(?:(?![.;])[^])*$/iu;

function refine(text: string, mentions: DateMention[], later: [number, number][][], best: DateMention): DateChoice {
  const w = best.window!;
  let chosen: DateMention = best;
  if (width(w) > 1) {
    for (const ranges of later) {
      for (const m of mentions) {
        if (m.window === null || !ranges.some(([s, e]) => m.span[0] >= s && m.span[1] <= e)) continue;
        if (m.window.start < w.start || m.window.end > w.end || width(m.window) >= width(chosen.window!)) continue;
        if (isStatementDate(text, m) || EARLIER_BEFORE.test(text.slice(Math.max(0, m.span[0] - 60), m.span[0]))) continue;
        chosen = m;
      }
    }
  }
  return { window: chosen.window, span: chosen.span };
}

function fallbackWindow(ctx: DateContext): DateWindow | null {
  const p = ctx.published;
  if (!p) return null;
  const prec = ctx.published_precision ?? (p.length === 10 ? 'day' : p.length === 7 ? 'month' : 'year');
  if (prec === 'day' && p.length === 10) return { start: addDays(p, -6), end: p, precision: 'week' };
  if (prec === 'month' && p.length >= 7) {
    const [y, m] = p.slice(0, 7).split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { start: `${p.slice(0, 7)}-01`, end: `${p.slice(0, 7)}-${String(last).padStart(2, '0')}`, precision: 'month' };
  }
  return null;
}

/** Days covered by a window (1 for a single day). */
export function width(w: DateWindow): number {
  return Math.round((Date.parse(w.end) - Date.parse(w.start)) / 86_400_000) + 1;
}

export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
