/**
 * Targets: who was struck. Armed groups (and forces placed on the receiving end: "strikes on
 * Wagner positions") named in the strike's own sentences; when those name none, in their
 * neighbours; when those name none, in the headline. A unit is reported under its
 * organisation (the "Yahya Abou al-Hammam brigade" -> AQIM), keeping the unit's name; a
 * movement is dropped when one of its branches is named too (al-Qaeda next to AQIM).
 * A belligerent is never a target: states are not, nor a group named as the striker
 * ("a Houthi drone").
 */
import type { ActorRef } from '../domain/index.ts';
import { belligerentIdOf, isWithin, loadLexicon, organisationIdOf } from '../lexicon/index.ts';
import { analyseActors, ledeOf, sentencesOf, type ActorDoc, type DocMention } from './actors-context.ts';
import { assertsAboutStrike } from './attribution-strikers.ts';

type Span = [number, number];

export interface TargetContext {
  title: string | null;
  language: string | null;
}

export interface TargetResult {
  targets: ActorRef[];
  /** One span per target: the mention it was read from. */
  spans: Span[];
  /**
   * When no group is named: the generic words the text uses for those struck ("militants",
   * "terroristes", "jihadists"), for callers that want a description; null otherwise.
   */
  generic: { name: string; span: Span } | null;
}

/** Who was struck in the strike told in `eventSpans`. Never throws; spans lie in `text`. */
export function findTargets(text: string, eventSpans: Span[], ctx: TargetContext): TargetResult {
  const none: TargetResult = { targets: [], spans: [], generic: null };
  if (text.length === 0 || eventSpans.length === 0) return none;
  const doc = analyseActors(text, ctx.title);
  const inBody = (i: number) => doc.sentences[i].span[0] < doc.bodyEnd;
  const events = sentencesOf(doc, eventSpans).filter(inBody);
  if (events.length === 0) return none;
  const own = events.filter((i) => !doc.sentences[i].headline);
  // a strike told only in the headline is told again, in other words, in the lede
  if (own.length === 0) own.push(...ledeOf(doc));
  const around = [...new Set(own.flatMap((i) => [i - 1, i + 1]))].filter(
    (j) => j >= 0 && j < doc.sentences.length && inBody(j) && !doc.sentences[j].headline && !events.includes(j),
  );
  // a sentence next to the strike that tells a strike of its own (another one of the article,
  // or one recalled) is not about this one
  const neighbours = around.filter((j) => !STRIKE_TOLD.test(doc.sentences[j].text));
  // a headline that tells a strike in a place this strike's sentences never name, a place the
  // rest of the article does name, tells another strike of the article
  const holdsHeadline = events.some((i) => doc.sentences[i].headline);
  const headline = doc.sentences.filter((s) => s.headline && (holdsHeadline || !headlineOfAnother(doc, s.text, own))).map((s) => s.index);
  // a group named as the striker anywhere around the strike is never its target
  const strikerScope = new Set([...own, ...around, ...doc.sentences.filter((s) => s.headline).map((s) => s.index), ...events]);
  const strikers = new Set(
    doc.mentions
      .filter((m) => strikerScope.has(m.sentence) && m.actor.kind !== 'state' && ((m.roles.strikeNext && !m.roles.target) || m.roles.by || (m.roles.claims && !assertsAboutStrike(doc, m))))
      .map((m) => organisationIdOf(m.actor.id)),
  );
  const tiers: [number[], boolean][] = [[own, false], [neighbours, true], [[...events.filter((i) => doc.sentences[i].headline), ...headline], false]];
  for (const [tier, context] of tiers) {
    const found = targetsIn(doc, new Set(tier), strikers, context);
    if (found.targets.length > 0) return found;
  }
  return { ...none, generic: genericTarget(doc, own.length > 0 ? own : events) };
}

const STRIKE_TOLD =
  /\b(?:air ?strikes?|airstrikes?|air raids?|drone (?:strikes?|attacks?)|strikes?|raids?|bombings?|bombardments?|attacks?)\b|(?<![\p{L}])(?:frappes?|bombardements?|raids?|attaques?)(?![\p{L}])/iu;

