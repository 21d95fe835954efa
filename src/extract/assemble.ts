/**
 * Assembling one Report from a group of event sentences: event type, date, place,
 * casualties, targets and attribution, each with the spans that back it, and a confidence.
 */
import type { Place, Report } from '../domain/index.ts';
import type { Gazetteer, GeocodeResult } from '../gazetteer/types.ts';
import type { Sentence } from './sentences.ts';
import type { EventAnalysis } from './events.ts';
import { OWN_STRIKE, type StrikeGroup } from './grouping.ts';
import type { ExtractInput } from './index.ts';
import { eventTypeOf, platformCues } from './triggers.ts';
import { chooseDate } from './date-choice.ts';
import { choosePlace, isSourcePlace } from './place.ts';
import { combineRanges, findAttributions, findCasualties, findTargets, type CasualtyMention, type DateContext, type DateMention, type TargetResult } from './collab.ts';

export interface DocContext {
  doc: ExtractInput;
  text: string;
  sentences: Sentence[];
  dates: DateMention[];
  dateCtx: DateContext;
  geo: GeocodeResult[];
  /** Geocoded mentions that can place a strike: no datelines, no places of sources. */
  strikeGeo: GeocodeResult[];
  gazetteer: Gazetteer | null;
  analysis: EventAnalysis;
  /**
   * The text as actors and attribution read it: without its tail (comments, tags), and with
   * the background strike sentences blanked out (same length, so spans keep their offsets):
   * "The US has used drones elsewhere" must not attribute this strike to the US.
   */
  article: string;
}

type Span = [number, number];

/**
 * @param prev the report of the strike told just before, if any: a follow-up strike that names
 *   no platform or place of its own ("the later strike of the pair killed two more at the site
 *   of the first") shares the platform and place of the strike before it.
 */
