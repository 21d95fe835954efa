/**
 * Grouping event mentions into distinct strikes.
 *
 * Articles tell one strike several times (headline, lede, quotes, a recap): by default every
 * event sentence belongs to the strike being told. A sentence starts a new strike only when
 * the text says so: "a second strike", "another strike", "in a separate raid", "also struck",
 * "une deuxième frappe", "a également frappé". A follow-up on the same site in the same
 * episode ("a second strike on those who came to help", "at the site of the first") stays
 * with its strike, unless the article itself counts the strikes ("three distinct strikes"),
 * in which case every counted strike is its own. A strike told with another day than the one
 * being told is that earlier strike recalled, unless its place lies far away and its aircraft
 * differ too ("these raids follow the first strikes, carried out on Friday by helicopters near
 * Konna"): then it is a strike of its own.
 */

import { distanceKm } from './place.ts';

export interface EventSentence {
  sentence: number;
  text: string;
  headline: boolean;
  /** Trigger spans in this sentence. */
  triggers: [number, number][];
  /** False for a sentence that only refers back ("the strike killed..."): it never starts a strike alone. */
  strong: boolean;
  /** The day window the sentence gives the strike (not a statement's day), when it gives one. */
  day?: { start: string; end: string } | null;
  /** The place the sentence gives its strike, finer than a country, when it gives one. */
  where?: Where | null;
}

/** A point with the radius that says how vague it is. */
export interface Where {
  lat: number;
  lon: number;
  radius_km: number;
}

export interface StrikeGroup {
  sentences: number[];
  triggers: [number, number][];
  /** The sentence that introduced this strike (for its own place, date, toll). */
  lead: number;
  /** Set when the article announced the strike only by a count ("three distinct strikes"). */
  counted?: boolean;
  /** The day of the strike as its sentences give it, for telling strikes on other days apart. */
  day?: { start: string; end: string } | null;
  /**
   * Set when the strike is told as happening at the time of the one before it ("Hours later,",
   * "the same night", "quelques heures plus tard"): with no day of its own, it has that day.
   */
  sameTime?: boolean;
  /** Set when the strike was split off a list of places ("also struck A, B and C"): its place. */
  placeSpan?: [number, number];
}

const NUM_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, deux: 2, trois: 3, quatre: 4, cinq: 5, six_: 6,
};

