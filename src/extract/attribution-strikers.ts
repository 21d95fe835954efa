/**
 * Who the words name as the one who struck, beyond the roles around a name: a platform said
 * to be a side's own, an Arabic subject after its verb, a government blamed with no side
 * named, and a "claimed the strike killed..." that asserts rather than claims.
 */
import type { Attribution } from '../domain/index.ts';
import { actorById, loadLexicon } from '../lexicon/index.ts';
import type { ActorDoc, DocMention } from './actors-context.ts';

type Span = [number, number];

/**
 * Named as the one who struck: by the words around the name (agent, platform), by a platform
 * said to be its own ("reported that the drone was Turkish"), or, in Arabic, after the verb
 * that has it as subject ("قصف جوي شنه الجيش الإثيوبي", an air raid the Ethiopian army launched).
 */
export function strikes(doc: ActorDoc, m: DocMention): boolean {
  if (m.actor.kind === 'armed_group' && assertsAboutStrike(doc, m)) return false;
  return m.roles.agent || m.roles.strike || namedAsPlatformOwner(doc, m) || agentAfterVerb(doc, m) || ownForcesStruck(doc, m);
}

/**
 * "the GNA said its air force had targeted a meeting", "l'état-major a indiqué que ses avions
 * avaient frappé": a speaker saying its own forces struck names itself as the striker.
 */
const OWN_FORCES_STRUCK = new RegExp(
  String.raw`^\s*(?:\([^)
]{1,30}\)\s*)?(?:said|says|announced|stated|confirmed|declared|added|a\s+(?:annoncé|affirmé|déclaré|indiqué|confirmé|précisé)|annonce|affirme|indique|confirme)\s+(?:on\s+\p{L}+\s+)?(?:that\s+|que\s+|qu['’])?(?:its|their|son|sa|ses|leur|leurs)\s+(?:own\s+)?(?:[\p{L}-]+\s+)?(?:air\s*force|forces|aircraft|drones?|jets?|warplanes?|planes?|army|troops|aviation|avions?|armée|troupes|drones?)\s+(?:had\s+|have\s+|has\s+|avait\s+|avaient\s+|a\s+|ont\s+)?(?:targeted|struck|hit|bombed|carried\s+out|conducted|launched|attacked|killed|visé|frappé|bombardé|mené|tué)`,
  'iu',
);

function ownForcesStruck(doc: ActorDoc, m: DocMention): boolean {
  return OWN_FORCES_STRUCK.test(doc.text.slice(m.span[1], m.span[1] + 120));
}

const PLATFORM_IS = new RegExp(
  String.raw`\b(?:drones?|aircraft|planes?|jets?|warplanes?|helicopters?|missiles?|bombs?|UAVs?|avions?|appareils?|hélicoptères?|missiles?)\s+(?:was|were|is|are|had been|has been|était|étaient|est|sont|serait|seraient|aurait été|appeared to be|appears to be|seemed to be|semblait être|semble être)\s+(?:(?:probably|likely|apparently|reportedly|most likely|believed to be|probablement|vraisemblablement|sans doute|apparemment)\s+)?$`,
  'iu',
);

