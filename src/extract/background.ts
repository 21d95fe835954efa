/**
 * Event or background: does a sentence that mentions a strike report it as something that
 * happened, or does it talk about strikes in general, hypothetically, in the past of the
 * story, or as surveillance, threats and policy?
 *
 * These are rules a linguist would write for any news article:
 * - hypotheticals and conditionals ("if confirmed", "would be the first", "could launch");
 * - intentions, threats, preparations ("plans to", "in preparation for", "vows to strike");
 * - habitual or generic statements ("has used drones", "has carried out strikes", "have
 *   been hit before") and tallies ("so far this year", "a record number of", "in total");
 * - retrospective references ("the one before it", "the last strike was on", "earlier
 *   strikes", "previous", "followed by others on April 5, 6 and 9");
 * - surveillance and hardware news (reconnaissance flights, drones spotted, delivery,
 *   arming);
 * - negated events ("no air strikes were carried out").
 * Each rule names itself so a report can explain a decision.
 */

export interface Verdict {
  background: boolean;
  /** Names of the rules that fired; empty for a plain event sentence. */
  reasons: string[];
}

interface Rule {
  name: string;
  re: RegExp;
  /**
   * Cheap necessary condition on the lower-cased sentence: false only when no alternative of
   * `re` can match (each alternative holds one of the literals tested). Saves running the
   * case-insensitive regexes (slowest with the Unicode flag) on most sentences; results are
   * unchanged.
   */
  may?: (lower: string, sentence: string) => boolean;
}

const YEAR = /(?:19|20)\d\d/;
const EN_YEAR = /en \d{4}/i;

const FR_MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const FR_MONTH_RE = new RegExp(`(?:${FR_MONTHS})`, 'i');
/** An earlier period with no day: "en janvier", "à la mi-novembre", "début mars", "le mois dernier", "il y a une semaine". */
const FR_PERIOD = `(?<![\\p{L}])(?:en (?:${FR_MONTHS})|(?:à la |au )?(?:mi|début|fin)[- ](?:${FR_MONTHS})|le mois dernier|la semaine dernière|l['’]an dernier|l['’]année dernière|il y a (?:\\p{L}+ ){1,2}(?:jours|semaines?|mois|ans))(?![\\p{L}])`;
/** "avait tué", "avaient fait", "avaient été tués": the pluperfect. */
const FR_PLUPERFECT = `(?<![\\p{L}])avai(?:t|ent) (?:été |déjà )?\\p{L}+`;

