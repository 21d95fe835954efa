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
 *
 * This file weighs the cues; reading them is in attribution-cues.ts, who may take part in
 * attribution-eligible.ts, the document-level verdict in attribution-verdict.ts.
 */
import type { ActorRef, Attribution, Stance } from '../domain/index.ts';
import { actorById, belligerentIdOf, loadLexicon } from '../lexicon/index.ts';
import { analyseActors, ledeOf, sentencesOf, type ActorDoc, type DocMention } from './actors-context.ts';
import { aimedAtHarm, isComment, sentenceCues, voicedSentences, type Cue } from './attribution-cues.ts';
import { canSpeak, eligible, speaksAsOutsider } from './attribution-eligible.ts';
import { governmentBlamed, strikes } from './attribution-strikers.ts';

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
