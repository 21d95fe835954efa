import type Database from 'better-sqlite3';
import type { AttributionStatus, Incident } from '../domain/index.ts';
import { stmt } from './db.ts';
import { Paging, type IncidentFilters } from './filters.ts';
import { countIncidents, listIncidents, type IncidentSummary } from './incidents.ts';
import { resolveFilters } from './resolve.ts';
import { parseQuestion } from './ask-parse.ts';
import { evidenceFor } from './ask-evidence.ts';
import type { AskAnswer, AskDeps, AskIncident, Intent, Understood, Verdict } from './ask-types.ts';

export type { AskAnswer, AskDeps } from './ask-types.ts';

/**
 * `ask`: question -> how it was understood -> the incidents -> a verdict with evidence.
 * When nothing matches, soft parts of the question are dropped in order (the detail words,
 * then "drone" widened to any air strike for yes/no and who questions, since sources often
 * say "air strike" or "missile" for a drone strike), and the answer says so.
 */
export interface AskOptions {
  /** YYYY-MM-DD, for "last year"; default: the current date. */
  today?: string;
  /** How many incidents to return with evidence (the count covers all). */
  limit?: number;
}

const AIR_FAMILY = ['drone_strike', 'airstrike', 'missile_strike', 'air_raid_unspecified'] as const;

export function ask(db: Database.Database, question: string, deps: AskDeps = {}, opts: AskOptions = {}): AskAnswer {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const { intent, understood } = parseQuestion(question, deps, today);
  const limit = opts.limit ?? 10;
  const run = (f: IncidentFilters) => listIncidents(db, resolveFilters(f, deps), Paging.parse({ limit: intent === 'count' ? 1 : Math.max(limit, 50) }));

  let filters = understood.filters;
  let page = run(filters);
  const relax = (name: string, next: IncidentFilters) => {
    if (page.total > 0) return;
    const p = run(next);
    if (p.total > 0) {
      page = p;
      filters = next;
      understood.relaxed.push(name);
    }
  };
  if (filters.q) relax('details', { ...filters, q: undefined });
  if ((intent === 'yes_no' || intent === 'who') && filters.event_type?.includes('drone_strike')) {
    relax('event_type', { ...filters, event_type: [...AIR_FAMILY] });
  }
  // Only "how many" questions pay for an exact count; the others say "more than N".
  const count = page.total_exact || intent !== 'count' ? page.total : countIncidents(db, resolveFilters(filters, deps));
  const atLeast = !page.total_exact && intent !== 'count';
  const verdict = verdictOf(page.items, understood.belligerent);
  // Asked about one side, the strikes that name it come first: they are the answer, the
  // others (same place and target, another side) are context.
  const items = understood.belligerent ? namingFirst(page.items, understood.belligerent) : page.items;
  const shown = intent === 'count' ? [] : items.slice(0, limit);
  const incidents = shown.map((s) => askIncident(db, s));
  return {
    question,
    intent,
    understood,
    verdict,
    count,
    answer: sentence(intent, verdict, count, understood, items, deps, atLeast),
    incidents,
  };
}

const ATTRIBUTED: AttributionStatus[] = ['acknowledged', 'alleged', 'suspected'];

const names = (i: IncidentSummary, belligerent: string) => i.belligerents.some((b) => b.actor === belligerent);

/** Incidents naming the belligerent first, each part in its original order. */
export function namingFirst(items: IncidentSummary[], belligerent: string): IncidentSummary[] {
  return [...items.filter((i) => names(i, belligerent)), ...items.filter((i) => !names(i, belligerent))];
}

/**
 * The verdict over the matching incidents. With a belligerent asked about: acknowledged by it
 * anywhere -> yes_acknowledged; it is both alleged and denied -> contested; alleged or
 * suspected -> reported_unconfirmed (even when other sides are named too); others named ->
 * reported_other; nobody named -> reported_unknown. Without one, the strongest attribution of
 * any belligerent decides in the same order.
 */
export function verdictOf(items: IncidentSummary[], belligerent: string | null): Verdict {
  if (items.length === 0) return 'none';
  const mine = items.flatMap((i) => i.belligerents.filter((b) => !belligerent || b.actor === belligerent).map((b) => b.status));
  if (mine.includes('acknowledged')) return 'yes_acknowledged';
  const claimed = mine.some((s) => s === 'alleged' || s === 'suspected');
  if (claimed && mine.includes('denied')) return 'contested';
  // Asked about one belligerent, others being named too does not unsay that it was named:
  // the incident's own grade (contested) still shows in the evidence.
  if (!belligerent && claimed && items.some((i) => i.grade === 'contested')) return 'contested';
  if (claimed) return 'reported_unconfirmed';
  if (belligerent && items.some((i) => i.belligerents.some((b) => b.actor !== belligerent && ATTRIBUTED.includes(b.status)))) {
    return 'reported_other';
  }
  if (mine.includes('denied')) return 'contested';
  return 'reported_unknown';
}

