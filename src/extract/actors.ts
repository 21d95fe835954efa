/**
 * Targets: who was struck. Armed groups (and forces placed on the receiving end: "strikes on
 * Wagner positions") named in the strike's own sentences; when those name none, in their
 * neighbours; when those name none, in the headline. A unit is reported under its
 * organisation (the "Yahya Abou al-Hammam brigade" -> AQIM), keeping the unit's name; a
 * movement is dropped when one of its branches is named too (al-Qaeda next to AQIM).
 * A belligerent is never a target: states are not, nor a group named as the striker
 * ("a Houthi drone").
 * Whether one mention names a party struck is in actors-target-mention.ts; names that only
 * describe (a war, an affiliation, a presence) are in actors-describes.ts.
 */
import type { ActorRef } from '../domain/index.ts';
import { belligerentIdOf, isWithin, loadLexicon, organisationIdOf } from '../lexicon/index.ts';
import { analyseActors, ledeOf, sentencesOf, type ActorDoc, type DocMention } from './actors-context.ts';
import { describesAnother, namesAnAdversary } from './actors-describes.ts';
import { isIntended, isTargetMention } from './actors-target-mention.ts';
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
