/**
 * Whether one actor mention names a party that was struck: a group not named as the striker,
 * not speaking through its spokesman, not vowing revenge or claiming an attack of its own; a
 * force only for its people ("a leader of the Hashd"); and the target the strike was meant to
 * hit. Read from the words around the mention; the choice among mentions is in actors.ts.
 */
import { belligerentIdOf, loadLexicon } from '../lexicon/index.ts';
import type { ActorDoc, DocMention } from './actors-context.ts';
import { assertsAboutStrike } from './attribution-strikers.ts';

export function isTargetMention(doc: ActorDoc, m: DocMention, strikerRoots: Set<string>): boolean {
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

/** "identified the target as an IS position", "mistook them for Taliban fighters": what the strike was meant to hit. */
export function isIntended(doc: ActorDoc, m: DocMention): boolean {
  const before = doc.text.slice(Math.max(0, m.span[0] - 60), m.span[0]);
  return INTENDED.test(before);
}

const INTENDED = new RegExp(
  String.raw`(?:\b(?:identified|misidentified|mistook|mistaken|taken|identifiée?s?|prise?s?|confondue?s?)\s+(?:[\p{L}'’-]+\s+){0,2}(?:as|for|pour|comme|avec)` +
    String.raw`|\b(?:thought|believed|taken|pensant|croyant)\s+(?:[\p{L}'’-]+\s+){0,2}(?:to be|être))\s+(?:an?\s+|the\s+|une?\s+|des\s+|les?\s+|la\s+|l['’]\s*)?(?:[\p{L}-]+\s+(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?)?$`,
  'iu',
);
