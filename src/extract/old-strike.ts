/**
 * A strike recalled from years before, next to the article's own news.
 *
 * "Abou el Hammam a été tué jeudi par l'armée française ... En juin 2012, un convoi de sa
 * brigade avait été visé par un raid aérien": the raid is background, told as what happened
 * long before (a date years before publication, and told as the past of the story: the
 * pluperfect, "already", "at the time", a sentence opening on its date), while the article's
 * own event is the recent killing. When the article has such an event of its own, the old
 * strike is no report; and when that event is an operation the text says aircraft took part
 * in ("une opération associant des hélicoptères, des avions de chasse et des commandos"), it
 * is the article's strike.
 *
 * An article whose subject IS the old strike (an investigation published years later, a
 * headline that tells a strike) has no recent event of its own apart from statements about it,
 * and keeps it.
 */
import type { DocContext } from './assemble.ts';
import type { DateMention } from './dates.ts';
import type { EventSentence } from './grouping.ts';
import { isStatementDate } from './date-choice.ts';
import { platformCues } from './triggers.ts';

const DAY_MS = 86_400_000;
/** A strike this much older than the publication is from another time of the story. */
const OLD_DAYS = 365;
/** The article's own event lies this close before the publication. */
const RECENT_DAYS = 30;

/** Wording that tells a strike as the past of the story. */
const TOLD_AS_PAST =
  /(?<![\p{L}])(?:had (?:already |previously |earlier |also )?(?:been|\p{L}+ed)|already|previously|at the time|back in|avai(?:t|ent) (?:déjà |également |aussi )?(?:été|\p{L}+[ée]s?)(?![\p{L}])|étai(?:t|ent) (?:déjà )?\p{L}+[ée]e?s?|déjà|à l['’]époque|auparavant)(?![\p{L}])/iu;
/** A sentence that opens on its date: "In 2012,", "In June 2012,", "En juin 2012,". */
const OPENS_ON_DATE = /^\s*(?:in|en|back in|dès|since|depuis)\s+(?:(?:early|late|mid-?|début|fin|mi-?)\s*)?(?:\p{L}+\s+)?(?:19|20)\d\d\b/iu;

/** Words of a death or a strike: what makes a dated sentence tell an event. */
const HAPPENED =
  /(?<![\p{L}])(?:killed|died|dead|slain|eliminated|struck|bombed|tuée?s?|morte?s?|neutralisée?s?|éliminée?s?|abattue?s?|frappée?s?|bombardée?s?)(?![\p{L}])/iu;

/** Armed forces (or their aircraft) as the ones who killed: "tué par l'armée française", "killed by US forces", "French troops killed". */
const FORCE =
  '(?:forces?|army|armée|military|militaires|troops|troupes|soldiers|soldats|commandos?|special forces|aircraft|aviation|drones?|jets?|helicopters?|hélicoptères?)';
const BY_FORCE = new RegExp(
  `(?<![\\p{L}])(?:by|par)\\s+(?:the\\s+|l['’]\\s*|les?\\s+|la\\s+|des\\s+)?(?:[\\p{L}.-]+\\s+){0,2}?${FORCE}(?![\\p{L}])|(?<![\\p{L}])${FORCE}\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:killed|ont tué|a tué)(?![\\p{L}])`,
  'iu',
);

function datesIn(ctx: DocContext, i: number): DateMention[] {
  const [s, e] = ctx.sentences[i].span;
  return ctx.dates.filter((d) => d.window !== null && d.span[0] >= s && d.span[1] <= e);
}

/** The start of the publication window, as a time. */
function referenceOf(published: string | null): number | null {
  if (!published) return null;
  const day = published.length === 10 ? published : published.length === 7 ? `${published}-01` : `${published.slice(0, 4)}-01-01`;
  const t = Date.parse(day);
  return Number.isFinite(t) ? t : null;
}

/**
 * The article's own event: a sentence that names no strike, tells a death (or a strike verb)
 * and dates it, not as a statement, within the weeks before publication. Returns its index
 * and the span of the word that tells it.
 */
function ownEvent(ctx: DocContext, reference: number, skip: Set<number>): { sentence: number; span: [number, number] } | null {
  const { sentences, analysis } = ctx;
  for (const s of sentences) {
    if (s.headline || skip.has(s.index) || s.span[0] >= analysis.tailStart) continue;
    const happened = HAPPENED.exec(s.text);
    if (!happened) continue;
    const recent = datesIn(ctx, s.index).some((d) => {
      const w = d.window!;
      return w.precision === 'day' && !isStatementDate(ctx.text, d) && Date.parse(w.end) >= reference - RECENT_DAYS * DAY_MS && Date.parse(w.start) <= reference + DAY_MS;
    });
    if (recent) return { sentence: s.index, span: [s.span[0] + happened.index, s.span[0] + happened.index + happened[0].length] };
  }
  return null;
}

/** The first air platform (aircraft or drone) named in a sentence. */
function airPlatform(ctx: DocContext, i: number): [number, number] | null {
  const c = platformCues(ctx.text, ctx.sentences[i].span);
  return c.drone ?? c.aircraft;
}

/** Drops strikes recalled from years before when the article has news of its own; see the file comment. */
export function dropRecalledStrikes(ctx: DocContext): void {
  const { analysis, sentences } = ctx;
  const reference = referenceOf(ctx.dateCtx.published);
  if (reference === null) return;
  // a headline that tells a strike: the article's subject is a strike, whenever it was
  if ([...analysis.triggersBySentence.keys()].some((i) => sentences[i].headline)) return;
  const yearsOld = (i: number) => {
    const ds = datesIn(ctx, i).filter((d) => !isStatementDate(ctx.text, d));
    return ds.length > 0 && ds.every((d) => Date.parse(d.window!.end) < reference - OLD_DAYS * DAY_MS);
  };
  // the strikes told as the past: event sentences so worded, and background ones already known
  const old = analysis.events.filter((e) => !e.headline && yearsOld(e.sentence) && (TOLD_AS_PAST.test(e.text) || OPENS_ON_DATE.test(e.text)));
  const oldSet = new Set([...old.map((e) => e.sentence), ...analysis.background.filter((b) => !sentences[b.sentence].headline && yearsOld(b.sentence)).map((b) => b.sentence)]);
  if (oldSet.size === 0) return;
  const own = ownEvent(ctx, reference, oldSet);
  if (!own) return;
  for (const e of old) analysis.background.push({ sentence: e.sentence, reasons: ['recalled-old'] });
  analysis.events = analysis.events.filter((e) => !oldSet.has(e.sentence));
  if (analysis.events.some((e) => !e.headline)) return;
  // The article's own event is its strike when armed forces killed and aircraft took part (named
  // in its sentence or the next); not helicopters sent to evacuate the wounded of an ambush.
  if (!BY_FORCE.test(sentences[own.sentence].text)) return;
  const added: EventSentence[] = [];
  const here = airPlatform(ctx, own.sentence);
  const next = sentences[own.sentence + 1];
  const there = !here && next && !next.headline && !oldSet.has(next.index) && next.span[0] < analysis.tailStart ? airPlatform(ctx, next.index) : null;
  if (!here && !there) return;
  added.push({ sentence: own.sentence, text: sentences[own.sentence].text, headline: false, triggers: [own.span], strong: true });
  if (there) added.push({ sentence: next.index, text: next.text, headline: false, triggers: [there], strong: false });
  analysis.events = [...analysis.events, ...added].sort((a, b) => a.sentence - b.sentence);
}