const ORDINAL_NEW =
  /\b(?:(?:a|the) (?:second|third|fourth|fifth|later|latter|subsequent|other)|another|a separate|a fresh|a new|in a separate|second|third)\s+(?:[\p{L}-]+\s+){0,2}?(?:air ?strikes?|drone strikes?|strikes?|raids?|attacks?|bombings?)\b|\bone of (?:its|their) (?:own )?(?:air ?strikes|airstrikes|drone strikes|strikes|raids|bombings)\b|\bl['’]une de (?:ses|leurs) (?:frappes|attaques)\b|\bun de (?:ses|leurs) (?:raids|bombardements)\b|\b(?:une|la) (?:deuxième|seconde|troisième|autre|nouvelle) (?:frappe|attaque|raid)\b|\bun (?:deuxième|second|autre|nouveau) (?:raid|bombardement)\b/iu;
/**
 * A sentence whose subject is other strikes ("Other strikes the same night hit the mountains",
 * "Further raids targeted...", "D'autres frappes ont visé...") tells strikes beside the one told.
 */
const OTHER_OPENING =
  /^\s*(?:other|further|more|d['’]autres|de nouvelles)\s+(?:[\p{L}-]+\s+){0,2}?(?:air ?strikes|airstrikes|drone strikes|strikes|raids|air raids|bombings|frappes|bombardements)(?![\p{L}])/iu;
/**
 * "The first strike(s)" told before any other strike: the article opens a series ("The first
 * strikes landed on the compound... Separately, drones hit..."), so the sentence tells a strike
 * of its own rather than referring back to one.
 */
const FIRST_TOLD = /(?<![\p{L}])the first (?:air ?strikes?|airstrikes?|drone strikes?|strikes?|raids?|bombs?|missiles?)(?![\p{L}])|(?<![\p{L}])(?:la|les) premières? frappes?(?![\p{L}])|(?<![\p{L}])le premier (?:raid|bombardement)(?![\p{L}])/iu;
export const ALSO_STRUCK = /\balso (?:struck|hit|bombed|targeted|attacked|pounded|raided)\b|\ba (?:également|aussi) (?:frappé|visé|bombardé|ciblé)\b|\bont (?:également|aussi) (?:frappé|visé|bombardé|ciblé)\b/i;
/**
 * A sentence that opens by setting itself apart from what came before ("Separately,", "Later
 * that day,", "Elsewhere,", "Par ailleurs,", "Plus tard,") and tells a strike of its own (an
 * indefinite strike, or aircraft as the subject of a strike verb) starts a new strike; "Later,
 * the strike was confirmed" goes on telling the same one. ("Meanwhile" is left out: it also
 * turns to another side of the same strike.) "Hours later," and "Quelques heures plus tard," set the
 * time apart the same way.
 */
const APART_OPENING =
  /^\s*(?:separately|elsewhere|(?:(?:a few|several|some|two|three|\d+) )?(?:hours|minutes) later|later(?: (?:that|the same) (?:day|night|morning|afternoon|evening)| on| in the day)?|in (?:a|another) (?:separate )?(?:incident|development|operation)|par ailleurs|séparément|ailleurs|(?:quelques|plusieurs|deux|trois|\d+) (?:heures|minutes) plus tard|plus tard(?: dans la (?:journée|soirée|nuit))?|dans (?:un|une) autre (?:incident|opération|attaque))(?![\p{L}])/iu;
/** Words that tie a strike to the time of the strike told before it. */
const SAME_TIME =
  /(?<![\p{L}])(?:(?:hours|minutes) later|later (?:that|the same) (?:day|night|morning|afternoon|evening)|the same (?:day|night|morning|afternoon|evening)|(?:quelques|plusieurs|deux|trois|\d+) (?:heures|minutes) plus tard|plus tard dans la (?:journée|soirée|nuit)|(?:le )?même (?:jour|soir)|la même (?:nuit|journée|soirée))(?![\p{L}])/iu;
/** Words that report speech: a strike told after them ("Later, an official said an airstrike had...") may be the same one retold. */
const SPEECH = /(?<![\p{L}])(?:said|says|say|told|announced|confirmed|reported|added|according|claimed|denied|a (?:déclaré|annoncé|confirmé|affirmé|indiqué|précisé)|ont (?:déclaré|annoncé|confirmé|affirmé|indiqué)|selon|d['’]après)(?![\p{L}])/iu;

/** The sentence sets itself apart and tells, in its own words (not in reported speech), a strike of its own. */
function apartStrike(text: string): boolean {
  const open = APART_OPENING.exec(text);
  if (!open) return false;
  const own = OWN_STRIKE.exec(text);
  return own !== null && !SPEECH.test(text.slice(open.index + open[0].length, own.index));
}

/** A strike told as one of its own: an indefinite strike, or aircraft as the subject of a strike verb. */
export const OWN_STRIKE =
  /(?<![\p{L}])(?:an?|une?|des|two|three|deux|trois)\s+(?:[\p{L}-]+\s+){0,2}?(?:air ?strikes?|airstrikes?|drone (?:strikes?|attacks?)|strikes?|raids?|air attacks?|bombings?|frappes?|bombardements?|attaques? (?:aériennes?|de drones?))(?![\p{L}])|(?<![\p{L}])(?:drones?|jets?|aircraft|warplanes?|planes?|helicopters?|avions?|hélicoptères?)\s+(?:[\p{L}-]+\s+)?(?:struck|hit|bombed|targeted|attacked|raided|ont (?:frappé|bombardé|visé|ciblé)|a (?:frappé|bombardé|visé|ciblé))(?![\p{L}])/iu;

const SAME_SITE =
  /\b(?:at|on) the (?:same )?site\b|\bsite of the first\b|\b(?:rescuers?|first responders|those who (?:came|rushed|gathered)|people (?:who )?(?:gathered|gathering)|came to help|gathered at|(?:near|at|to|around) the scene|taken (?:cover|refuge|shelter)|sheltering|sheltered)\b|\b(?:second|other|later) (?:strike|bomb|missile)s? then\b|\bsecouristes?\b|\bréfugiée?s?\b|\bvenus? (?:porter )?secours\b/i;
const FIRST_REF = /\b(?:the first (?:of the (?:two |three )?strikes|strike|raid|attack)|in the first of)\b|\b(?:la première frappe|le premier raid)\b/i;
const COUNTED = /\b(two|three|four|five|six|deux|trois|quatre|cinq|[2-6])\s+(?:distinct|separate|different|distinctes|séparées)\s+(?:[\p{L}-]+\s+)?(?:air ?strikes|drone strikes|strikes|raids|attacks|frappes)\b/iu;

/**
 * Speed: COUNTED (case-insensitive, Unicode) runs only on a sentence holding one of the words
 * every match needs. 'ſ' folds to 's' under /iu but is not lower-cased to it: such a sentence
 * always runs the regex.
 */
function mayCount(text: string): boolean {
  const l = text.toLowerCase();
  return l.includes('distinct') || l.includes('separate') || l.includes('different') || l.includes('séparées') || l.includes('ſ');
}

/** A sentence that starts with a calendar date: "On Aug. 6,", "Le 6 août,". */
const OPENS_WITH_DATE =
  /^\s*(?:On|Le|Since)?\s*(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\b|^\s*(?:Le\s+)?\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)(?![\p{L}])/iu;
/** Words that date by the day of writing: "today", "yesterday", "on Tuesday", "aujourd'hui", "mardi". */
const DEICTIC =
  /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|last night|(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b|(?<![\p{L}])(?:aujourd['’]hui|hier|ce (?:matin|soir)|cette nuit|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\p{L}])/iu;

const TOLL = /\b(?:killed|killing|died|dead|wounded|injured|tués?|morts?|blessés?)\b/i;

/**
 * Where a strike is told only in passing: a relative clause ("a detention centre where over 50
 * people died in an air strike", "le centre où une frappe a tué 50 migrants") or a participle
 * after a noun ("detention centre hit by air strike"). The clause describes something else
 * by a strike it suffered; the sentence is about that something.
 */
const RELATIVE_ZONE =
  /(?<=[\p{L}\d)]\s+)(?:where|in which|at which|which|that|où|dans lequel|dans laquelle|qui)\s+[^,;:.!?—–]*|(?<=[\p{L}]\s+)(?<!(?<![\p{L}])(?:was|were|is|are|be|been|being|has|have|had|get|got|a|ont|été|est|sont|fut|avait|avaient)\s+)(?:hit|struck|bombed|targeted|damaged|destroyed|attacked|touchée?s?|frappée?s?|visée?s?|bombardée?s?|détruite?s?)\s+(?:by|in|par|lors)\b[^,;:.!?—–]*/giu;
const STRIKE_WORD =
  /\b(?:air ?strikes?|airstrikes?|air raids?|air attacks?|drone (?:strikes?|attacks?)|strikes?|raids?|bombings?|bombardments?|bombed|struck|frappes?|bombardements?|bombardée?s?|attaques? aériennes?)\b/giu;

/** The sentence tells a strike, but every mention of it is in a relative clause or a participle after a noun. */
export function toldOnlyInPassing(sentence: string): boolean {
  const zones: [number, number][] = [];
  for (const m of sentence.matchAll(RELATIVE_ZONE)) zones.push([m.index, m.index + m[0].length]);
  if (zones.length === 0) return false;
  let any = false;
  for (const m of sentence.matchAll(STRIKE_WORD)) {
    any = true;
    if (!zones.some(([a, b]) => m.index >= a && m.index < b)) return false;
  }
  return any;
}

const STRIKE_NOUN =
  /(?<![\p{L}])(?:air ?strikes?|airstrikes?|air raids?|air attacks?|drone (?:strikes?|attacks?)|strikes?|raids?|attacks?|bombings?|bombardments?|frappes?|bombardements?|attaques?)(?![\p{L}])/giu;

/**
 * A sentence that speaks of strikes only in the plural ("Tuesday's air raids", "the strikes
 * killed 12 in all", "les frappes", "Turkish attacks, drone strikes among them, killed five
 * today"): once the article has told several strikes, it speaks of them together, and lends
 * its toll or its sources to none of them alone.
 */
function pluralOnly(text: string): boolean {
  let any = false;
  for (const m of text.matchAll(STRIKE_NOUN)) {
    if (!/s$/i.test(m[0])) return false;
    any = true;
  }
  return any;
}

/**
 * Kinds of aircraft a sentence names (helicopters, jets, drones). Only named kinds count:
 * "aircraft", "avions" or "l'aviation" could be any of them.
 */
const CRAFT: [string, RegExp][] = [
  ['helicopter', /(?<![\p{L}])(?:helicopters?|hélicoptères?|gunships?|Black ?Hawks?|Mi-?(?:8|17|24|35)s?)(?![\p{L}])/iu],
  ['jet', /(?<![\p{L}])(?:(?:fighter )?jets?|warplanes?|war planes?|fighter planes?|bombers?|avions? (?:de chasse|de combat|militaires)|chasseurs-bombardiers|Rafales?|Mirages?|F-?(?:15|16|18|35)[A-Z]?s?|Su-?\d\ds?|Sukhois?|MiG-?\d*s?|B-?(?:1B?|52)s?|Tornados?|Typhoons?)(?![\p{L}])/iu],
  ['drone', /(?<![\p{L}])(?:drones?|UAVs?|UCAVs?|unmanned|Reapers?|Predators?|Bayraktars?|TB-?2|Akinci|Wing Loong)(?![\p{L}])/iu],
];

function craftOf(text: string): Set<string> {
  return new Set(CRAFT.filter(([, re]) => re.test(text)).map(([k]) => k));
}

/** Beyond this distance (or the two radii together, if more) two places are far apart. */
const FAR_KM = 100;

/**
 * A sentence told with another day than the strike being told ("These raids follow the first
 * strikes, carried out on Friday by helicopters near Konna" after Rafale jets struck the Gao
 * region on Sunday) is a strike of its own, not that strike recalled, when it also names another
 * kind of aircraft and a place far from that strike's: day, place and aircraft all differ.
 */
function toldApart(ev: EventSentence, members: EventSentence[]): boolean {
  const craft = craftOf(ev.text);
  if (craft.size === 0 || !ev.where) return false;
  const theirs = new Set(members.flatMap((m) => [...craftOf(m.text)]));
  if (theirs.size === 0 || [...craft].some((k) => theirs.has(k))) return false;
  const there = members.find((m) => m.where)?.where;
  if (!there) return false;
  return distanceKm(ev.where, there) > Math.max(FAR_KM, ev.where.radius_km + there.radius_km);
}

/** Group event sentences (in document order) into strikes. */
export function groupStrikes(events: EventSentence[]): StrikeGroup[] {
  // An article whose headline names a strike only as what its subject suffered ("Migrants moved
  // back into detention centre hit by air strike") and whose body tells it only in passing too
  // is about what came after the strike: it reports none.
  if (events.some((ev) => ev.headline) && events.every((ev) => toldOnlyInPassing(ev.text))) return [];
  const groups: StrikeGroup[] = [];
  const headlines: EventSentence[] = [];
  let counted = 0;
  let countedAt: EventSentence | null = null;
  for (const ev of events) {
    const c = mayCount(ev.text) ? COUNTED.exec(ev.text) : null;
    if (!c || toNumber(c[1]) <= counted) continue;
    // One toll for the counted strikes ("two separate airstrikes killed 16") tells one episode.
    // ("it did not say how many militants were killed" gives no toll)
    const tollText = ev.text.replace(/\b(?:how many|combien)\b[^.,;]*/giu, '');
    if (!TOLL.test(tollText)) {
      counted = toNumber(c[1]);
      countedAt = ev;
    }
  }
  let current: StrikeGroup | null = null;
  const leadText = new Map(events.map((e) => [e.sentence, e.text]));
  /** The body sentences each strike is told in. */
  const members = new Map<StrikeGroup, EventSentence[]>();
  for (const ev of events) {
    if (ev.headline) {
      headlines.push(ev);
      continue;
    }
    // A back-reference with nothing before it refers to the headline's strike, if any.
    if (current === null && !ev.strong && headlines.length === 0 && !FIRST_TOLD.test(ev.text)) continue;
    const isNew =
      current !== null &&
      (ORDINAL_NEW.test(ev.text) || OTHER_OPENING.test(ev.text) || ALSO_STRUCK.test(ev.text) || apartStrike(ev.text)) &&
      !FIRST_REF.test(ev.text);
    if (!isNew && (groups.length > 1 || (counted > 1 && current !== null)) && pluralOnly(ev.text)) continue;
    const followUp = SAME_SITE.test(ev.text);
    // A strike told with a different day than the current one, without saying it is a new
    // strike, is another story: an earlier strike recalled ("the U.S. airstrikes of December
    // 29th"), the army's own strikes "on Tuesday" next to a drone strike "yesterday".
    const otherDay = current !== null && !!ev.day && !!current.day && (ev.day.end < current.day.start || ev.day.start > current.day.end);
    let apart = false;
    if (otherDay && !isNew && !FIRST_REF.test(ev.text)) {
      // told again with the day of a strike told before the current one: that strike
      const earlier = groups.find((x) => x !== current && x.day && ev.day && x.day.start <= ev.day.end && x.day.end >= ev.day.start);
      if (earlier) {
        earlier.sentences.push(ev.sentence);
        earlier.triggers.push(...ev.triggers);
        continue;
      }
      apart = toldApart(ev, members.get(current!) ?? []);
      if (!apart) continue;
    }
    // "…was hit today in a second drone attack. On Aug. 6, the attack left one fighter dead.": a
    // strike told with "today" is not dated again by the calendar; a sentence that opens with a
    // date of its own, after it, recalls another attack
    if (current !== null && !isNew && OPENS_WITH_DATE.test(ev.text) && !DEICTIC.test(ev.text) && DEICTIC.test(leadText.get(current.lead) ?? '')) continue;
    const prevDay: StrikeGroup['day'] = current === null ? null : (current as StrikeGroup).day ?? null;
    if (current === null || apart || (isNew && (!followUp || counted > 0))) {
      // With no day of its own, a strike told next to another is taken to be on that day.
      current = { sentences: [ev.sentence], triggers: [...ev.triggers], lead: ev.sentence, day: ev.day ?? prevDay };
      if (groups.length > 0 && !ev.day && SAME_TIME.test(ev.text)) current.sameTime = true;
      groups.push(current);
      members.set(current, [ev]);
      continue;
    }
    const target = FIRST_REF.test(ev.text) && groups.length > 0 ? groups[0] : current;
    members.get(target)?.push(ev);
    if (!target.day && ev.day) target.day = ev.day;
    target.sentences.push(ev.sentence);
    target.triggers.push(...ev.triggers);
  }
  if (groups.length === 0 && headlines.length > 0) {
    const h = headlines[0];
    groups.push({ sentences: [h.sentence], triggers: [...h.triggers], lead: h.sentence });
  } else if (headlines.length > 0) {
    // The headline speaks of the first strike told (and, for the platform, of all of them).
    const first = groups[0];
    for (const h of headlines) {
      first.sentences.unshift(h.sentence);
      first.triggers.unshift(...h.triggers);
    }
  }
  // Strikes the article counts but does not describe: known only from the counting sentence.
  while (countedAt !== null && counted > groups.length && groups.length > 0) {
    groups.push({ sentences: [countedAt.sentence], triggers: [...countedAt.triggers], lead: countedAt.sentence, counted: true });
  }
  return groups;
}

function toNumber(w: string): number {
  const n = Number(w);
  if (Number.isFinite(n)) return n;
  return NUM_WORDS[w.toLowerCase()] ?? 0;
}
