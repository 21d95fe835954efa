/**
 * The document-level verdict drawn from a document's attributions: its strongest stance per
 * belligerent, the belligerent it most holds responsible, and the incident status a stance
 * maps to. Apart from findAttributions (attribution.ts) because it reads attributions, not
 * words: the evaluation and the incident assembly use it on stored ones too.
 */
import type { ActorRef, Attribution, Stance } from '../domain/index.ts';

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
