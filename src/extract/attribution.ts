/**
 * Attribution: who the document says carried out a strike, and with what stance.
 *
 * One entry per belligerent and stance found in the strike's sentences, their neighbours,
 * the headline, and any sentence of the article where a belligerent comments, denies or
 * confirms. The rules, in the order they apply to a belligerent named in a sentence:
 *
 * - no_comment: it "would neither confirm nor deny", "declined to comment", "n'a pas
 *   commenté", "did not immediately respond".
 * - denies: it "denied", "a démenti"; but a denial aimed at civilian harm ("denies targeting
 *   civilians") admits the strike: confirms.
 * - claims: it "claimed responsibility", "a revendiqué".
 * - confirms: it "confirmed", "acknowledged", "a reconnu"; or it speaks ("AFRICOM said it
 *   conducted", "selon l'état-major", an anonymous official of that side) and no other side
 *   is named as the striker in that sentence.
 * - suspected: it is named as the striker with a hedge next to it ("suspected US drone",
 *   "Turkey appears to have", "aurait", "peut-être"), a hedge over the sentence ("if
 *   confirmed", "it was unclear whether") or in a headline question ("Did the US ...?").
 * - alleges: it is named as the striker, flatly, by the outlet or a third party ("a US drone
 *   strike killed", "according to residents, a French aircraft").
 *
 * Reader comments after the article are hypotheses and never read. A denial only counts for
 * the party that voices it.
 */
import type { ActorRef, Attribution, Stance } from '../domain/index.ts';
import { actorById, belligerentIdOf, loadLexicon, type PatternSet } from '../lexicon/index.ts';
import { analyseActors, ledeOf, sentencesOf, type ActorDoc, type DocMention } from './actors-context.ts';
import { ASSERTED, assertsAboutStrike, governmentBlamed, namedAsPlatformOwner, strikes } from './attribution-strikers.ts';

export interface AttributionContext {
  title: string | null;
  language: string | null;
}

type Span = [number, number];

