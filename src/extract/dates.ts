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
import { parsePublished, type Published } from './dates-calendar.ts';
import { RULES, isWeekday, type DateKind, type RuleResult } from './dates-rules.ts';

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
}

interface Candidate extends RuleResult {
  start: number;
  end: number;
  rule: string;
  order: number;
}

/** Cheap test for anything date-like; blocks without it skip the rules entirely. */
const DATEISH =
  /\d|day|di\b|dimanche|hier|week|semaine|mois|month|year|ann[ée]e|\ban\b|night|nuit|veille|ago|il y a|tonight|aujourd|vandaag|gisteren|overnight|morning|evening|soir|matin|heure|hour|dag|maand|jaar|jan|feb|f[ée]v|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|ao[uû]t|sep|oct|nov|d[ée]c|[\u0600-\u06ff]/i;

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
  const found: Candidate[] = [];
  // Dates never cross a line break: run the rules line by line, only where something looks date-like.
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (DATEISH.test(line)) collect(line, lineStart, pub, found);
    lineStart = lineEnd + 1;
  }
  const chosen = select(found);
  return merge(chosen, text).map((c) => toMention(c, text));
}

function collect(line: string, offset: number, pub: Published | null, out: Candidate[]): void {
  RULES.forEach((rule, order) => {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(line)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const r = rule.resolve(m, pub);
      if (r) out.push({ ...r, start: offset + m.index, end: offset + m.index + m[0].length, rule: rule.name, order });
    }
  });
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
  return m;
}
