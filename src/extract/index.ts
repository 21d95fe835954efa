/**
 * Extraction: one document in, its strike reports out. Pure: a function of the text, the
 * publication date and the gazetteer/lexicon data (loaded lazily, once). No clock, no I/O.
 *
 * Pipeline: sentences -> triggers -> event vs background -> strikes (grouping) -> for each
 * strike its date, place, casualties, targets, attribution, each with the spans backing it.
 */
import type { Report } from '../domain/index.ts';
import type { Gazetteer, GeocodeResult } from '../gazetteer/types.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { findEventSentences } from './events.ts';
import { ALSO_STRUCK, groupStrikes, type EventSentence, type StrikeGroup } from './grouping.ts';
import { isStatementDate } from './date-choice.ts';
import { hasPlatform, platformCues } from './triggers.ts';
import { isBackground } from './background.ts';
import { assembleReport, type DocContext } from './assemble.ts';
import { whereOf } from './event-where.ts';
import { dropRecalledStrikes } from './old-strike.ts';
import { isFollowUp } from './follow-up.ts';
import { findDates } from './collab.ts';
import { defaultGazetteer } from './gazetteer-default.ts';
import { datelineRanges, distanceKm, strikePlaces } from './place.ts';

export interface ExtractInput {
  id: string;
  name: string;
  title: string | null;
  text: string;
  published: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  language: string | null;
}

export interface ExtractDeps {
  gazetteer?: Gazetteer | null;
}

/** Every strike the document reports as having happened, one Report each. Never throws on text. */
export function extract(doc: ExtractInput, deps: ExtractDeps = {}): Report[] {
  const text = doc.text;
  const sentences = splitSentences(text, doc.title);
  const analysis = findEventSentences(text, sentences);
  // (background strikes only: the article's own event may still be a strike, see old-strike.ts)
  if (analysis.events.length === 0 && analysis.background.length === 0) return [];
  // An explainer ("Que sait-on des frappes de drones en Éthiopie ?", "What we know about the
  // strikes") recaps strikes already reported: it reports none of its own.
  if (analysis.background.some((b) => sentences[b.sentence].headline && b.reasons.includes('explainer'))) return [];
  const gazetteer = deps.gazetteer === undefined ? defaultGazetteer() : deps.gazetteer;
  const published_precision = doc.published_precision ?? (doc.published ? precisionOf(doc.published) : null);
  const dctx = { published: doc.published, published_precision, language: doc.language };
  let geo: GeocodeResult[] = [];
  if (gazetteer) {
    try {
      geo = gazetteer.geocode(text.slice(0, analysis.tailStart));
    } catch {
      geo = [];
    }
  }
  const paragraphStarts = sentences.filter((s, i) => i === 0 || sentences[i - 1].paragraph !== s.paragraph).map((s) => s.span[0]);
  const datelines = datelineRanges(text, paragraphStarts);
  const strikeGeo = strikePlaces(text, geo, datelines);
  const ctx: DocContext = {
    doc,
    text,
    sentences,
    dates: findDates(text.slice(0, analysis.tailStart), dctx),
    dateCtx: dctx,
    geo,
    strikeGeo,
    gazetteer,
    analysis,
    article: '',
  };
  dropOldDated(ctx);
  dropRecalledStrikes(ctx);
  if (analysis.events.length === 0 || isFollowUp(ctx)) return [];
  ctx.article = maskBackground(text.slice(0, analysis.tailStart), sentences, [
    ...analysis.background.map((b) => b.sentence),
    ...platformBackground(text, sentences, analysis.triggersBySentence),
  ]);
  for (const e of analysis.events) {
    e.day = dayOf(ctx, e);
    e.where = whereOf(strikeGeo, sentences, e);
  }
  let groups = groupStrikes(analysis.events);
  if (groups.length === 0 && hasPlatform(platformCues(text, [0, analysis.tailStart]))) {
    // Only back-references ("The strike hit a remote area"), in an article that names an air
    // platform: the strike the article is about, told without a full trigger phrase.
    groups = groupStrikes(analysis.events.map((e) => ({ ...e, strong: true })));
  }
  groups = groups.flatMap((g) => splitPlaceList(ctx, g));
  const reports: Report[] = [];
  for (const g of groups) {
    const r = assembleReport(ctx, g, reports.length, reports[reports.length - 1] ?? null);
    if (r) reports.push(r);
  }
  return reports;
}

/**
 * Sentences that name an air platform without a strike trigger and read as background
 * ("The US has used drones elsewhere in Africa", "surveillance aircraft over Timbuktu").
 */