function askIncident(db: Database.Database, s: IncidentSummary): AskIncident {
  const row = stmt(db, 'SELECT body FROM incidents WHERE id = ?').get(s.id) as { body: string } | undefined;
  const inc = row ? (JSON.parse(row.body) as Partial<Incident>) : {};
  const date = s.date_start ? (s.date_end && s.date_end !== s.date_start ? `${s.date_start}/${s.date_end}` : s.date_start) : null;
  return {
    id: s.id,
    grade: s.grade,
    date,
    place: inc.place?.name ?? s.place ?? null,
    attributions: (inc.attributions ?? []).map((a) => ({ actor: a.actor.id, status: a.status })),
    evidence: evidenceFor(db, s.id),
  };
}

function sentence(intent: Intent, verdict: Verdict, count: number, u: Understood, items: IncidentSummary[], deps: AskDeps, atLeast = false): string {
  const fr = u.language === 'fr';
  const who = u.belligerent ? (deps.actorName?.(u.belligerent) ?? u.belligerent) : null;
  const n = count;
  const strikes = fr ? (n === 1 ? 'frappe' : 'frappes') : n === 1 ? 'strike' : 'strikes';
  const more = atLeast ? (fr ? 'plus de ' : 'more than ') : '';
  // always the start of a sentence
  const found = upperFirst(fr ? `${more}${n} ${strikes} ${n === 1 ? 'trouvée' : 'trouvées'}` : `${more}${n} ${strikes} found`);
  const relaxed = u.relaxed.length
    ? fr
      ? ` (critères élargis : ${u.relaxed.join(', ')})`
      : ` (widened: ${u.relaxed.join(', ')})`
    : '';
  if (verdict === 'none') return (fr ? 'Aucune frappe signalée ne correspond à la question.' : 'No reported strike matches the question.') + relaxed;
  if (intent === 'count') return `${found}.${relaxed}`;
  if (intent === 'who') {
    const tally = new Map<string, number>();
    for (const i of items) for (const b of i.belligerents) if (ATTRIBUTED.includes(b.status)) tally.set(b.actor, (tally.get(b.actor) ?? 0) + 1);
    const names = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([id, k]) => `${deps.actorName?.(id) ?? id} (${k})`);
    if (!names.length) return (fr ? `${found} ; aucune n'est attribuée.` : `${found}; none is attributed to anyone.`) + relaxed;
    return (fr ? `${found}, attribuées à : ${names.join(', ')}.` : `${found}, attributed to: ${names.join(', ')}.`) + relaxed;
  }
  const subject = who ?? (fr ? 'un belligérant' : 'a belligerent');
  // "2 strikes found, 1 of them naming United States": the others matched the place and target
  const naming = u.belligerent && !atLeast ? items.filter((i) => names(i, u.belligerent!)).length : n;
  if (naming > 0 && naming < n && verdict !== 'reported_other') {
    const part = fr ? `, dont ${naming} ${naming === 1 ? 'nomme' : 'nomment'} ${subject}` : `, ${naming} of them naming ${subject}`;
    return sentenceFor(verdict, subject, `${found}${part}`, fr) + relaxed;
  }
  return sentenceFor(verdict, subject, found, fr) + relaxed;
}

function sentenceFor(verdict: Verdict, subject: string, found: string, fr: boolean): string {
  const text: Record<Verdict, [string, string]> = {
    yes_acknowledged: [`Yes: ${subject} acknowledged it. ${found}.`, `Oui : ${subject} l'a reconnu. ${found}.`],
    reported_unconfirmed: [
      `Reported and attributed to ${subject}, but not acknowledged. ${found}.`,
      `Signalé et attribué à ${subject}, sans confirmation. ${found}.`,
    ],
    reported_unknown: [`Reported, but nobody is named as having carried it out. ${found}.`, `Signalé, mais aucun auteur n'est nommé. ${found}.`],
    reported_other: [`Reported, but attributed to another belligerent, not ${subject}. ${found}.`, `Signalé, mais attribué à un autre belligérant que ${subject}. ${found}.`],
    contested: [`Contested: sources disagree on who carried it out or whether it happened. ${found}.`, `Contesté : les sources divergent sur l'auteur ou sur les faits. ${found}.`],
    none: ['', ''],
  };
  return text[verdict][fr ? 1 : 0];
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