const RULES: Rule[] = [
  // hypothetical, conditional
  { name: 'conditional', re: /\b(?:whether|if) (?:any |more |further |new )?(?:air ?strikes?|drone strikes?|strikes?|raids?) (?:would|will|could|might)\b|\bsi (?:des|une|de nouvelles|d['’]autres) (?:frappes?|raids?|bombardements?) (?:\p{L}+ )?(?:seraient|serait|pourraient|pourrait|allaient|allait)\b|\bif (?:confirmed|true|verified|it is confirmed)\b|\bwould (?:be|mark) the (?:first|second|latest)\b|\bsi (?:elle est |c['’]est |cela est )?(?:confirmée?|avérée?)\b/iu,
    may: (l) => l.includes('if') || l.includes('whether') || l.includes('si ') || l.includes('would') },
  { name: 'modal-future', re: /\b(?:could|might|may|will|would|shall|plans? to|planning to|intends? to|ready to|prepared to|threaten(?:s|ed)? to|vow(?:s|ed)? to|pledge[sd]? to|to (?:use|launch|conduct|carry out)) (?:\w+ ){0,2}(?:launch|conduct|carry out|strike|use|begin|start|step up|expand|resume|bomb)\w*\b/i },
  { name: 'fear', re: /\bfor fear of\b|\bfear(?:s|ed|ing)? (?:of )?(?:an?|another|more|new|further) (?:air ?strikes?|strikes?|raids?|attacks?|bombings?)\b|\bpar crainte d['’]|\bde peur d['’]|\bcraign(?:ant|ent|ait) (?:une?|de nouvelles?) (?:frappes?|raids?|bombardements?)\b/i,
    may: (l) => l.includes('fear') || l.includes('crainte') || l.includes('peur') || l.includes('craign') },
  { name: 'preparation', re: /\bin preparation for\b|\bpreparing (?:for|to)\b|\bpotential (?:operations|strikes)\b|\ben prévision de\b|\bpréparer? (?:des|une) (?:frappes?|raids?)\b|\bpourrai(?:t|ent) (?:frapper|mener|lancer)\b/i,
    may: (l) => l.includes('prepar') || l.includes('potential') || l.includes('prévision') || l.includes('prépar') || l.includes('pourrai') },
  // generic / habitual
  { name: 'habitual', re: /\b(?:has|have) (?:also )?(?:used|been using|relied on|carried out|conducted|launched|stepped up|increased|expanded)\b(?![^.]*\b(?:on|last) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)|\bhas been hit\b[^.]*\bbefore\b|\bhave been hit\b|\bhas responded with\b|\bare known to\b|\ba practice\b|\b(?:years|decades) (?:of )?using\b|\bin the age of\b|\bregularly\b|\brepeatedly\b|\ba pris l['’]habitude\b/i,
    may: (l) => l.includes('has ') || l.includes('have ') || l.includes('are known to') || l.includes('a practice') || l.includes('using') ||
      l.includes('in the age of') || l.includes('regularly') || l.includes('repeatedly') || l.includes('a pris l') },
  // one rule in two regexes, each behind the literals its alternatives need (a year, a total...;
  // a word of strikes): the rule fires when either matches
  { name: 'tally', re: /\b(?:depuis (?:plusieurs|des|quelques) (?:mois|semaines|années)|for (?:several|many) (?:months|years)|over the (?:past|last) (?:several |few )?(?:months|years)|so far (?:this|in)|this year|last year|in total|a total of|record number|highest number|per year|each year|since (?:early |late |mid-?)?(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)|depuis le début de l['’]année|cette année|l['’]an dernier|au total|en \d{4}\b)/iu,
    may: (l, s) => l.includes('depuis') || l.includes('for ') || l.includes('over the ') || l.includes('so far ') || l.includes('year') ||
      l.includes('total') || l.includes('number') || l.includes('since ') || l.includes('année') || l.includes('dernier') || EN_YEAR.test(s) },
  { name: 'tally', re: /\b(?:(?:count|tally|number|toll) of (?:[\w-]+ ){0,4}(?:in |by |from )(?:\w+ )?(?:drone |air ?)?strikes\b|(?:covers?|covering|counts?|counted|recorded|carried out|conducted|launched) (?:more than |over |nearly |some |about )?\d[\d,]* (?:\w+ ){0,2}(?:strikes|raids|frappes)\b|the (?:fifth|sixth|seventh|eighth|ninth|tenth|\d+th) (?:such )?(?:strike|attack)|at least the \w+ (?:strike|since)|\bthere (?:were|have been|had been|was a total of) (?:more than |over |nearly |some |about |at least |only )?(?:\d[\d,]*|dozens of|hundreds of|scores of) (?:[\w-]+ ){0,3}(?:strikes|raids|attacks|bombings)\b|\bil y a eu (?:plus de |près de |au moins )?(?:\d+|des dizaines de|des centaines de) (?:[\p{L}-]+ ){0,2}(?:frappes|raids|bombardements)\b)/iu,
    may: (l) => l.includes('strike') || l.includes('raid') || l.includes('frappe') || l.includes('attack') || l.includes('since') ||
      l.includes('bombing') || l.includes('bombardement') },
  { name: 'retrospective', re: /\b(?:the one before|the (?:last|previous|prior) (?:strike|attack|raid|one)\b(?! of the)|(?:earlier|previous|prior|past) (?:strikes|attacks|raids|drone strikes|air ?strikes)|in the past\b|was followed by others|\bremont(?:e|ait|aient) à\b|\bjusqu['’](?:ici|alors|à présent)\b|\bdates? back to\b|\bfollowed (?:by )?(?:\w+ ){0,3}(?:another|an earlier|a previous)\b|\bcame (?:\w+ ){0,3}after (?:another|an earlier|a previous) (?:strike|attack|raid)|followed by (?:others|more) on|has been hit by\b[^.]*\bbefore|\ba similar (?:(?:wave|series|round|string|spate) of )?(?:[\w-]+ ){0,4}?(?:air ?strikes?|strikes?|attacks?|raids?|bombings?)\b|\b(?:une|des|d['’]autres) (?:frappes?|attaques?|raids?|bombardements?) (?:\w+ )?similaires?\b|\bavai(?:t|ent) déjà |(?:la|une) précédente (?:frappe|attaque)|les (?:précédentes|dernières) frappes|déjà (?:été )?(?:frappée?|visée?|ciblée?))/i,
    may: (l) => l.includes('before') || l.includes('last') || l.includes('previous') || l.includes('prior') || l.includes('earlier') ||
      l.includes('past') || l.includes('followed') || l.includes('remont') || l.includes('jusqu') || l.includes('back to') || l.includes('after') ||
      l.includes('déjà') || l.includes('précédente') || l.includes('dernières') || l.includes('similar') || l.includes('similai') },
  // a French pluperfect dated to an earlier period ("À la mi-novembre, des frappes avaient fait
  // 23 morts", "Il y a une semaine, deux combattants avaient été tués"): what came before the news
  { name: 'earlier-period', re: new RegExp(`${FR_PERIOD}[^.]*${FR_PLUPERFECT}|${FR_PLUPERFECT}[^.]*${FR_PERIOD}`, 'iu'),
    may: (l) => l.includes('avai') && (l.includes('il y a') || l.includes('dernier') || l.includes('dernière') || FR_MONTH_RE.test(l)) },
  // the same in Arabic: "وكانت غارة ... قد أودت الشهر الماضي" (had ... last month), "قد شنت في
  // فبراير 2015"; not "في وقت سابق من اليوم" (earlier the same day), which tells the news
  { name: 'earlier-period', re: /(?:^|\s)و?(?:كان|كانت|كانوا)\s(?:\S+\s){0,8}?قد\s(?=.*(?:الماضي|الماضية|قبل\s+(?:\S+\s+)?(?:أيام|يومين|أسبوع|أسابيع|أسبوعين|شهر|أشهر|شهرين|عام|أعوام|سنة|سنوات)|(?:19|20)\d\d))/u,
    may: (l) => l.includes('قد') && l.includes('كان') },
  // a period of several years is a tally, whatever day the figure was released on
  { name: 'period', re: /\b(?:from|between) (?:early |late |mid-?)?(?:19|20)\d\d (?:to|and|until|through) (?:the (?:end|start|beginning|middle) of )?(?:19|20)\d\d\b|\b(?:de|entre) (?:19|20)\d\d (?:à|et) (?:la fin de |fin )?(?:19|20)\d\d\b|\bover the same period\b|\bamong the (?:\p{L}+ ){0,2}(?:strikes|raids|attacks) (?:that|which)\b/iu,
    may: (l, s) => l.includes('period') || l.includes('among') || YEAR.test(s) },
  // surveillance, hardware, policy
  // ("kept them under surveillance until an airstrike destroyed the vehicle" tells the strike)
  // ("carried out the raids after surveillance flights showed fighters gathering" tells what led to it)
  { name: 'surveillance', re: /(?<!\b(?:under|sous)\s)(?<!\b(?:after|following|once|après|suite à|à la suite d['’]?(?:es?|u)?|à l['’]issue d['’]?(?:es?|u)?)\s+(?:[\p{L}'’-]+\s+){0,4})\b(?:surveillance|reconnaissance|spy(?:ing)?|spotted|hovering|circling|flights? over|overflights?|survol(?:s|é|ent)?|reconnaissance)\b/iu,
    may: (l) => l.includes('surveillance') || l.includes('reconnaissance') || l.includes('spy') || l.includes('spotted') || l.includes('hovering') ||
      l.includes('circling') || l.includes('flight') || l.includes('survol') },
  { name: 'hardware', re: /\b(?:delivery|delivered|deliveries|took delivery|acquired?|acquisition|purchased?|bought|to arm|be armed|being armed|armed with|livraison|livré|acquisition|armer|armement)\b/i,
    may: (l) => l.includes('deliver') || l.includes('acqui') || l.includes('purchase') || l.includes('bought') || l.includes('arm') || l.includes('livr') },
  // negated events
  { name: 'negated', re: /\b(?:no|not any) (?:air ?strikes?|drone strikes?|strikes?) (?:were|was|had been|have been)\b|\bdid not (?:carry out|conduct|launch)\b|\bdenied (?:carrying out|conducting|launching)\b(?![^.]*\bbut\b)|\baucune frappe\b/i,
    may: (l) => l.includes('no ') || l.includes('not any') || l.includes('did not') || l.includes('denied') || l.includes('aucune frappe') },
  // militants firing at aircraft are not strikes from the air
  { name: 'anti-aircraft', re: /\b(?:fir(?:e|ed|ing)|shoot(?:ing)?|shot) (?:at|down)\b|\banti-?aircraft\b|\babattu\b/i,
    may: (l) => ((l.includes('fir') || l.includes('shoot') || l.includes('shot')) && (l.includes(' at') || l.includes(' down'))) || l.includes('aircraft') || l.includes('abattu') },
  // questions that are not headlines of reports ("what is a drone strike?")
  { name: 'explainer', re: /\b(?:what is|what are|how do|why do|explainer|explained|que sait-on|ce que l['’]on sait|comprendre)\b/i,
    may: (l) => l.includes('what ') || l.includes('how do') || l.includes('why do') || l.includes('explain') || l.includes('sait-on') || l.includes('ce que l') ||
      l.includes('comprendre') },
];

/** Rules a headline ignores: a headline question is a report's hook, not a hypothetical. */
const HEADLINE_SKIPS = new Set(['modal-future']);

/**
 * Classify one sentence. `isHeadline` relaxes the modal rule: "Did the US launch a drone
 * strike...?" is how a post announces a reported strike.
 */
export function classifySentence(sentence: string, opts: { isHeadline?: boolean; isListItem?: boolean } = {}): Verdict {
  const reasons: string[] = [];
  const lower = sentence.toLowerCase();
  // 'ſ' folds to 's' in the /iu rules but is not lower-cased to it: no shortcut then
  const shortcut = !lower.includes('ſ');
  for (const rule of RULES) {
    if (opts.isHeadline && HEADLINE_SKIPS.has(rule.name)) continue;
    // a rule in two parts (tally): the second is not tried once the first fired
    if (reasons.length > 0 && reasons[reasons.length - 1] === rule.name) continue;
    if (shortcut && rule.may && !rule.may(lower, sentence)) continue;
    rule.re.lastIndex = 0;
    if (rule.re.test(sentence)) reasons.push(rule.name);
  }
  if (opts.isListItem) reasons.push('list-item');
  return { background: reasons.length > 0, reasons };
}

/**
 * Event cues that outweigh one weak background cue: a death toll, an explicit day, or a
 * "killed/died" verb in the sentence ("A strike on Saturday killed 7" stays an event even
 * after "so far this year").
 */
const EVENT_CUE = /\b(?:killed|died|dead|wounded|injured|tués?|morts?|blessés?|péri|ont été tués|yesterday|today|overnight|last night|this morning|earlier today|(?:over|in) the (?:past|last) (?:24|48|twenty-four) hours|hier|aujourd['’]hui|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))\b/i;

const DAY_CUE =
  /\b(?:yesterday|today|overnight|last night|this morning|earlier today|(?:over|in) the (?:past|last) (?:24|48|twenty-four) hours|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|hier|aujourd['’]hui|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))\b/i;

/** Rules strong enough that event cues do not rescue the sentence. */
const HARD = new Set(['period', 'earlier-period', 'conditional', 'fear', 'retrospective', 'surveillance', 'hardware', 'negated', 'list-item', 'explainer', 'anti-aircraft']);

/** Final decision combining background rules and event cues. */
/** Exported for the generic-plural rule in events.ts: a sentence with an event anchor. */
export function hasEventCue(sentence: string): boolean {
  return EVENT_CUE.test(sentence) || FR_TOLL_CUE.test(sentence) || CALENDAR_DAY.test(sentence);
}

/**
 * French military tolls ("ont été éliminés", "neutralisés") and the participle of killing in
 * any gender and number ("avoir tué", "a été tuée"): `\b` does not see the accent that ends
 * "tué", so these need a boundary that knows letters.
 */
const FR_TOLL_CUE = /(?<![\p{L}])(?:éliminée?s?|neutralisée?s?|tuée?s?)(?![\p{L}])/iu;

/**
 * A calendar day ("le 21 décembre", "on March 3", "on 3 March"): strikes tied to one day are
 * those strikes, not strikes in general. Only for the bare-plural rule (events.ts): a date in a
 * tally or a retrospective sentence is that sentence's own date.
 */
const CALENDAR_DAY =
  /(?<![\p{L}])(?:le \d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|on (?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)))(?![\p{L}])/iu;

export function isBackground(sentence: string, opts: { isHeadline?: boolean; isListItem?: boolean } = {}): Verdict {
  const v = classifySentence(sentence, opts);
  if (!v.background) return v;
  if (v.reasons.some((r) => HARD.has(r))) return v;
  // A tally ("this year two others have died in drone strikes") needs a specific day to be news.
  const cue = v.reasons.includes('tally') ? DAY_CUE : EVENT_CUE;
  if (cue.test(sentence) || (cue === EVENT_CUE && FR_TOLL_CUE.test(sentence))) return { background: false, reasons: v.reasons.map((r) => `overridden:${r}`) };
  return v;
}