function platformBackground(text: string, sentences: Sentence[], withTriggers: Map<number, unknown>): number[] {
  const out: number[] = [];
  for (const s of sentences) {
    if (withTriggers.has(s.index) || s.headline) continue;
    if (!hasPlatform(platformCues(text, s.span))) continue;
    if (isBackground(s.text, { isListItem: s.listItem }).background) out.push(s.index);
  }
  return out;
}

/**
 * The day window a sentence gives its strike: the day-precision date nearest to one of its
 * triggers, not tied to a statement ("With Monday's deaths, ... after raids on Sunday killed":
 * Sunday).
 */
function dayOf(ctx: DocContext, e: EventSentence): { start: string; end: string } | null {
  const [s, end] = ctx.sentences[e.sentence].span;
  let best: { start: string; end: string } | null = null;
  let bestDist = Infinity;
  for (const d of ctx.dates) {
    if (d.span[0] < s || d.span[1] > end || !d.window || d.window.precision !== 'day') continue;
    if (isStatementDate(ctx.text, d)) continue;
    for (const [a, b] of e.triggers) {
      const dist = d.span[0] >= b ? d.span[0] - b : a >= d.span[1] ? a - d.span[1] : 0;
      if (dist < bestDist) {
        bestDist = dist;
        best = { start: d.window.start, end: d.window.end };
      }
    }
  }
  return best;
}

/**
 * "Aircraft also struck the town of Bidama as well as the villages of Talmenes and Al-Kabina":
 * a strike told as a list of places is one strike per place.
 */
