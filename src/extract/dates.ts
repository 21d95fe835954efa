/**
 * Date expressions in a text, each resolved against the document's publication date into a
 * window with a precision (see dates-rules.ts for the expressions, dates-resolve.ts for the
 * resolution rules). Pure: no clock, the publication date is the only anchor; never throws.
 *
 * @example
 *   findDates('The drone struck on Tuesday night.', { published: '2019-08-08', published_precision: 'day', language: 'en' })
 *   // -> [{ text: 'Tuesday night', window: { start: '2019-08-06', end: '2019-08-06', precision: 'day' }, kind: 'weekday', ... }]
 */
import type { DateWindow } from '../domain/index.ts';
import { dayNumber, parsePublished, windowOf, type Published } from './dates-calendar.ts';
import { RULES, type AnchorKind, type Rule } from './dates-rules.ts';
import { isWeekday, type DateKind, type RuleResult } from './dates-rule-windows.ts';
import { NAME_WORDS, monthWord, weekdayWord } from './dates-lexicon.ts';
import { isWordCode, scanWordsWhere, windowAround, type Word } from './dates-scan.ts';

export interface DateContext {
  /** YYYY-MM-DD | YYYY-MM | YYYY, or null when unknown. */
  published: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  language: string | null;
}

export interface DateMention {
  span: [number, number];
  text: string;
  window: DateWindow | null;
  kind: DateKind;
  year_printed: boolean;
  /** Which rule matched (for debugging and evaluation reports). */
  rule: string;
  /** True when a named weekday does not fall on the named date (the window is then null). */
  inconsistent?: boolean;
  /** The weekday the expression names (0 = Sunday), resolved or not: "Tuesday's raids", "vendredi 3 janvier". */
  weekday?: number;
}

interface Candidate extends RuleResult {
  start: number;
  end: number;
  rule: string;
  order: number;
}

/** Anchor words other than weekday and month names, by the kind of rule they can start. */
const KEYWORDS = new Map<string, AnchorKind[]>();
function keywords(kind: AnchorKind, words: string[]): void {
  for (const w of words) KEYWORDS.set(w, [...(KEYWORDS.get(w) ?? []), kind]);
}
keywords('today', ['today', 'tonight', 'aujourd', 'vandaag', 'اليوم', 'morning', 'afternoon', 'evening', 'matin', 'soir', 'après']);
keywords('yesterday', ['yesterday', 'hier', 'veille', 'gisteren', 'gisterenavond', 'eergisteren', 'أمس', 'امس', 'البارحة']);
keywords('night', ['night', 'overnight', 'nuit', 'الليلة']);
keywords('dayrel', ['veille', 'lendemain', 'day', 'suivant']);
keywords('ago', ['ago', 'jours', 'semaine']);
keywords('week', ['week', 'weekend', 'semaine', 'الأسبوع']);
keywords('days', ['days', 'jours']);
keywords('hours', ['hours', 'heures']);
keywords('monthword', ['month', 'mois', 'maand', 'الشهر']);
keywords('yearword', ['year', 'année', 'jaar', 'العام', 'dernier']);
keywords('holiday', ['christmas', 'noël', 'noel']);

const RULES_BY_ANCHOR = new Map<AnchorKind, Rule[]>();
for (const r of RULES) for (const a of r.anchors) RULES_BY_ANCHOR.set(a, [...(RULES_BY_ANCHOR.get(a) ?? []), r]);

const NL_WEEKDAY_COMPOUND = /^(zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)(avond|ochtend|middag|nacht|morgen)$/;

/** What kinds of date rule a word can anchor. */
function anchorKinds(w: Word, text: string): AnchorKind[] {
  const k = w.lower;
  const c0 = k.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const kinds: AnchorKind[] = [];
    const next = text.charCodeAt(w.end);
    if ((next === 47 || next === 46 || next === 45) && text.charCodeAt(w.end + 1) >= 48 && text.charCodeAt(w.end + 1) <= 57) kinds.push('numeric');
    if (k.length === 4 && (k.startsWith('19') || k.startsWith('20'))) kinds.push('year');
    return kinds;
  }
  const kinds = KEYWORDS.get(k);
  if (weekdayWord(k) !== null || (k.length > 9 && NL_WEEKDAY_COMPOUND.test(k))) return kinds ? [...kinds, 'weekday'] : ['weekday'];
  if (monthWord(k) !== null || k === 'كانون' || k === 'تشرين') return kinds ? [...kinds, 'month'] : ['month'];
  return kinds ?? [];
}