const PLATFORM = /\b(?:drones?|jets?|warplanes?|aircraft|planes?|missiles?|helicopters?|gunships?|bombs?|UAVs?|avions?|hélicoptères?|roquettes?)\b/iu;

function headlineOfAnother(doc: ActorDoc, headline: string, own: number[]): boolean {
  if (!(STRIKE_TOLD.test(headline) || PLATFORM.test(headline))) return false;
  const places = [...headline.matchAll(/(?<![\p{L}])(?:in|near|at|à|au|en|près de)\s+(\p{Lu}[\p{L}'’-]+)/gu)].map((m) => m[1]);
  if (places.length === 0) return false;
  const ownText = own.map((i) => doc.sentences[i].text).join(' ');
  const body = doc.sentences.filter((s) => !s.headline && !own.includes(s.index)).map((s) => s.text).join(' ');
  return places.every((p) => !ownText.includes(p)) && places.some((p) => body.includes(p));
}

function isTargetMention(doc: ActorDoc, m: DocMention, strikerRoots: Set<string>): boolean {
  const r = m.roles;
  if (m.actor.kind === 'state') return false;
  if (m.actor.kind === 'armed_group') {
    return !(r.strikeNext && !r.target) && !(r.claims && !assertsAboutStrike(doc, m)) && !r.by && !claimsAnAttack(doc, m) && !speaksThroughSpokesman(doc, m) && !VOWS.test(doc.text.slice(m.span[1], m.span[1] + 60));
  }
  if (m.actor.kind === 'force') {
    if (r.target) return true;
    // a militia-like force (no state above it) named with no role of its own, on no striker's
    // side, as the body its people belong to: "a leader of the Hashd", "PMF fighters"
    const idle = !r.agent && !r.strike && !r.speaker && !r.voices && !r.official;
    const root = belligerentIdOf(m.actor.id);
    if (!idle || strikerRoots.has(root)) return false;
    // a state's own force only for a leader of it: "commander of Iran's Quds Force"
    return loadLexicon().entries.get(root)?.kind !== 'state' ? namesItsMembers(doc, m) : LEADER_OF.test(doc.text.slice(Math.max(0, m.span[0] - 60), m.span[0]));
  }
  return false;
}

/**
 * "a deputy leader of Iraq's Hashd al-Shaabi", "PMF fighters", "des combattants des FDS": the
 * force is named for the people of it who were struck. A force named on its own ("The GNA
 * called on the UN", "the GNA, based in Tripoli") is a party speaking or acting, not struck.
 */
function namesItsMembers(doc: ActorDoc, m: DocMention): boolean {
  const before = doc.text.slice(Math.max(0, m.span[0] - 50), m.span[0]);
  if (MEMBER_OF.test(before)) return true;
  return MEMBERS_AFTER.test(doc.text.slice(m.span[1], m.span[1] + 40));
}

const MEMBER_NOUNS =
  'leaders?|commanders?|chiefs?|head|heads|members?|fighters?|militiamen|militants|officials?|deputy|deputies|units?|brigades?|positions?|bases?|convoys?|headquarters|camps?|depots?|chefs?|membres?|combattants?|responsables?|commandants?|dirigeants?|cadres?|miliciens?|éléments?|unités?|brigades?|QG|leden|strijders';
/** "of the", "of Iraq's", "of the Iraqi militia", "de l'unité d'élite": up to two words between. */
const OF_THE = String.raw`(?:\s+(?:adjoint|adjointe|adjoints|principal|principaux|militaire|militaires|local|locaux|régional|régionaux|senior|top|military|local|regional|field))?\s+(?:of|from|de|du|des|d['’]|van)\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*|de\s+|het\s+)?(?:[\p{L}-]+['’]s\s+)?(?:[\p{L}-]+\s+){0,2}$`;
const MEMBER_OF = new RegExp(String.raw`\b(?:${MEMBER_NOUNS})` + OF_THE, 'iu');
const LEADER_OF = new RegExp(String.raw`\b(?:leader|commander|chief|head|deputy|founder|chef|commandant|dirigeant|fondateur|patron)` + OF_THE, 'iu');
const MEMBERS_AFTER = new RegExp(String.raw`^(?:\s*\([^)]{1,20}\))?[-\s]+(?:${MEMBER_NOUNS})\b`, 'iu');

/**
 * "Tigray People's Liberation Front (TPLF) spokesman Getachew Reda said", "le porte-parole du
 * JNIM": a group that speaks about the strike through its spokesman is a party to the story, not
 * named as struck (its losses, when it has any, are told with other words).
 */
function speaksThroughSpokesman(doc: ActorDoc, m: DocMention): boolean {
  if (/^\)?(?:\s*\([^)]{1,20}\))?['’]?s?\s+(?:spokes(?:man|woman|person|people)|porte-parole|media (?:office|centre|center|wing)|press (?:office|service))\b/iu.test(doc.text.slice(m.span[1], m.span[1] + 40))) return true;
  return /\b(?:spokes(?:man|woman|person)|porte-parole)\s+(?:for|of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?$/iu.test(doc.text.slice(Math.max(0, m.span[0] - 40), m.span[0]));
}

/** "The SDF vowed to retaliate", "a promis de riposter": the group answers the strikes; it is not named as struck. */
const VOWS =
  /^\s+(?:has\s+|have\s+|had\s+|later\s+|also\s+)?(?:vowed|vows|vow|pledged|pledges|threatened|threatens|promised|promises|a promis|ont promis|a juré|ont juré|menace|menacent|a menacé|ont menacé)\s+(?:to\s+|de\s+|d['’])?['‘"“]?(?:retaliate|retaliation|revenge|avenge|respond|strike back|hit back|riposter|se venger|venger|répondre|représailles)/iu;

/** "Last month IS claimed an attack on the airport": the group struck someone itself. */
function claimsAnAttack(doc: ActorDoc, m: DocMention): boolean {
  return CLAIMS_ATTACK.test(doc.text.slice(m.span[1], m.span[1] + 80));
}


/** "claimed an attack", "claimed responsibility", "a revendiqué l'attentat"; not "claimed the strike killed civilians". */
const CLAIMS_ATTACK = new RegExp(
  String.raw`^\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+)?(?:claimed|claims|claim|a revendiqué|ont revendiqué|avait revendiqué|avaient revendiqué|revendique|revendiquent)\s+` +
    String.raw`(?:responsibility|credit|la responsabilité|(?:responsibility for\s+)?(?:an?|the|its|their|une?|l['’]|les|la|le|ces|cette)\s*(?:[\p{L}-]+\s+){0,2}(?:attacks?|bombings?|ambush(?:es)?|assaults?|raids?|suicide|killing|abduction|kidnapping|attaques?|attentats?|embuscades?|assauts?))`,
  'iu',
);

function targetsIn(doc: ActorDoc, sentences: Set<number>, strikers: ReadonlySet<string>, context = false): TargetResult {
  const inScope = doc.mentions.filter((m) => sentences.has(m.sentence));
  const strikerRoots = new Set(inScope.filter((m) => (m.roles.agent || m.roles.strike) && !m.roles.target).map((m) => belligerentIdOf(m.actor.id)));
  // "an al-Qaeda-affiliated group", "AQIM-allied": the name describes another group; in a
  // sentence around the strike, "the war against al-Shabaab" describes the war
  let ms = inScope.filter(
    (m) => isTargetMention(doc, m, strikerRoots) && !describesAnother(doc, m) && !(context && namesAnAdversary(doc, m)) && !strikers.has(organisationIdOf(m.actor.id)),
  );
  // "wrongly identified the target as an IS position ... instead killed SDF fighters": the
  // intended target is the target
  const intended = ms.filter((m) => isIntended(doc, m));
  if (intended.length > 0) ms = ms.filter((m) => intended.includes(m) || !intended.some((i) => i.sentence === m.sentence));
  const placeCountries = placesOf(doc, sentences);
  // speakers only ("al-Shabaab said") count when nobody else is named
  const struck = ms.some((m) => !m.roles.speaker) ? ms.filter((m) => !m.roles.speaker) : ms;
  const byOrg = new Map<string, { ref: ActorRef; span: Span; unit: boolean }>();
  for (const m of struck) {
    const org = regionalBranch(organisationIdOf(m.actor.id), placeCountries);
    const unit = org !== m.actor.id;
    const prev = byOrg.get(org);
    if (!prev || (unit && !prev.unit)) byOrg.set(org, { ref: { id: org, name: unit ? unitName(doc, m) : m.text }, span: m.span, unit });
  }
  const ids = [...byOrg.keys()];
  const kept = ids.filter((id) => !ids.some((other) => other !== id && isWithin(other, id)));
  return {
    targets: kept.map((id) => (byOrg.get(id) as { ref: ActorRef }).ref),
    spans: kept.map((id) => (byOrg.get(id) as { span: Span }).span),
    generic: null,
  };
}

/**
 * The countries the strike is placed in: states named as places ("in Yemen", "Pakistan :")
 * in these sentences or the headline; else the country the article names most as a place.
 */
function placesOf(doc: ActorDoc, sentences: Set<number>): Set<string> {
  const places = doc.mentions.filter((m) => m.actor.kind === 'state' && m.roles.place && m.span[0] < doc.bodyEnd);
  const near = places.filter((m) => sentences.has(m.sentence) || doc.sentences[m.sentence]?.headline);
  if (near.length > 0) return new Set(near.map((m) => m.actor.id));
  const counts = new Map<string, number>();
  for (const m of places) counts.set(m.actor.id, (counts.get(m.actor.id) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return new Set(top ? [top[0]] : []);
}

/**
 * A name that only describes someone else: "an al-Qaeda-affiliated group", "Taliban-held
 * territory", "militants linked to the Taliban", "un groupe proche d'AQMI".
 */
function describesAnother(doc: ActorDoc, m: DocMention): boolean {
  if (namesAConflict(doc, m) || namesAPresence(doc, m)) return true;
  if (/^[-‐\s]?(?:affiliated|linked|allied|aligned|inspired|backed|loyal|held|controlled|dominated|run|proche|lié|affilié)/iu.test(doc.text.slice(m.span[1], m.span[1] + 12))) return true;
  // "with the Taliban ruling Kabul": the group governs a place
  if (/^\s+(?:(?:now|still|already)\s+)?(?:ruling|governing|controlling|in control of|in power|running|holding|tenant|contrôlant|dirigeant)\b/iu.test(doc.text.slice(m.span[1], m.span[1] + 30))) return true;
  if (/\b(?:linked|affiliated|allied|aligned|close|loyal|tied|ties|pledged allegiance|lié|liés|liée|liées|affilié|affiliés|proche|proches|allié|alliés)\s+(?:to|with|à|a|au|aux|de|d['’])\s*(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$/iu.test(
    doc.text.slice(Math.max(0, m.span[0] - 40), m.span[0]),
  )) return true;
  // "militants linked to the Taliban and al-Qaeda": the second name shares the first one's phrase
  const prev = previousMention(doc, m);
  return prev !== null && /^\s*(?:,|and|or|et|ou|as well as|ainsi que)\s*(?:to\s+|with\s+|à\s+|au\s+|aux\s+|de\s+|d['’]\s*)?(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$/iu.test(doc.text.slice(prev.span[1], m.span[0])) && describesAnother(doc, prev);
}

/** The mention right before `m` in the same sentence, or null. */
function previousMention(doc: ActorDoc, m: DocMention): DocMention | null {
  let best: DocMention | null = null;
  for (const o of doc.mentions) if (o.sentence === m.sentence && o.span[1] <= m.span[0] && (!best || o.span[1] > best.span[1])) best = o;
  return best;
}

/**
 * A group said to be present somewhere: "The Taliban are also active in the province", "IS
 * militants are entrenched in several districts", "where al-Qaeda and other groups are known
 * to shelter", "où opèrent...": such a sentence describes the area, not who was struck there.
 */
function namesAPresence(doc: ActorDoc, m: DocMention): boolean {
  const after = doc.text.slice(m.span[1], m.span[1] + 80);
  return PRESENCE.test(after);
}

const PRESENCE = new RegExp(
  String.raw`^(?:['’]s?)?(?:\s+(?:and|or|et|ou)\s+(?:other\s+|d['’]autres\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)?(?:\s+(?:militants|fighters|members|jihadists|insurgents|combattants|jihadistes|djihadistes|éléments))?\s+(?:` +
    String.raw`(?:are|is|remain|remains|have been|has been|have long been|has long been)\s+(?:also\s+|still\s+|now\s+|widely\s+|heavily\s+|firmly\s+|very\s+)?(?:active|present|entrenched|based|deeply rooted|operating|known to (?:operate|shelter|hide|be active|be present|have bases))` +
    String.raw`|(?:operate|operates|hold sway|holds sway|have a presence|has a presence|have bases|has bases|are known to|is known to)` +
    String.raw`|(?:sont|est|restent|reste)\s+(?:aussi\s+|également\s+|très\s+|bien\s+|fortement\s+)?(?:actifs?|actives?|présents?|présentes?|implantés?|implantées?|basés?|basées?|installés?)` +
    String.raw`|(?:opèrent|opère|sévissent|sévit|prolifèrent))\b`,
  'iu',
);

/**
 * In a sentence around the strike (not one telling it), a group named as the side a war is
 * fought against describes the war: "the Somali government's campaign against al-Shabab",
 * "la coalition combat les rebelles Houthis", "in the war against al-Shabab".
 */
function namesAnAdversary(doc: ActorDoc, m: DocMention): boolean {
  const before = doc.text.slice(Math.max(0, m.span[0] - 60), m.span[0]);
  const after = doc.text.slice(m.span[1], m.span[1] + 60);
  return ADVERSARY.test(before) || FIGHTS.test(after) || WAR_MOVE.test(after);
}

/**
 * A group making a move of the war: "TPLF fighters pulled back to their stronghold", "les
 * jihadistes ont pris le contrôle de la ville". Said around the strike, it tells the war.
 */
const WAR_MOVE =
  /^(?:\s*\([^)]{1,20}\))?(?:\s+(?:fighters|militants|forces|members|rebels|troops|combattants|jihadistes|djihadistes|éléments))?\s+(?:(?:have|has|had|then|later|also|ont|a|avaient|avait)\s+)?(?:pulled back|pulled out|withdrew|withdrawn|retreated|advanced|seized|captured|overran|stormed|ambushed|took control|taken control|launched an? (?:attack|offensive)|se sont retirés|s'est retiré|se sont repliés|pris le contrôle|ont attaqué|a attaqué|ont lancé une offensive)\b/iu;

/** The other side of the same sentence: "The TPLF has fought the government's forces since 2020", "les shebab combattent le gouvernement". */
const FIGHTS =
  /^(?:\s*\([^)]{1,20}\))?\s+(?:(?:has|have|had)\s+(?:been\s+)?|is\s+|are\s+|was\s+|were\s+)?(?:(?:long|also|still)\s+)?(?:fought|fighting|fights|fight|battled|battling|waged|waging|combat|combattent|combattait|combattaient|a combattu|ont combattu|affronte|affrontent|mène une (?:guerre|insurrection)|mènent une (?:guerre|insurrection))\b/iu;

const ADVERSARY = new RegExp(
  String.raw`(?:\b(?:war|wars|campaign|campaigns|fight|struggle|battle|insurgency|counter-?insurgency|guerre|lutte|campagne|combat)\s+(?:against|on|contre)` +
    String.raw`|\b(?:fights|fighting|fought|battles|battling|combats|combat|combattent|combattait|combattaient|affronte|affrontent|affrontait|affrontaient|at war with|en guerre contre|is fighting|are fighting|luttent contre|lutte contre))` +
    String.raw`\s+(?:the\s+|les\s+|l['’]\s*|la\s+|le\s+|des\s+)?(?:(?:rebel|rebels|militant|jihadist|Islamist|rebelles|jihadistes|djihadistes|islamistes|groupes?)\s+)?$`,
  'iu',
);

/** "identified the target as an IS position", "mistook them for Taliban fighters": what the strike was meant to hit. */
function isIntended(doc: ActorDoc, m: DocMention): boolean {
  const before = doc.text.slice(Math.max(0, m.span[0] - 60), m.span[0]);
  return INTENDED.test(before);
}

const INTENDED = new RegExp(
  String.raw`(?:\b(?:identified|misidentified|mistook|mistaken|taken|identifiée?s?|prise?s?|confondue?s?)\s+(?:[\p{L}'’-]+\s+){0,2}(?:as|for|pour|comme|avec)` +
    String.raw`|\b(?:thought|believed|taken|pensant|croyant)\s+(?:[\p{L}'’-]+\s+){0,2}(?:to be|être))\s+(?:an?\s+|the\s+|une?\s+|des\s+|les?\s+|la\s+|l['’]\s*)?(?:[\p{L}-]+\s+(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?)?$`,
  'iu',
);

/**
 * A name that only labels a conflict or the region it grips: "the heartland of Boko Haram's
 * armed insurgency", "the Taliban insurgency", "le berceau de l'insurrection de Boko Haram".
 * Such a phrase places the strike in a war; it does not say who was struck there.
 */
function namesAConflict(doc: ActorDoc, m: DocMention): boolean {
  const after = doc.text.slice(m.span[1], m.span[1] + 40);
  if (/^(?:['’]s?)?\s+(?:(?:armed|Islamist|jihadist|militant|violent|bloody|long-running|decade-long|deadly)\s+){0,2}(?:insurgency|insurgencies|rebellion|uprising|insurrection)\b/iu.test(after)) return true;
  const before = doc.text.slice(Math.max(0, m.span[0] - 50), m.span[0]);
  return /\b(?:(?:insurgency|rebellion|uprising|insurrection|insurrection armée|rébellion)\s+(?:of|de|d['’]|du)|(?:heartland|birthplace|cradle|berceau)\s+of\s+(?:the\s+)?(?:(?:armed|Islamist|jihadist)\s+)?(?:insurgency|rebellion|uprising)?\s*(?:of|by)?)\s*(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$/iu.test(before);
}

/** A movement named where one of its branches operates is that branch: al-Qaeda in Yemen -> AQAP. */
function regionalBranch(id: string, countries: ReadonlySet<string>): string {
  const lex = loadLexicon();
  if (countries.size === 0 || lex.entries.get(id)?.affiliate_of) return id;
  const branches = (lex.affiliates.get(id) ?? []).filter((b) => lex.entries.get(b)?.regions.some((c) => countries.has(c)));
  return branches.length === 1 ? branches[0] : id;
}

/**
 * A unit's name as written, stretched left over the capitalised words and name particles
 * before it: "Yahya About al Hammam Brigade" when the lexicon matched "al Hammam Brigade".
 */
function unitName(doc: ActorDoc, m: DocMention): string {
  let first = m.tokens[0];
  const [s0] = doc.sentenceTokens[m.sentence] ?? [0];
  while (first > s0) {
    const t = doc.tokens[first - 1];
    const gap = doc.text.slice(t.end, doc.tokens[first].start);
    if (!/^[\s\-'’]{1,2}$/.test(gap)) break;
    if (!/^\p{Lu}/u.test(t.raw) && !/^(?:al|el|ibn|bin|ben|abu|abou|ould|ag)$/i.test(t.raw)) break;
    if (/^(?:The|A|An|La|Le|Les|L|Of)$/.test(t.raw)) break;
    first--;
  }
  return doc.text.slice(doc.tokens[first].start, m.span[1]);
}

const GENERIC =
  /\b(?:(?:suspected |alleged |Islamist |jihadist |al-Qaeda-linked |armed )?(?:militants?|insurgents?|terrorists?|jihadists?|Islamists?|extremists?|fighters|rebels|gunmen|bandits)|(?:des |les )?(?:terroristes?|jihadistes?|djihadistes?|islamistes?|insurgés|rebelles|combattants|groupes armés(?: terroristes)?|hommes armés|bandits armés))\b/iu;

function genericTarget(doc: ActorDoc, sentences: number[]): { name: string; span: Span } | null {
  for (const i of sentences) {
    const s = doc.sentences[i];
    const m = GENERIC.exec(s.text);
    if (m) return { name: m[0], span: [s.span[0] + m.index, s.span[0] + m.index + m[0].length] };
  }
  return null;
}