function splitPlaceList(ctx: DocContext, g: StrikeGroup): StrikeGroup[] {
  const lead = ctx.sentences[g.lead];
  const also = g.counted ? null : ALSO_STRUCK.exec(lead.text);
  if (!also) return g.counted ? [g] : splitPluralInPlaces(ctx, g, lead);
  // The clause after the verb, up to a source phrase or the end of the sentence.
  const from = lead.span[0] + also.index + also[0].length;
  let clause = ctx.text.slice(from, lead.span[1]);
  const stop = /,\s*(?:according|said|says|selon|a indiqué|killing|tuant)|[.;:]/i.exec(clause);
  if (stop) clause = clause.slice(0, stop.index);
  const names: [number, number][] = [];
  const NAME = /(?<![\p{L}])\p{Lu}[\p{L}'’-]+(?:[ -](?:al-|el-|Al-|El-)?\p{Lu}[\p{L}'’-]+)*/gu;
  for (const m of clause.matchAll(NAME)) {
    const between = names.length === 0 ? clause.slice(0, m.index) : clause.slice(names[names.length - 1][1] - from, m.index);
    const joined = names.length === 0
      ? /(?:^|\s)(?:the\s+)?(?:(?:towns?|villages?|cities|city|localités?|villes?|villages?)\s+(?:of|de|d['’])\s+)?$/iu.test(between) || /^\s*$/.test(between)
      : /^[\s,]*(?:(?:as well as|and|et|ainsi que)\s+)?(?:(?:the|les?|la)\s+)?(?:(?:towns?|villages?|cities|city|localités?|villes?)\s+(?:of|de|d['’])\s+)?$/iu.test(between);
    if (!joined) break;
    names.push([from + m.index, from + m.index + m[0].length]);
  }
  if (names.length < 2) return [g];
  return names.map((span) => ({ ...g, placeSpan: span }));
}

/**
 * "Des frappes aériennes dans la région de Diffa et dans celle de Tillabéry", "air strikes in
 * Hama and in Idlib provinces": plural strikes told in two places joined by a repeated
 * preposition are one strike per place (each place of the same country; a repeated preposition
 * so that "near X, in the Y region" stays one place).
 */
function splitPluralInPlaces(ctx: DocContext, g: StrikeGroup, lead: Sentence): StrikeGroup[] {
  const trigger = g.triggers.find(([a, b]) => a >= lead.span[0] && b <= lead.span[1]);
  if (!trigger || !/s$/i.test(ctx.text.slice(trigger[0], trigger[1]).split(/\s/)[0])) return [g];
  const places = ctx.strikeGeo
    .filter((r) => r.place.span && r.place.span[0] >= trigger[1] && r.place.span[1] <= lead.span[1] && r.place.precision !== 'country')
    .sort((a, b) => a.place.span![0] - b.place.span![0]);
  for (let i = 0; i + 1 < places.length; i++) {
    const a = places[i].place;
    const b = places[i + 1].place;
    if (a.country !== b.country || distanceKm(a, b) < a.radius_km + b.radius_km) continue;
    const between = ctx.text.slice(a.span![1], b.span![0]);
    if (/^(?:\s*\([^)]{1,30}\))?\s*(?:,\s*)?(?:et|and) (?:dans|à|en|au|in|at|on|near|près de) (?:(?:celle|celui|celles|ceux) (?:de|du|des) |the )?(?:la |le |l['’])?$/iu.test(between)) {
      return [
        { ...g, placeSpan: a.span! },
        { ...g, placeSpan: b.span!, sentences: [g.lead], triggers: [trigger] },
      ];
    }
  }
  return [g];
}

/** Blank out (with spaces) the given sentences of the text; offsets are unchanged. */
function maskBackground(text: string, sentences: Sentence[], which: number[]): string {
  if (which.length === 0) return text;
  let out = '';
  let at = 0;
  for (const i of [...new Set(which)].sort((a, b) => a - b)) {
    const [s, e] = sentences[i].span;
    if (s < at || e > text.length) continue;
    out += text.slice(at, s) + ' '.repeat(e - s);
    at = e;
  }
  return out + text.slice(at);
}

/** How much older than the story's reference a dated mention must be to be a past strike. */
const OLD_DAYS = 14;

/**
 * A later event sentence whose dates all lie well before the story's reference (the
 * publication window, else the first strike's own date) tells an earlier strike: "On Sept. 2,
 * a US strike in the area killed 13 civilians" in a December article. The first strike told
 * keeps its date whatever it is (a report can come weeks after the strike).
 */
function dropOldDated(ctx: DocContext): void {
  const { analysis, dates, sentences } = ctx;
  const body = analysis.events.filter((e) => !e.headline);
  if (body.length < 2) return;
  const datesOf = (i: number) =>
    dates.filter((d) => d.window !== null && d.span[0] >= sentences[i].span[0] && d.span[1] <= sentences[i].span[1] && d.kind !== 'year');
  const pubStart = ctx.dateCtx.published && ctx.dateCtx.published.length >= 7 ? `${ctx.dateCtx.published.slice(0, 7)}-01` : null;
  const firstDates = datesOf(body[0].sentence);
  const reference = pubStart && ctx.dateCtx.published!.length === 10 ? ctx.dateCtx.published! : pubStart ?? firstDates[0]?.window?.start ?? null;
  if (!reference) return;
  const limit = Date.parse(reference) - OLD_DAYS * 86_400_000;
  const keep = new Set<number>();
  for (const e of analysis.events) {
    const ds = e === body[0] || e.headline ? [] : datesOf(e.sentence);
    // A back-reference that dates the strike ("a survivor of the March 17 attack") when the
    // strike's own sentence gives no date is that strike, not an earlier one.
    const datesTheUndated = !e.strong && firstDates.length === 0;
    // A day inside the first strike's own vaguer window ("last month" ... "on January 6") is
    // that strike told again with its day, not an earlier one.
    const inFirst = (d: (typeof ds)[number]) =>
      firstDates.some((f) => f.window!.start !== f.window!.end && d.window!.start >= f.window!.start && d.window!.end <= f.window!.end);
    const isOld = (xs: typeof ds) => xs.length > 0 && xs.every((d) => Date.parse(d.window!.end) < limit && !inFirst(d));
    const old = !datesTheUndated && (isOld(ds) || (ds.length === 0 && e !== body[0] && !e.headline && sameDayAsOld(ctx, e.sentence, datesOf, isOld)));
    if (old) analysis.background.push({ sentence: e.sentence, reasons: ['old-date'] });
    else keep.add(e.sentence);
  }
  analysis.events = analysis.events.filter((e) => keep.has(e.sentence));
}

/** "The same day", "that day", "le même jour": the time of the sentence before. */
const SAME_DAY = /\b(?:(?:on |later |earlier )?(?:the|that) same (?:day|night|morning|evening)|(?:later|earlier) that (?:day|night)|le même jour|ce même jour|la même nuit|le jour même)\b/iu;

/**
 * A sentence dated only by "the same day" shares the day of the sentence before it that has
 * one: "A Jan. 3 strike killed X. Another strike the same day killed Y." is as old as the first.
 */
function sameDayAsOld<T>(ctx: DocContext, i: number, datesOf: (i: number) => T[], isOld: (xs: T[]) => boolean): boolean {
  if (!SAME_DAY.test(ctx.sentences[i].text)) return false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    if (ctx.sentences[j].headline) break;
    const ds = datesOf(j);
    if (ds.length > 0) return isOld(ds);
  }
  return false;
}

function precisionOf(published: string): 'day' | 'month' | 'year' {
  return published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year';
}