/**
 * Cheap pre-filter for anchorKinds: a word can be an anchor only if its first two characters
 * (lower-cased one by one) and its length are those of some anchor word, or it starts with a
 * digit. Lower-casing is one character for one everywhere but "İ" and the context-dependent
 * "Σ", and no anchor holds what those become, so no anchor is ever filtered out.
 */
const ANCHOR_KEYS = new Set<number>();
for (const w of [...KEYWORDS.keys(), ...NAME_WORDS, 'كانون', 'تشرين']) ANCHOR_KEYS.add(keyOf(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.length));
for (const d of ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za']) for (let n = 10; n <= 16; n++) ANCHOR_KEYS.add(keyOf(d.charCodeAt(0), d.charCodeAt(1), n)); // "zondagavond"

function keyOf(c0: number, c1: number, length: number): number {
  return (c0 * 65536 + c1) * 64 + Math.min(length, 63);
}

/** One UTF-16 unit lower-cased: ASCII at once, others through toLowerCase (first unit). */
function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

function mayAnchor(text: string, start: number, end: number): boolean {
  const c0 = text.charCodeAt(start);
  if (c0 >= 48 && c0 <= 57) return true;
  const c1 = end - start > 1 ? lowerUnit(text.charCodeAt(start + 1)) : 0;
  return ANCHOR_KEYS.has(keyOf(lowerUnit(c0), c1, end - start));
}

/** All date expressions in `text`, in text order, non-overlapping (longest match wins). */
export function findDates(text: string, ctx: DateContext): DateMention[] {
  try {
    return find(text, ctx);
  } catch {
    return [];
  }
}

function find(text: string, ctx: DateContext): DateMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const pub = parsePublished(ctx?.published ?? null);
  const first = findWith(text, pub);
  // Only a month (or year) published: the text's own latest day in it is a lower bound for the
  // publication day, which narrows "today" and "on Tuesday" ("July 27" ... "today" -> 27-31 July).
  if (!pub || pub.precision === 'day') return first;
  const floor = latestToldDay(text, first, pub);
  return floor === null ? first : findWith(text, { ...pub, floor });
}

/** "talks scheduled for July 30", "le sommet prévu le 30 juillet": a day still to come. */
const FUTURE_BEFORE = /\b(?:will|would|scheduled|planned|due|expected|set|until|next|prévue?s?|programmée?s?|jusqu['’]au|doit|doivent|devra|devraient)\b[^.;\n]{0,25}$/iu;

/** The latest single day or range end the text tells inside the publication window (not a future one). */
function latestToldDay(text: string, ms: DateMention[], pub: Published): number | null {
  let best: number | null = null;
  for (const m of ms) {
    if ((m.kind !== 'absolute' && m.kind !== 'range') || !m.window) continue;
    if (FUTURE_BEFORE.test(text.slice(Math.max(0, m.span[0] - 40), m.span[0]))) continue;
    const [y, mo, d] = m.window.end.split('-').map(Number);
    const dn = dayNumber(y, mo, d);
    if (dn === null || dn <= pub.first || dn > pub.last) continue;
    if (best === null || dn > best) best = dn;
  }
  return best;
}

function findWith(text: string, pub: Published | null): DateMention[] {
  const found = new Map<string, Candidate>();
  for (const w of scanWordsWhere(text, 0, text.length, (a, b) => mayAnchor(text, a, b))) {
    const kinds = anchorKinds(w, text);
    if (kinds.length === 0) continue;
    const [ws, we] = windowAround(text, w.start, w.end, 32, 48);
    const window = text.slice(ws, we);
    const tried = new Set<Rule>();
    for (const kind of kinds) {
      for (const rule of RULES_BY_ANCHOR.get(kind) ?? []) {
        if (tried.has(rule)) continue;
        tried.add(rule);
        collect(rule, window, ws, pub, found);
      }
    }
  }
  const chosen = chain(select([...found.values()]));
  return merge(chosen, text).map((c) => toMention(c, text));
}

function collect(rule: Rule, window: string, offset: number, pub: Published | null, out: Map<string, Candidate>): void {
  const order = RULES.indexOf(rule);
  rule.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = rule.re.exec(window)) !== null) {
    if (m[0].length === 0) {
      rule.re.lastIndex++;
      continue;
    }
    if (m.index > 0 && isWordCode(window.charCodeAt(m.index - 1))) {
      rule.re.lastIndex = m.index + 1; // began inside a word ("Omar" is not "mar")
      continue;
    }
    const start = offset + m.index;
    const end = start + m[0].length;
    const key = `${rule.name}:${start}:${end}`;
    if (out.has(key)) continue;
    const r = rule.resolve(m, pub);
    if (r) out.set(key, { ...r, start, end, rule: rule.name, order });
  }
}

