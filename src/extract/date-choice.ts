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
import { parseNumber } from './numbers.ts';

const STATEMENT_BEFORE =
  /\b(?:said|says|announced|announces|reported|reports|told|statement|declared|confirmed|acknowledged|claimed|added|stated|(?:a|ont) (?:annoncé|indiqué|déclaré|affirmé|précisé|confirmé|rapporté)|selon un communiqué|communiqué|publié|published|released|issued)(?![\w\u00C0-\u024F])[^.;]{0,20}$|\b(?:is|are|was|were|being) (?:treated|cared for|pictured|photographed|seen|shown|recovering|buried)\b[^.;]{0,60}$|\b(?:est|sont|a été|ont été) (?:soignée?s?|photographiée?s?|inhumée?s?|enterrée?s?)(?![\w\u00C0-\u024F])[^.;]{0,60}$/i;
const STATEMENT_AFTER = /^[^.;]{0,4}\b(?:statement|communiqué|announcement|press release|briefing)\b/i;
/** The text says the strike's day is not known: "gave no date for the strike", "sans préciser la date". */
const NO_DATE_SAID =
  /\b(?:(?:gave|gives|give|provided|offered)\s+no\s+(?:date|day)|did\s+not\s+(?:say|specify|give|provide)\s+(?:when|the\s+date|a\s+date|the\s+day)|(?:no|without\s+a)\s+date\s+(?:was|has\s+been|had\s+been)\s+given|without\s+(?:giving|specifying|saying)\s+(?:a\s+|the\s+)?(?:date|when)|sans\s+(?:préciser|donner|indiquer)\s+(?:la\s+|de\s+)?date|sans\s+préciser\s+quand|n['’](?:a|ont)\s+pas\s+(?:précisé|donné|indiqué)\s+(?:la\s+|de\s+)?date)/i;

/**
 * A date right before the verb of speech ("rebels on Saturday claimed that", "l'armée a lundi
 * annoncé") or closing a dateline ("(APP - Pakistan Point News - 8 Jan, 2022 ) :").
 */
const VERB_AFTER =
  /^\s*(?:\)\s*[:\-–—]|,?\s+(?:that\s+)?(?:said|says|claimed|claims|announced|told|reported|stated|declared|confirmed|denied|annoncé|indiqué|déclaré|affirmé|revendiqué|démenti)(?![\p{L}])(?!\s+the\s+lives))/u;
/** A date put first, then who spoke: "Dimanche, l'ONU a annoncé que...", "On Sunday, the Pentagon said". */
const FRONTED_STATEMENT =
  /^\s*,\s+(?:[^,.;:\n]{1,30}?\s)?(?:said|says|announced|told|reported|stated|declared|admitted|acknowledged|a\s+(?:annoncé|indiqué|déclaré|affirmé|précisé|rapporté|admis|reconnu)|ont\s+(?:annoncé|indiqué|déclaré|affirmé|admis|reconnu))(?![\p{L}])/u;

/**
 * Only a date that opens its sentence is put first: in "killed a militant on Tuesday, the
 * military said", Tuesday is the strike's day and the statement follows the whole clause.
 */
const OPENS_SENTENCE = /(?:^|[.!?:»"”\n])\s*(?:(?:on|le|ce)\s+)?$/iu;

/**
 * A date attached to a statement ("announced Monday", "a annoncé lundi") or to a caption of the
 * aftermath ("a survivor is treated on October 8"), not to the strike: it only bounds it.
 */
export function isStatementDate(text: string, m: { span: [number, number] }): boolean {
  const before = text.slice(Math.max(0, m.span[0] - 100), m.span[0]);
  const after = text.slice(m.span[1], m.span[1] + 30);
  if (POSSESSIVE_AFTER.test(after)) return false;
  return STATEMENT_BEFORE.test(before) || STATEMENT_AFTER.test(after) || STATEMENT_BEFORE_AR.test(before) || (OPENS_SENTENCE.test(before) && FRONTED_STATEMENT.test(text.slice(m.span[1], m.span[1] + 60))) || VERB_AFTER.test(after);
}

/** "Tuesday's air raids", "Friday's strikes": a possessive date names the day of what follows it. */
const POSSESSIVE_AFTER = /^['’]s(?![\p{L}])/u;

/**
 * Arabic statements put the subject between the verb and its date: "نفت روسيا قطعيا اليوم"
 * (Russia flatly denied today), "ما ذكره المرصد السوري لحقوق الإنسان أمس" (what the Observatory
 * reported yesterday). So the date may follow the verb by a few words, but not past "إن / أن"
 * (that), which opens what was said: "قال متحدث إن قوات بلاده شنت اليوم غارات" dates the raids.
 */
const STATEMENT_BEFORE_AR =
  /(?<![\p{L}])(?:و)?(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|نفى|نفت|ذكر|ذكرت|ذكره|ذكرته|أكد|أكدت|أفاد|أفادت|صرح|صرّح|أوضح|أوضحت)(?![\p{L}])(?:(?!\s(?:إن|أن|بأن|ان)\s)[^.;،\n]){0,45}$/u;

/**
 * "Officials said early on Monday": a statement made in the first hours of a day reports what
 * happened that night or the day before, not up to a week before.
 */
const EARLY_BEFORE = /\b(?:early|tôt)\s+(?:on\s+|le\s+)?$/i;

export interface DateChoice {
  window: DateWindow | null;
  span: [number, number] | null;
}

/**
 * @param mentions date mentions of the whole text (resolved)
 * @param tiers ranges to look in, most relevant first
 * @param strikeTiers how many of the first tiers tell the strike itself (the rest: its toll)
 */
export function chooseDate(text: string, mentions: DateMention[], tiers: [number, number][][], ctx: DateContext, strikeTiers = tiers.length): DateChoice {
  let upperBound: { window: DateWindow; span: [number, number]; early: boolean } | null = null;
  // Weekdays are taken from the tiers that tell the strike, not from the aftermath ("the news
  // had circulated since Wednesday" names no day of the strike).
  const named = strikeWeekdays(text, mentions, tiers.slice(0, strikeTiers));
  // "Getachew gave no date for the reported strike": days found past the lead are of something else.
  const undated = tiers.some((ranges) => ranges.some(([s, e]) => NO_DATE_SAID.test(text.slice(s, e))));
  for (const ranges of undated ? tiers.slice(0, 1) : tiers) {
    const inTier = mentions.filter((m) => m.window !== null && ranges.some(([s, e]) => m.span[0] >= s && m.span[1] <= e));
    const strike: DateMention[] = [];
    for (const m of inTier) {
      if (isStatementDate(text, m)) {
        if (!upperBound) upperBound = { window: m.window!, span: m.span, early: EARLY_BEFORE.test(text.slice(Math.max(0, m.span[0] - 12), m.span[0])) };
      } else if (fitsWeekdays(m, named)) strike.push(m);
    }
    if (strike.length > 0) {
      const best = strike.reduce((a, b) => (width(b.window!) < width(a.window!) ? b : a));
      const weekly = weeklyBulletin(text, mentions, inTier, best, ctx);
      if (weekly) return weekly;
      const chosen = refine(text, mentions, tiers.slice(tiers.indexOf(ranges) + 1), best);
      return afterLull(text, mentions, chosen) ?? chosen;
    }
  }
  if (upperBound) {
    const before = anaphorDay(text, mentions, tiers.slice(0, strikeTiers), upperBound.window.end);
    if (before) return before;
    // Strike on or before the statement: the week up to it, or the night before when the
    // statement came early that day.
    const end = upperBound.window.end;
    if (upperBound.early && upperBound.window.start === end) return { window: { start: addDays(end, -1), end, precision: 'days' }, span: upperBound.span };
    return { window: { start: addDays(end, -6), end, precision: 'week' }, span: upperBound.span };
  }
  if (!ctx.published && named.size > 0) {
    const printed = printedDayOf(text, mentions, named);
    if (printed) return { window: printed.window, span: printed.span };
  }
  const fallback = fallbackWindow(ctx);
  if (fallback && fallback.precision === 'week') {
    const today = theDayOfTheStory(text, mentions, fallback);
    if (today) return { window: today.window, span: today.span };
  }
  const undatedChoice = { window: fallback, span: null };
  return afterLull(text, mentions, undatedChoice) ?? undatedChoice;
}

/**
 * The weekdays the strike's sentences name for it ("Tuesday's air raids", "on Friday"), whether
 * or not they resolve: statement days apart.
 */
/** A strike sentence that takes up an aircraft named before: "Le drone a alors effectué une frappe", "the jets then struck". */
const PLATFORM_ANAPHOR = /(?:^|[\s«"“])(?:le|les|l['’]|the|this|these|ce|ces|cet)\s*(?:drones?|appareils?|avions?|aircraft|jets?|warplanes?|planes?|Reapers?|Mirage|hélicoptères?|helicopters?)(?![\p{L}])/iu;
/** A sentence that names an aircraft. */
const PLATFORM_NAMED = /(?<![\p{L}])(?:drones?|Reapers?|MQ-9|avions?|aircraft|jets?|warplanes?|Mirage|Rafale|hélicoptères?|helicopters?|gunships?)(?![\p{L}])/iu;

/**
 * "Un drone Reaper a repéré jeudi un convoi. [...] Le drone a alors effectué une frappe": a strike
 * told with no day by "the drone" takes the day of the sentence just before (two at most) that
 * names the aircraft, when that day is not after the statement.
 */
function anaphorDay(text: string, mentions: DateMention[], tiers: [number, number][][], notAfter: string): DateChoice | null {
  for (const ranges of tiers) {
    for (const [s, e] of ranges) {
      if (!PLATFORM_ANAPHOR.test(text.slice(s, e))) continue;
      let from = s;
      for (let k = 0; k < 2 && from > 0; k++) {
        // the sentence before `from`: back to the end of the one before it
        let end = from - 1;
        while (end > 0 && /\s/.test(text[end])) end--;
        let start = end - 1;
        while (start > 0 && !/[.!?]/.test(text[start - 1])) start--;
        const sentence = text.slice(start, end + 1);
        const days = mentions.filter(
          (m) => m.window !== null && m.window.start === m.window.end && m.span[0] >= start && m.span[1] <= end + 1 && m.window.end <= notAfter && !isStatementDate(text, m),
        );
        if (PLATFORM_NAMED.test(sentence) && days.length > 0) return { window: days[0].window!, span: days[0].span };
        from = start;
      }
    }
  }
  return null;
}

function strikeWeekdays(text: string, mentions: DateMention[], tiers: [number, number][][]): Set<number> {
  const out = new Set<number>();
  for (const m of mentions) {
    if (m.kind !== 'weekday' || typeof m.weekday !== 'number') continue;
    const strikeDay = POSSESSIVE_STRIKE.test(text.slice(m.span[1], m.span[1] + 40));
    if (!strikeDay && !tiers.some((ranges) => ranges.some(([s, e]) => m.span[0] >= s && m.span[1] <= e))) continue;
    if (!isStatementDate(text, m)) out.add(m.weekday);
  }
  return out;
}

/** "Friday's air strikes", "Tuesday's raid": wherever it stands, the day of a strike. */
const POSSESSIVE_STRIKE = /^['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:air\s*strikes?|strikes?|raids?|bombings?|bombardments?|attacks?)(?![\p{L}])/iu;

/**
 * A single day that names no weekday of its own is the strike's day only if it falls on a
 * weekday the strike's sentences give: "Tuesday's air raids" are not "its attack on the base
 * in January 15, 2016" (a Friday), and "Friday's air strikes" are "19 February 2016" (a Friday).
 */
function fitsWeekdays(m: DateMention, named: Set<number>): boolean {
  if (named.size === 0 || typeof m.weekday === 'number' || !m.window || m.window.start !== m.window.end) return true;
  return named.has(new Date(`${m.window.start}T00:00:00Z`).getUTCDay());
}

/**
 * With no publication date, "Friday's air strikes" cannot be resolved; a full date printed
 * elsewhere in the text that falls on that weekday (a caption's "19 February 2016", a Friday)
 * is the day the text means. Dates of statements and of the aftermath are not.
 */
function printedDayOf(text: string, mentions: DateMention[], named: Set<number>): DateMention | null {
  for (const m of mentions) {
    if (!m.window || !m.year_printed || m.window.start !== m.window.end || isStatementDate(text, m)) continue;
    if (!AIR_WORD.test(lineOf(text, m.span))) continue; // a caption of a car bomb dates no air strike
    if (named.has(new Date(`${m.window.start}T00:00:00Z`).getUTCDay())) return m;
  }
  return null;
}

const AIR_WORD = /(?<![\p{L}])(?:air\s*strikes?|strikes?|(?<!(?:car|truck|roadside|suicide)\s)bomb(?:s|ing|ed)?|raids?|drones?|frappes?|bombardements?|bombardée?s?|غارة|غارات|قصف)(?![\p{L}])/iu;

/** The line (paragraph or caption) holding a span. */
function lineOf(text: string, span: [number, number]): string {
  const s = text.lastIndexOf('\n', span[0] - 1) + 1;
  const e = text.indexOf('\n', span[1]);
  return text.slice(s, e < 0 ? text.length : e);
}

/**
 * With no date for the strike, an article whose only time words are "today" / "this morning"
 * (no other day in the text, statements apart) tells the events of its publication day.
 */
function theDayOfTheStory(text: string, mentions: DateMention[], within: DateWindow): DateMention | null {
  let found: DateMention | null = null;
  for (const m of mentions) {
    if (!m.window || isStatementDate(text, m)) continue;
    if (m.window.precision !== 'day' || m.rule !== 'today') return null;
    if (m.window.start < within.start || m.window.end > within.end) return null;
    if (found && found.window!.start !== m.window.start) return null;
    found ??= m;
  }
  return found;
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

/**
 * "Selon un bulletin de l'armée publié samedi, une vingtaine de terroristes ont été éliminés
 * durant la semaine écoulée": a weekly toll covers the seven days up to the bulletin's day, not
 * up to publication. With only the month published, the bulletin's weekday is taken as the
 * first such day on or after the latest day the text tells in that month (the bulletin reports
 * it, so it came out after it; a weekly bulletin reports its own week).
 */
function weeklyBulletin(text: string, mentions: DateMention[], tier: DateMention[], best: DateMention, ctx: DateContext): DateChoice | null {
  if (best.rule !== 'past-week' || !ctx.published || ctx.published.length !== 7) return null;
  const issued = tier.find((m) => m.kind === 'weekday' && typeof m.weekday === 'number' && isStatementDate(text, m));
  if (!issued) return null;
  const monthStart = `${ctx.published}-01`;
  const monthEnd = addDays(`${addDays(monthStart, 31).slice(0, 7)}-01`, -1);
  let floor: string | null = null;
  for (const m of mentions) {
    if ((m.kind !== 'absolute' && m.kind !== 'range') || !m.window) continue;
    if (m.window.end > monthStart && m.window.end <= monthEnd && (floor === null || m.window.end > floor)) floor = m.window.end;
  }
  if (floor === null) return null;
  let day = floor;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== issued.weekday) day = addDays(day, 1);
  if (day > monthEnd) return null;
  return { window: { start: addDays(day, -6), end: day, precision: 'week' }, span: best.span };
}

/** "The strike ended a 26-day lull", "after a three-week pause": how long since the previous strike. */
const LULL = new RegExp(
  '\\b(?:ended|ends|ending|broke|breaks|breaking|after|following)\\s+(?:a|an|the)\\s+(\\d{1,3}|[a-z]+(?:-[a-z]+)?)[-\\s](day|week)\\s+(?:lull|pause|hiatus|break|gap|respite)\\b|' +
    '(?:mis|met|mettant)\\s+fin\\s+à\\s+une?\\s+(?:pause|accalmie|trêve|interruption)\\s+de\\s+(\\d{1,3}|[a-zé]+(?:-[a-zé]+)?)\\s+(jours?|semaines?)(?![\\p{L}])',
  'iu',
);

/**
 * A vague date narrowed by a lull: "The strike ended a 26-day lull ...; the previous one took
 * place on Jan. 10" puts the strike 26 days after Jan. 10 (a day either way, as a count of days
 * may or may not include the last one). The previous day is the first single day told after the
 * lull phrase in the same or the next sentence.
 */
function afterLull(text: string, mentions: DateMention[], chosen: DateChoice): DateChoice | null {
  if (!chosen.window || width(chosen.window) <= 2) return null;
  // An article tells the lull of the strike it reports (that is what makes the strike news),
  // wherever it says so; a day outside the strike's own window is ignored below.
  const m = LULL.exec(text);
  if (!m) return null;
  const n = parseNumber(m[1] ?? m[3]);
  if (!n || n.min === null || n.min !== n.max) return null;
  const days = /^(?:week|semaines?)$/i.test(m[2] ?? m[4]) ? n.min * 7 : n.min;
  const from = m.index + m[0].length;
  const prev = mentions.find((d) => d.span[0] >= from && d.span[0] <= from + 200 && d.window && d.window.start === d.window.end);
  if (!prev) return null;
  const start = addDays(prev.window!.start, days);
  const end = addDays(start, 1) > chosen.window.end ? start : addDays(start, 1);
  if (start < chosen.window.start || start > chosen.window.end) return null;
  return { window: { start, end, precision: start === end ? 'day' : 'days' }, span: chosen.span };
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