/** Every (belligerent, stance) the document gives for the strike told in `eventSpans`. */
export function findAttributions(text: string, eventSpans: Span[], ctx: AttributionContext): Attribution[] {
  if (text.length === 0 || eventSpans.length === 0) return [];
  const doc = analyseActors(text, ctx.title);
  const inBody = (i: number) => doc.sentences[i].span[0] < doc.bodyEnd && !isComment(doc, i);
  const events = sentencesOf(doc, eventSpans).filter(inBody);
  if (events.length === 0) return [];
  const scope = new Set<number>();
  for (const i of events) for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < doc.sentences.length && inBody(j)) scope.add(j);
  // a strike told only in the headline is told again, in other words, in the lede
  if (events.every((i) => doc.sentences[i].headline)) for (const j of ledeOf(doc)) scope.add(j);
  for (const s of doc.sentences) if (s.headline) scope.add(s.index);
  for (const i of voicedSentences(doc)) scope.add(i);
  // the sides named as striking anywhere in scope: their officials' word on the strike is their own
  const strikerRoots = new Set(
    doc.mentions.filter((m) => scope.has(m.sentence) && eligible(m, doc) && strikes(doc, m) && !m.roles.target).map((m) => belligerentIdOf(m.actor.id)),
  );
  const out: Attribution[] = [];
  const seen = new Set<string>();
  for (const i of [...scope].sort((a, b) => a - b)) {
    for (const a of sentenceAttributions(doc, i, strikerRoots)) {
      // the same stance in the headline and the body is kept twice: a body statement outranks a headline
      const key = `${a.actor.id}\u0000${a.stance}\u0000${a.source === 'headline'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
  }
  // "The Tigrayan rebels blamed the government for the drone attack": with no side named as
  // striking, a government blamed or named as the striker is the government of the country
  // the strike is placed in
  if (strikerRoots.size === 0 && !out.some((a) => a.stance !== 'no_comment' && a.stance !== 'unknown' && a.stance !== 'denies')) {
    const blamed = governmentBlamed(doc, [...scope].sort((a, b) => a - b));
    if (blamed) out.push(blamed);
  }
  return out;
}

/** Per document: what findAttributions and sentenceAttributions read the same way for every strike of it. */
interface DocCues {
  /** Body sentences where a possible belligerent comments, denies, confirms or claims. */
  voiced: number[];
  /** The stance cues of each sentence read so far. */
  cues: Map<number, SentenceCues>;
}

const docCues = new WeakMap<ActorDoc, DocCues>();

function cuesOfDoc(doc: ActorDoc): DocCues {
  let c = docCues.get(doc);
  if (c === undefined) {
    c = { voiced: findVoiced(doc), cues: new Map() };
    docCues.set(doc, c);
  }
  return c;
}

/** Sentences anywhere in the body where a possible belligerent comments, denies, confirms or claims. */
function voicedSentences(doc: ActorDoc): number[] {
  return cuesOfDoc(doc).voiced;
}

function findVoiced(doc: ActorDoc): number[] {
  const { stance } = loadLexicon();
  const voiced = [stance.no_comment, stance.deny, stance.confirm, stance.claim];
  const named = new Set<number>();
  for (const m of doc.mentions) named.add(m.sentence);
  const out: number[] = [];
  for (const s of doc.sentences) {
    if (!named.has(s.index) || s.span[0] >= doc.bodyEnd || isComment(doc, s.index)) continue;
    const [t0, t1] = doc.sentenceTokens[s.index];
    // the cue first: it is cheaper than a mention's roles, and most sentences voice nothing
    if (!voiced.some((set) => set.find(doc.tokens, t0, t1).length > 0)) continue;
    if (doc.mentions.some((m) => m.sentence === s.index && eligible(m, doc))) out.push(s.index);
  }
  return out;
}

/** A reader's comment: a list item of the comment thread or a "X says:" line. */
function isComment(doc: ActorDoc, i: number): boolean {
  return /\bsays:\s*$/.test(doc.sentences[i].text);
}

/** Can this mention be a belligerent at all (a state, its forces, or a group with its own drones)? */
function eligible(m: DocMention, doc: ActorDoc): boolean {
  const r = m.roles;
  if (r.target && !r.agent) return false;
  switch (m.actor.kind) {
    case 'armed_group':
      // a group is a belligerent with its own drones or by claiming the strike; its word on
      // its own losses ("AQAP acknowledged the deaths") says nothing about who struck
      return (r.strikeNext && !r.target && !r.place) || (r.claims && !assertsAboutStrike(doc, m)) || r.by;
    case 'force':
      return true;
    case 'state':
      if (m.via === 'demonym') return r.official || r.strike || namedAsPlatformOwner(doc, m);
      // "in Somalia" is a place; "in the US drone strike" names the striker
      if (r.place && !r.official && !r.strikeNext) return false;
      return r.official || r.strike || r.agent || r.speaker;
    default:
      return false;
  }
}

/** Can this mention voice a statement (confirm, deny, comment)? Not "a French drone". */
function canSpeak(m: DocMention, strikerRoots: ReadonlySet<string>): boolean {
  if (m.actor.kind === 'force') return true;
  if (m.actor.kind === 'armed_group') return m.roles.claims || m.roles.by || (m.roles.strikeNext && !m.roles.target) || strikerRoots.has(m.actor.id);
  return m.via !== 'demonym' || m.roles.official;
}

interface Cue {
  first: number;
  end: number;
}

function cues(set: PatternSet, doc: ActorDoc, t0: number, t1: number): Cue[] {
  return set.find(doc.tokens, t0, t1).map((c) => ({ first: c.first, end: c.end }));
}

const NEGATION = new Set(['not', 'no', 'never', 'neither', 'nor', 'cannot', 't', 'pas', 'ni', 'jamais', 'n', 'niet', 'geen', 'لم', 'لا']);
/** A condition before a cue ("if confirmed", "si elle est confirmée") voices nothing. */
const CONDITION = new Set(['if', 'unless', 'whether', 'si', 'once', 'als', 'indien', 'إذا']);

function sentenceAttributions(doc: ActorDoc, si: number, strikerRoots: ReadonlySet<string>): Attribution[] {
  const { stance } = loadLexicon();
  const sentence = doc.sentences[si];
  const [, t1] = doc.sentenceTokens[si];
  // a group named as the striker elsewhere may comment or keep silent here
  const ms = doc.mentions.filter(
    (m) => m.sentence === si && (eligible(m, doc) || (m.actor.kind === 'armed_group' && m.roles.voices && strikerRoots.has(belligerentIdOf(m.actor.id)))),
  );
  if (ms.length === 0) return [];
  const { noComment, denies, confirms, claims, hedges, sentenceHedged, condemned } = sentenceCues(doc, si);

  const result = new Map<DocMention, { stance: Stance; cue: Cue | null }>();
  /** The speaker a cue belongs to: the nearest capable mention before it, else just after it. */
  const subjectOf = (c: Cue): DocMention | null => {
    let best: DocMention | null = null;
    for (const m of ms) if (canSpeak(m, strikerRoots) && m.tokens[1] <= c.first && (!best || m.tokens[1] > best.tokens[1])) best = m;
    if (best) return best;
    // "declined to comment, a Pentagon spokesman said": a speaker named after the cue
    for (const m of ms) if (canSpeak(m, strikerRoots) && m.roles.speaker && m.tokens[0] >= c.end && m.tokens[0] - c.end <= 10) return m;
    return null;
  };
  const assign = (list: Cue[], make: (c: Cue) => Stance) => {
    for (const c of list) {
      const m = subjectOf(c);
      if (m && !result.has(m)) result.set(m, { stance: make(c), cue: c });
    }
  };
  assign(noComment, () => 'no_comment');
  assign(denies, (c) => (aimedAtHarm(doc, c, t1, stance.deny_harm) ? 'confirms' : 'denies'));
  assign(claims, () => 'claims');
  // "the GNA confirms that Murzuk was hit" confirms the strike, not its own part in it
  // with no striker named, an institution (ministry, army, authorities) speaks for its side;
  // local "officials" reporting a toll do not
  const ownSideOf = (m: DocMention) =>
    strikerRoots.has(belligerentIdOf(m.actor.id)) || (strikerRoots.size === 0 && !(m.roles.officialsOnly && m.actor.kind === 'state' && !m.generic));
  for (const c of confirms) {
    const m = subjectOf(c);
    if (m && !result.has(m) && ownSideOf(m) && !speaksAsOutsider(doc, m, t1)) result.set(m, { stance: 'confirms', cue: c });
  }

  const rootOf = (m: DocMention) => belligerentIdOf(m.actor.id);
  const strikers = ms.filter((m) => !result.has(m) && strikes(doc, m));
  // "a French drone said" is no speaker; "the Defence Headquarters said the bombing..." is
  const speakers = ms.filter((m) => !result.has(m) && m.roles.speaker && canSpeak(m, strikerRoots) && !(m.roles.strike && !m.roles.official && m.actor.kind !== 'force'));
  for (const sp of speakers) {
    if (condemned) continue;
    const others = strikers.filter((s) => rootOf(s) !== rootOf(sp));
    // the side named as striking (or anyone, when no side is) speaks for itself; "Pakistani
    // officials said the strike killed six" about a US drone does not make Pakistan the striker
    const ownSide = ownSideOf(sp);
    if (others.length === 0 && ownSide && !speaksAsOutsider(doc, sp, t1)) result.set(sp, { stance: 'confirms', cue: null });
  }
  for (const m of strikers) {
    if (result.has(m)) continue;
    const ownVoice = speakers.some((sp) => sp !== m && rootOf(sp) === rootOf(m) && result.get(sp)?.stance === 'confirms');
    if (ownVoice) {
      result.set(m, { stance: 'confirms', cue: null });
      continue;
    }
    const near = hedges.some((h) => (h.end <= m.tokens[0] && m.tokens[0] - h.end <= 6) || (h.first >= m.tokens[1] && h.first - m.tokens[1] <= 3));
    result.set(m, { stance: sentenceHedged || near ? 'suspected' : 'alleges', cue: null });
  }

  // "died in a suspected US drone strike, only hours after American commandos conducted a
  // raid": a sentence that hedges a side's part in the strike does not also assert it
  const hedgedRoots = new Set([...result.entries()].filter(([, r]) => r.stance === 'suspected').map(([m]) => rootOf(m)));
  const out: Attribution[] = [];
  for (const m of ms) {
    const r = result.get(m);
    if (!r) continue;
    if (r.stance === 'alleges' && hedgedRoots.has(rootOf(m))) continue;
    // id: the state or group that struck; name: the force when one is named ("Saudi-led
    // coalition", "CIA"), so a reader or an evaluation can see which arm of it
    const id = rootOf(m);
    const actor: ActorRef = { id, name: m.actor.kind === 'force' && !m.generic ? m.actor.name : (actorById(id)?.name ?? id) };
    const span: Span = r.cue
      ? [Math.min(m.span[0], doc.tokens[r.cue.first].start), Math.max(m.span[1], doc.tokens[r.cue.end - 1].end)]
      : sentence.span;
    const source = sentence.headline ? 'headline' : r.cue || result.get(m)?.stance === 'confirms' ? phraseOf(doc, m) : null;
    out.push({ actor, stance: r.stance, source, span });
  }
  return out;
}

/** The stance cues of one sentence, as sentenceAttributions weighs them. */
interface SentenceCues {
  noComment: Cue[];
  /** Denials outside a "no comment" phrase. */
  denies: Cue[];
  /** Confirmations outside a "no comment" phrase and not negated or conditional. */
  confirms: Cue[];
  /** Claims, as confirmations, and not "claimed the strike killed...". */
  claims: Cue[];
  hedges: Cue[];
  /** A hedge over the whole sentence, or a headline question. */
  sentenceHedged: boolean;
  condemned: boolean;
}

/** The stance cues of sentence `si`, read once per document (every strike of it asks again). */
function sentenceCues(doc: ActorDoc, si: number): SentenceCues {
  const memo = cuesOfDoc(doc).cues;
  let c = memo.get(si);
  if (c === undefined) {
    c = readSentenceCues(doc, si);
    memo.set(si, c);
  }
  return c;
}

function readSentenceCues(doc: ActorDoc, si: number): SentenceCues {
  const { stance } = loadLexicon();
  const sentence = doc.sentences[si];
  const [t0, t1] = doc.sentenceTokens[si];
  const noComment = cues(stance.no_comment, doc, t0, t1);
  const inside = (c: Cue) => noComment.some((n) => c.first >= n.first && c.end <= n.end);
  const negated = (c: Cue) => {
    for (let i = Math.max(t0, c.first - 3); i < c.first; i++) if (NEGATION.has(doc.tokens[i].norm) || CONDITION.has(doc.tokens[i].norm)) return true;
    return false;
  };
  return {
    noComment,
    denies: cues(stance.deny, doc, t0, t1).filter((c) => !inside(c)),
    confirms: cues(stance.confirm, doc, t0, t1).filter((c) => !inside(c) && !negated(c)),
    claims: cues(stance.claim, doc, t0, t1).filter((c) => !inside(c) && !negated(c) && !ASSERTED.has(doc.tokens[c.end]?.norm ?? '')),
    hedges: cues(stance.hedge, doc, t0, t1),
    sentenceHedged: cues(stance.hedge_sentence, doc, t0, t1).length > 0 || (sentence.headline && /\?\s*$/.test(sentence.text)),
    condemned: cues(stance.condemn, doc, t0, t1).length > 0,
  };
}

/** "denies targeting civilians", "a démenti toute victime civile": a denial of harm, not of the strike. */
function aimedAtHarm(doc: ActorDoc, c: Cue, t1: number, harm: PatternSet): boolean {
  for (let i = c.end; i < Math.min(t1, c.end + 5); i++) if (harm.matchesAt(doc.tokens, i, t1) > i) return true;
  return false;
}

/** The mention with the official noun that follows it: "US intelligence officials", "AFRICOM". */
function phraseOf(doc: ActorDoc, m: DocMention): string {
  const { roles } = loadLexicon();
  const [, t1] = doc.sentenceTokens[m.sentence];
  let end = m.tokens[1];
  for (let i = m.tokens[1]; i < Math.min(t1, m.tokens[1] + 3); i++) {
    const e = roles.official_nouns.matchesAt(doc.tokens, i, t1);
    if (e > i) end = e;
  }
  return doc.text.slice(m.span[0], doc.tokens[end - 1].end);
}

/**
 * How strongly each stance speaks for one belligerent, for a document-level verdict. The
 * belligerent's own word beats anyone else's: its confirmation or claim first, then its
 * denial (a monitor's allegation that the accused denies is a denial), then a flat
 * attribution by the outlet or a third party, then a hedged one; "no comment" alone says
 * nothing either way. A flat attribution only in the headline ranks below a hedge in the
 * body (headlines assert what the body hedges).
 */
const RANK: Record<Stance, number> = { confirms: 60, claims: 50, denies: 40, alleges: 30, suspected: 20, no_comment: 10, unknown: 0 };

function rankOf(a: Attribution): number {
  return a.stance === 'alleges' && a.source === 'headline' ? 15 : RANK[a.stance];
}

/** The document's strongest stance for one belligerent ('unknown' when it is not named). */
export function documentStance(attributions: readonly Attribution[], actorId: string): Stance {
  let best: Attribution | null = null;
  for (const a of attributions) if (a.actor.id === actorId && (!best || rankOf(a) > rankOf(best))) best = a;
  return best ? best.stance : 'unknown';
}

/**
 * The belligerent the document most holds responsible: one that acknowledges it, else the
 * one attributed most firmly; a party that only denies or does not comment comes last (a
 * US denial next to "Turkey appears to have" points at Turkey). Ties go to the first named.
 */
export function primaryBelligerent(attributions: readonly Attribution[]): { actor: ActorRef; stance: Stance } | null {
  const order: Record<Stance, number> = { confirms: 6, claims: 5, alleges: 4, suspected: 3, denies: 2, no_comment: 1, unknown: 0 };
  let best: { actor: ActorRef; stance: Stance } | null = null;
  const done = new Set<string>();
  for (const a of attributions) {
    if (done.has(a.actor.id)) continue;
    done.add(a.actor.id);
    const stance = documentStance(attributions, a.actor.id);
    if (!best || order[stance] > order[best.stance]) best = { actor: a.actor, stance };
  }
  return best;
}

/** The incident-level attribution status a document stance maps to. */
export function statusOf(stance: Stance): 'acknowledged' | 'alleged' | 'suspected' | 'denied' | 'unknown' {
  switch (stance) {
    case 'confirms':
    case 'claims':
      return 'acknowledged';
    case 'alleges':
      return 'alleged';
    case 'suspected':
      return 'suspected';
    case 'denies':
      return 'denied';
    default:
      return 'unknown';
  }
}

/** "a former soldier of the army", "un ancien officier": no longer speaks for that side. */
const FORMER = new Set(['former', 'retired', 'ex', 'ancien', 'ancienne', 'anciens']);
/** "said he believed", "thinks", "pense que": an opinion, not an acknowledgment. */
const BELIEF = new Set(['believed', 'believes', 'believe', 'thinks', 'think', 'guessed', 'pense', 'pensait', 'croit', 'croyait', 'estime']);

/**
 * A mention that speaks only as an outsider or with an opinion: a former member of the side,
 * or a speaker who says what he believes. Such words never make the side acknowledge a strike.
 */
function speaksAsOutsider(doc: ActorDoc, m: DocMention, sentenceEnd: number): boolean {
  for (let i = Math.max(0, m.tokens[0] - 5); i < m.tokens[0]; i++) if (FORMER.has(doc.tokens[i].norm)) return true;
  for (let i = m.tokens[1]; i < Math.min(sentenceEnd, m.tokens[1] + 15); i++) if (BELIEF.has(doc.tokens[i].norm)) return true;
  return false;
}
