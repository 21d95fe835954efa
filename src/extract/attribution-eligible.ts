/**
 * Which actor mentions can take part in attribution: who can be a belligerent at all (a state,
 * its forces, a group with its own drones or claiming the strike), who can voice a statement,
 * and who speaks only as an outsider. Apart from the stance rules that use them.
 */
import type { ActorDoc, DocMention } from './actors-context.ts';
import { assertsAboutStrike, namedAsPlatformOwner } from './attribution-strikers.ts';

/** Can this mention be a belligerent at all (a state, its forces, or a group with its own drones)? */
export function eligible(m: DocMention, doc: ActorDoc): boolean {
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
export function canSpeak(m: DocMention, strikerRoots: ReadonlySet<string>): boolean {
  if (m.actor.kind === 'force') return true;
  if (m.actor.kind === 'armed_group') return m.roles.claims || m.roles.by || (m.roles.strikeNext && !m.roles.target) || strikerRoots.has(m.actor.id);
  return m.via !== 'demonym' || m.roles.official;
}

/** "a former soldier of the army", "un ancien officier": no longer speaks for that side. */
const FORMER = new Set(['former', 'retired', 'ex', 'ancien', 'ancienne', 'anciens']);
/** "said he believed", "thinks", "pense que": an opinion, not an acknowledgment. */
const BELIEF = new Set(['believed', 'believes', 'believe', 'thinks', 'think', 'guessed', 'pense', 'pensait', 'croit', 'croyait', 'estime']);

/**
 * A mention that speaks only as an outsider or with an opinion: a former member of the side,
 * or a speaker who says what he believes. Such words never make the side acknowledge a strike.
 */
export function speaksAsOutsider(doc: ActorDoc, m: DocMention, sentenceEnd: number): boolean {
  for (let i = Math.max(0, m.tokens[0] - 5); i < m.tokens[0]; i++) if (FORMER.has(doc.tokens[i].norm)) return true;
  for (let i = m.tokens[1]; i < Math.min(sentenceEnd, m.tokens[1] + 15); i++) if (BELIEF.has(doc.tokens[i].norm)) return true;
  return false;
}