/** Greedy: longest first (earlier rule on ties), drop anything overlapping a kept match. */
function select(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * "La veille" / "the next day" count from the last single day told before them in the text;
 * with none, "la veille" falls back to the day before publication and "the next day" stays unknown.
 */
function chain(cands: Candidate[]): Candidate[] {
  let last: string | null = null;
  return cands.map((c) => {
    let out = c;
    if (typeof c.shift === 'number' && last !== null) {
      const [y, mo, d] = last.split('-').map(Number);
      const dn = (dayNumber(y, mo, d) as number) + c.shift;
      out = { ...c, window: windowOf(dn, dn, 'day') };
    }
    if (out.window && out.window.start === out.window.end) last = out.window.start;
    return out;
  });
}

/**
 * Joins a weekday or relative expression with the date that follows it: "Sunday (June 17th)",
 * "last week (March 17)", "Saturday, Oct. 1", "اليوم الجمعة" (today, Friday). The more precise
 * of the two gives the window; a weekday that does not fit the date makes it null.
 */
function merge(cands: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      const joined = joinPair(a, b, gap, text);
      if (joined) {
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function joinPair(a: Candidate, b: Candidate, gap: string, text: string): Candidate | null {
  const paren = /^\s*[([]\s*$/.test(gap);
  const comma = /^\s*,?\s*(?:(?:the|le)\s+)?$/i.test(gap);
  if (!paren && !comma) return null;
  let end = b.end;
  if (paren) {
    const close = /^\s*[)\]]/.exec(text.slice(b.end));
    if (!close) return null;
    end = b.end + close[0].length;
  }
  const dayLike = b.kind === 'absolute' || (b.kind === 'range' && b.rule !== 'nuit-fr');
  if (a.kind === 'weekday' && typeof a.weekday === 'number' && dayLike) {
    // "Sunday (June 17th)": the date decides; a weekday that does not fit it voids the window.
    const fits = b.window === null || b.window.start !== b.window.end || isWeekday(b.window.start, a.weekday);
    return { ...b, start: a.start, end, window: fits ? b.window : null, inconsistent: !fits || b.inconsistent };
  }
  if (a.kind === 'relative' && paren && (b.kind === 'absolute' || b.kind === 'range')) {
    // "last week (March 17)": the printed date is more precise than the relative phrase.
    return { ...b, start: a.start, end };
  }
  if (a.kind === 'relative' && b.kind === 'weekday' && a.window?.precision === 'day' && comma) {
    // "today, Friday" / "اليوم الجمعة": the relative day, with the weekday as a check.
    return { ...a, end };
  }
  if (a.kind === 'relative' && b.kind === 'weekday' && comma && a.window === null) {
    return { ...a, end };
  }
  return null;
}

function toMention(c: Candidate, text: string): DateMention {
  const m: DateMention = {
    span: [c.start, c.end],
    text: text.slice(c.start, c.end),
    window: c.window,
    kind: c.kind,
    year_printed: c.year_printed,
    rule: c.rule,
  };
  if (c.inconsistent) m.inconsistent = true;
  if (typeof c.weekday === 'number') m.weekday = c.weekday;
  return m;
}
