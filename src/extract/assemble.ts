/**
 * Assembling one Report from a group of event sentences: event type, date, place,
 * casualties, targets and attribution, each with the spans that back it, and a confidence.
 */
import type { Place, Report } from '../domain/index.ts';
import type { Gazetteer, GeocodeResult } from '../gazetteer/types.ts';
import type { Sentence } from './sentences.ts';
import type { EventAnalysis } from './events.ts';
import type { StrikeGroup } from './grouping.ts';
import type { ExtractInput } from './index.ts';
import { eventTypeOf, platformCues } from './triggers.ts';
import { chooseDate } from './date-choice.ts';
import { choosePlace } from './place.ts';
import { combineRanges, findAttributions, findCasualties, findTargets, type CasualtyMention, type DateContext, type DateMention } from './collab.ts';

export interface DocContext {
  doc: ExtractInput;
  text: string;
  sentences: Sentence[];
  dates: DateMention[];
  dateCtx: DateContext;
  geo: GeocodeResult[];
  gazetteer: Gazetteer | null;
  analysis: EventAnalysis;
}

type Span = [number, number];

export function assembleReport(ctx: DocContext, g: StrikeGroup, index: number): Report | null {
  const { text, sentences } = ctx;
  const groupSentences = [...new Set(g.sentences)].sort((a, b) => a - b).map((i) => sentences[i]);
  const body = groupSentences.filter((s) => !s.headline);
  const headline = groupSentences.filter((s) => s.headline);
  const lead = sentences[g.lead];
  const spanOf = (s: Sentence) => s.span;
  const eventRanges: Span[] = groupSentences.map(spanOf);

  // Event type: platform words in the strike's sentences and the headline.
  const ev = { drone: false, aircraft: false, missile: false, airWording: false };
  const headlineSentences = sentences.filter((s) => s.headline);
  for (const s of [...groupSentences, ...headlineSentences]) {
    const c = platformCues(text, s.span);
    ev.drone ||= c.drone !== null;
    ev.aircraft ||= c.aircraft !== null;
    ev.missile ||= c.missile !== null;
  }
  for (const t of g.triggers) {
    const w = text.slice(t[0], t[1]);
    if (/air|aérien|aérienne|luchtaanval|غار|جوي|anga|drone/i.test(w)) ev.airWording = true;
  }
  const event_type = eventTypeOf(ev);

  // Date
  const bodyOthers = body.filter((s) => s.index !== lead.index).map(spanOf);
  const dateTiers: Span[][] = [[lead.span], bodyOthers, headline.map(spanOf)].filter((t) => t.length > 0);
  const date = g.counted ? chooseDate(text, [], [], ctx.dateCtx) : chooseDate(text, ctx.dates, dateTiers, ctx.dateCtx);

  // Place
  const neighbours = neighbourRanges(sentences, lead, ctx.analysis.tailStart);
  const placeTiers: Span[][] = [[lead.span], bodyOthers, headline.map(spanOf), neighbours].filter((t) => t.length > 0);
  const placeChoice = choosePlace(ctx.geo, placeTiers, g.triggers);
  let place: Place | null = placeChoice.place;
  if (!place) place = countryFallback(ctx);

  // Casualties: counted-only strikes have none of their own.
  const casualtyRanges: Span[] = g.counted ? [] : body.length > 0 ? body.map(spanOf) : headline.map(spanOf);
  const mentions: CasualtyMention[] = [];
  for (const r of casualtyRanges) mentions.push(...safe(() => findCasualties(text, r, { language: ctx.doc.language }), []));
  const byCat = (c: CasualtyMention['category']) => mentions.filter((m) => m.category === c);
  const killed = combineRanges(byCat('killed'));
  const injured = combineRanges(byCat('injured'));
  const civilians_killed = combineRanges(byCat('civilians_killed'));

  const actx = { title: ctx.doc.title, language: ctx.doc.language };
  const targetResult = safe(() => findTargets(text, eventRanges, actx), { targets: [], spans: [] });
  const attributions = safe(() => findAttributions(text, eventRanges, actx), []);

  const spans: Record<string, Span | Span[]> = { event: g.triggers[0] ?? lead.span };
  if (date.span) spans.date = date.span;
  if (placeChoice.span) spans.place = placeChoice.span;
  if (killed) spans.killed = byCat('killed').map((m) => m.span);
  if (injured) spans.injured = byCat('injured').map((m) => m.span);
  if (civilians_killed) spans.civilians_killed = byCat('civilians_killed').map((m) => m.span);
  if (targetResult.targets.length > 0) spans.targets = targetResult.spans;
  const attrSpans = attributions.map((a) => a.span).filter((s): s is Span => s !== null);
  if (attrSpans.length > 0) spans.attributions = attrSpans;

  let confidence = 0.4;
  if (body.length > 0) confidence += 0.15;
  if (date.window && date.span) confidence += 0.1;
  if (placeChoice.place) confidence += 0.1;
  if (killed) confidence += 0.1;
  if (attributions.length > 0) confidence += 0.05;
  if (g.counted) confidence = 0.3;

  const details = detailsOf(text, body.length > 0 ? body : headline);

  return {
    document_id: ctx.doc.id,
    index,
    event_type,
    date: date.window,
    place,
    place_alternatives: placeChoice.alternatives,
    killed,
    injured,
    civilians_killed,
    targets: targetResult.targets,
    attributions,
    details,
    spans,
    confidence: Math.min(0.95, Math.round(confidence * 100) / 100),
  };
}

/** The sentences just before and after the lead (within the article body). */
function neighbourRanges(sentences: Sentence[], lead: Sentence, tailStart: number): Span[] {
  const out: Span[] = [];
  for (const i of [lead.index + 1, lead.index - 1, lead.index + 2]) {
    const s = sentences[i];
    if (s && !s.headline && s.span[1] <= tailStart) out.push(s.span);
  }
  return out;
}

/** When no place is attached to the strike: the country the article names most. */
function countryFallback(ctx: DocContext): Place | null {
  const counts = new Map<string, number>();
  for (const r of ctx.geo) {
    if (r.place.span && r.place.span[0] >= ctx.analysis.tailStart) continue;
    const c = r.place.country;
    if (c) counts.set(c, (counts.get(c) ?? 0) + (r.kind === 'country' ? 2 : 1));
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || !ctx.gazetteer) return null;
  const cand = safe(() => ctx.gazetteer!.country(best[0]), null);
  if (!cand) return null;
  return {
    name: cand.name,
    span: null,
    geonames_id: cand.geonames_id,
    canonical_name: cand.name,
    country: best[0],
    admin1: null,
    lat: cand.lat,
    lon: cand.lon,
    radius_km: cand.radius_km,
    precision: 'country',
    how: 'country the article names most',
  };
}

const DETAIL_WORDS =
  /\b(?:convoy|vehicles?|car|truck|motorcycles?|house|compound|hospital|market|wedding|funeral|school|mosque|camp|checkpoint|meeting|base|airport|hideout|training camp|convoi|véhicules?|maison|hôpital|marché|mariage|école|mosquée|camp|réunion|base)\b/gi;

/** Distinctive words that help corroboration ("convoy", "hospital", "wedding"). */
function detailsOf(text: string, ss: Sentence[]): string[] {
  const found = new Set<string>();
  for (const s of ss) for (const m of text.slice(s.span[0], s.span[1]).matchAll(DETAIL_WORDS)) found.add(m[0].toLowerCase());
  return [...found].slice(0, 8);
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