export function assembleReport(ctx: DocContext, g: StrikeGroup, index: number, prev: Report | null = null): Report | null {
  const { text, sentences } = ctx;
  const groupSentences = [...new Set(g.sentences)].sort((a, b) => a - b).map((i) => sentences[i]);
  const body = groupSentences.filter((s) => !s.headline);
  const headline = groupSentences.filter((s) => s.headline);
  const lead = sentences[g.lead];
  const spanOf = (s: Sentence) => s.span;
  const eventRanges: Span[] = groupSentences.map(spanOf);

  // Event type: platform words in the strike's sentences and the headline.
  const ev = { drone: false, aircraft: false, missile: false, airWording: false };
  // A headline asserts the platform, unless it asks a question ("Did the US launch a drone strike...?").
  const headlineSentences = sentences.filter((s) => s.headline && !/\?\s*$/.test(s.text));
  const platformSentences = [...groupSentences.filter((s) => !s.headline), ...headlineSentences];
  for (const s of platformSentences.length > 0 ? platformSentences : groupSentences) {
    const c = platformCues(text, s.span);
    ev.drone ||= c.drone !== null;
    ev.aircraft ||= c.aircraft !== null;
    ev.missile ||= c.missile !== null;
  }
  for (const t of g.triggers) {
    const w = text.slice(t[0], t[1]);
    if (/air|aérien|aérienne|luchtaanval|غار|جوي|anga|drone/i.test(w)) ev.airWording = true;
  }
  const event_type = eventTypeOf(ev) === 'air_raid_unspecified' && prev ? prev.event_type : eventTypeOf(ev);

  // Date
  const bodyOthers = body.filter((s) => s.index !== lead.index).map(spanOf);
  const deaths = deathSentences(ctx, lead);
  const dateTiers: Span[][] = [[lead.span], bodyOthers, headline.map(spanOf), deaths].filter((t) => t.length > 0);
  // the death sentences come last: they tell the toll, not the strike's weekday
  const strikeTiers = dateTiers.length - (deaths.length > 0 ? 1 : 0);
  let date = g.counted ? chooseDate(text, [], [], ctx.dateCtx) : chooseDate(text, ctx.dates, dateTiers, ctx.dateCtx, strikeTiers);
  // Strikes the article counts together ("two separate strikes ... the day before") share the
  // day of the one it tells.
  if (g.counted && prev?.date) date = { ...date, window: prev.date };
  // A strike told "hours later" or "the same night" after another, with no day in its own
  // sentences, happened on the day of the one before it.
  const ownDay = date.span !== null && date.span[0] >= lead.span[0] && date.span[1] <= lead.span[1];
  if (g.sameTime && prev?.date && !ownDay) date = { ...date, window: prev.date };

  // Place
  const neighbours = neighbourRanges(sentences, lead, ctx.analysis.tailStart);
  const placeTiers: Span[][] = [[lead.span], bodyOthers, headline.map(spanOf), [...deaths, ...neighbours]].filter((t) => t.length > 0);
  let placeChoice = choosePlace(ctx.strikeGeo, placeTiers, g.triggers);
  if (g.placeSpan) placeChoice = listedPlace(ctx, g.placeSpan, placeChoice.place);
  let place: Place | null = placeChoice.place;
  if (!place && prev?.place) place = { ...prev.place, how: 'the place of the strike told before it' };
  if (!place) place = countryFallback(ctx, eventRanges);

  // Casualties: counted-only strikes have none of their own.
  const casualtyRanges: Span[] = g.counted ? [] : body.length > 0 ? body.map(spanOf) : headline.map(spanOf);
  const mentions: CasualtyMention[] = [];
  for (const r of casualtyRanges) mentions.push(...safe(() => findCasualties(text, r, { language: ctx.doc.language }), []));
  const byCat = (c: CasualtyMention['category']) => mentions.filter((m) => m.category === c);
  // No toll in the strike's own sentences: the early death sentences near the lead ("Local
  // officials said 16 people died"), which tell the toll of the strike the article is about.
  if (!g.counted && mentions.every((m) => m.category !== 'killed')) {
    for (const r of tollSentences(ctx, lead, deaths, index > 0)) {
      mentions.push(...safe(() => findCasualties(text, r, { language: ctx.doc.language }), []).filter((m) => m.category !== 'injured' || mentions.every((x) => x.category !== 'injured')));
    }
  }
  // Still none: the toll the headline gives ("General X killed by US missiles"), for the strike
  // the article leads with.
  if (!g.counted && body.length > 0 && mentions.every((m) => m.category !== 'killed')) {
    const heads = headline.length > 0 ? headline : index === 0 ? sentences.filter((s) => s.headline) : [];
    for (const h of heads) mentions.push(...safe(() => findCasualties(text, h.span, { language: ctx.doc.language }), []).filter((m) => m.category === 'killed'));
  }
  const killed = combineRanges(byCat('killed'));
  const injured = combineRanges(byCat('injured'));
  const civilians_killed = combineRanges(byCat('civilians_killed'));

  const actx = { title: ctx.doc.title, language: ctx.doc.language };
  // The article without its tail (comments, tags): spans keep their offsets.
  const article = ctx.article;
  const inArticle = eventRanges.filter(([s]) => s < article.length);
  const targetResult = safe(() => findTargets(article, inArticle, actx), { targets: [], spans: [] } as unknown as TargetResult);
  const attributions = safe(() => findAttributions(article, inArticle, actx), []);

  const leadTrigger = g.triggers.find(([a, b]) => a >= lead.span[0] && b <= lead.span[1]);
  const spans: Record<string, Span | Span[]> = { event: leadTrigger ?? g.triggers[0] ?? lead.span };
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

/**
 * The place of a strike split off a list ("also struck A, B and C"): the gazetteer's reading
 * of the name when it has one; else the name near the place the strike's sentences give,
 * with a radius that says the point is only the neighbourhood.
 */
function listedPlace(ctx: DocContext, span: Span, around: Place | null): { place: Place | null; alternatives: Place[]; span: Span | null } {
  const known = ctx.strikeGeo.find((r) => r.place.span && r.place.span[0] < span[1] && r.place.span[1] > span[0] && !spansList(ctx.text, r.place.span, span));
  if (known) return { place: known.place, alternatives: [], span: known.place.span };
  if (!around) return { place: null, alternatives: [], span: null };
  const place: Place = {
    ...around,
    name: ctx.text.slice(span[0], span[1]),
    span,
    geonames_id: null,
    canonical_name: null,
    radius_km: Math.max(around.radius_km, 30),
    precision: 'near',
    how: `not in the gazetteer; placed near ${around.name}`,
  };
  return { place, alternatives: [], span };
}

/**
 * A mention that covers the listed name and reaches over a list connector beyond it ('the
 * villages of Talmenes and Al-Kabina' read as one unknown settlement) names the whole list,
 * not the one place.
 */
function spansList(text: string, mention: Span, name: Span): boolean {
  if (mention[0] >= name[0] && mention[1] <= name[1]) return false;
  const outside = text.slice(mention[0], Math.max(mention[0], name[0])) + ' ' + text.slice(Math.min(mention[1], name[1]), mention[1]);
  return /,|(?<![\p{L}])(?:and|et|as well as|ainsi que|or|ou)(?![\p{L}])/iu.test(outside);
}

const DEATH = /\b(?:killed|killing|died|dead|death|casualties|wounded|injured|tués?|morts?|péri|décédés?|blessés?|neutralis\w*|hors de combat)\b|قتل|قتيل|قتلى|جرحى/i;

/**
 * For a strike told in one or two sentences (often just the headline): the early body
 * sentences that report the deaths ("he died on Saturday in Haramka village"), which carry
 * the day and place the trigger sentence lacks.
 */
function deathSentences(ctx: DocContext, lead: Sentence): Span[] {
  const bg = new Set(ctx.analysis.background.map((b) => b.sentence));
  // A death sentence that tells a strike of its own (a full trigger) the analysis set aside ("In
  // 2019 a bombing ... killed several teenagers", dropped as an old strike) gives the toll and
  // day of that strike; a mere back-reference ("killed in the strike") may still be this one's.
  const events = new Set(ctx.analysis.events.map((e) => e.sentence));
  const otherStrike = (i: number) => {
    const trigs = events.has(i) ? [] : (ctx.analysis.triggersBySentence.get(i) ?? []);
    return trigs.length > 0 && (trigs.some((t) => t.strength === 'strong') || OWN_STRIKE.test(ctx.sentences[i].text));
  };
  const out: Span[] = [];
  for (const s of ctx.sentences) {
    if (s.headline || s.index === lead.index || bg.has(s.index) || otherStrike(s.index) || s.span[0] >= ctx.analysis.tailStart) continue;
    if (s.paragraph > 6) break;
    if (DEATH.test(s.text)) out.push(s.span);
  }
  return out;
}

/**
 * Death sentences that may carry the toll of this strike: not another strike's sentence, and
 * close to the lead (within four sentences after it, or before it in the lede), so a toll
 * told for another strike or in background further down is not borrowed. The lede's toll is the
 * first strike's: a strike told after another (`notFirst`) takes only tolls told after it.
 */
function tollSentences(ctx: DocContext, lead: Sentence, deaths: Span[], notFirst: boolean): Span[] {
  const eventStarts = new Set(ctx.analysis.events.map((e) => ctx.sentences[e.sentence].span[0]));
  const leadIdx = lead.index;
  return deaths.filter(([s]) => {
    if (eventStarts.has(s)) return false;
    const i = ctx.sentences.findIndex((x) => x.span[0] === s);
    return i >= 0 && i <= leadIdx + 4 && (i > leadIdx || (!notFirst && ctx.sentences[i].paragraph <= 1));
  });
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

/**
 * When no place is attached to the strike: the country the article names most (in the
 * gazetteer's mentions, else among its capitalised words: "Mali's north"). A place that only
 * locates a source or stands for a seat ("the Britain-based monitor", "Washington said", "told
 * reporters in Paris") says where someone speaks from, not where the strike was: not counted.
 */
function countryFallback(ctx: DocContext, ranges: Span[]): Place | null {
  const gz = ctx.gazetteer;
  if (!gz) return null;
  const counts = new Map<string, number>();
  for (const r of ctx.geo) {
    if (r.place.span && r.place.span[0] >= ctx.analysis.tailStart) continue;
    if (isSourcePlace(ctx.text, r)) continue;
    const c = r.place.country;
    if (c) counts.set(c, (counts.get(c) ?? 0) + (r.kind === 'country' ? 2 : 1));
  }
  if (counts.size === 0) {
    const scan = (s: number, e: number, w: number) => {
      // (not the first half of a compound adjective: "Britain-based", "Saudi-led")
      for (const m of ctx.text.slice(s, e).matchAll(/\p{Lu}\p{Ll}{2,}(?:[ -]\p{Lu}\p{Ll}+)?(?!\p{L}|-\p{Ll})/gu)) {
        const iso = countryNamed(gz, m[0]);
        if (iso) counts.set(iso, (counts.get(iso) ?? 0) + w);
      }
    };
    for (const [s, e] of ranges) scan(s, e, 3);
    scan(0, ctx.analysis.tailStart, 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const cand = safe(() => gz.country(best[0]), null);
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

const countryMemo = new Map<string, string | null>();

/** ISO2 of a word that names a country outright ("Mali", "Somalie"), memoised. */
function countryNamed(gz: Gazetteer, word: string): string | null {
  let v = countryMemo.get(word);
  if (v !== undefined) return v;
  const top = safe(() => gz.lookup(word)[0], undefined);
  v = top && top.feature_code.startsWith('PCL') ? top.country : null;
  if (countryMemo.size < 50_000) countryMemo.set(word, v);
  return v;
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