/** "the drone was Turkish", "l'avion était probablement français": a demonym that owns the platform. */
export function namedAsPlatformOwner(doc: ActorDoc, m: DocMention): boolean {
  if (m.via !== 'demonym') return false;
  if (!/^\s*(?:[.,;:!?)"”»]|$|\s(?:and|but|et|mais|according|selon|officials|sources)\b)/iu.test(doc.text.slice(m.span[1], m.span[1] + 14))) return false;
  return PLATFORM_IS.test(doc.text.slice(Math.max(0, m.span[0] - 60), m.span[0]));
}

/** Arabic verbs of striking with the subject after them (and an object pronoun on the verb). */
const AR_AGENT_VERBS = new Set(['شن', 'شنت', 'شنه', 'شنها', 'شنته', 'شنتها', 'نفذ', 'نفذت', 'نفذه', 'نفذها', 'نفذته', 'نفذتها', 'استهدف', 'استهدفت', 'قصف', 'قصفت', 'هاجم', 'هاجمت', 'أطلق', 'أطلقت', 'اطلق', 'اطلقت']);

/** "شنه الجيش الإثيوبي": the army named right after an Arabic verb of striking (a noun of office between). */
function agentAfterVerb(doc: ActorDoc, m: DocMention): boolean {
  const [s0] = doc.sentenceTokens[m.sentence] ?? [0];
  for (let i = m.tokens[0] - 1; i >= Math.max(s0, m.tokens[0] - 3); i--) {
    const t = doc.tokens[i];
    if (AR_AGENT_VERBS.has(t.norm) || AR_AGENT_VERBS.has(t.raw)) return true;
    if (!/^\p{Script=Arabic}+$/u.test(t.raw)) return false;
  }
  return false;
}

/** "Al-Shabaab claimed the strike killed only civilians": an assertion about the strike, not a claim of it. */
export function assertsAboutStrike(doc: ActorDoc, m: DocMention): boolean {
  const claim = /^\s+(?:has\s+|had\s+|also\s+)?claim(?:ed|s)?\s+(?:that\s+)?(?:the|its|their|this)\s+(?:[\p{L}-]+\s+){0,2}?(?:strikes?|attacks?|raids?|bombings?)\s+(\p{L}+)/iu.exec(doc.text.slice(m.span[1], m.span[1] + 80));
  return claim !== null && ASSERTED.has(claim[1].toLowerCase());
}

/**
 * A verb right after "claimed the strike" makes it an assertion about the strike ("al-Shabaab
 * claimed the strike killed only civilians"), not a claim of responsibility.
 */
export const ASSERTED = new Set([
  'killed', 'kill', 'kills', 'hit', 'hits', 'wounded', 'injured', 'targeted', 'struck', 'caused', 'left', 'destroyed', 'was', 'were', 'had', 'has', 'missed',
  'a', 'avait', 'aurait', 'tue', 'visait', 'n',
]);

const GOVERNMENT_AS_STRIKER = new RegExp(
  String.raw`(?:\b(?:by|blamed|blames|blaming|accused|accuses|accusing|attributed (?:it )?to|held)\s+(?:the\s+)?(?:(?:federal|central|national|military|pro-government)\s+)?(?:government|regime|authorities|junta)(?:['’]s)?(?:\s+(?:forces|troops|army|military|air force|aircraft|jets|drones?))?\b)` +
    String.raw`|(?:(?<![\p{L}])(?:par|accus(?:e|ent|ant|é|ée|és|ent)|imput(?:e|ent|ée?s?)\s+à|attribu(?:e|ent|ée?s?)\s+à)\s+(?:le\s+|les\s+|la\s+|l['’]\s*)?(?:gouvernement|régime|autorités|junte|forces gouvernementales|troupes gouvernementales|armée gouvernementale|forces du régime|aviation du régime)(?![\p{L}]))`,
  'iu',
);

/** The state a strike is placed in: named as a place in the headline, else the one most named as a place. */
function placeState(doc: ActorDoc): string | null {
  const places = doc.mentions.filter((m) => m.actor.kind === 'state' && m.roles.place && m.span[0] < doc.bodyEnd);
  const inHeadline = places.filter((m) => doc.sentences[m.sentence]?.headline);
  const pool = inHeadline.length > 0 ? inHeadline : places;
  const counts = new Map<string, number>();
  for (const m of pool) counts.set(m.actor.id, (counts.get(m.actor.id) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
}

/**
 * "The Tigrayan rebels blamed the government for the drone attack", "par les forces
 * gouvernementales": the government of the country the strike is placed in, as alleged (or
 * suspected under a hedge); null when no sentence of `scope` names one or no country is clear.
 * Callers use it only when no side is named as striking.
 */
export function governmentBlamed(doc: ActorDoc, scope: number[]): Attribution | null {
  for (const i of scope) {
    const s = doc.sentences[i];
    const m = GOVERNMENT_AS_STRIKER.exec(s.text);
    if (!m) continue;
    const state = placeState(doc);
    const actor = state ? actorById(state) : null;
    if (!actor) return null;
    const hedged = loadLexicon().stance.hedge.find(doc.tokens, ...(doc.sentenceTokens[i] ?? [0, 0])).length > 0;
    const span: Span = [s.span[0] + m.index, s.span[0] + m.index + m[0].length];
    return { actor: { id: actor.id, name: actor.name }, stance: hedged ? 'suspected' : 'alleges', source: s.headline ? 'headline' : null, span };
  }
  return null;
}
