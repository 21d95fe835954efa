/**
 * Forces named without their country ("the army", "l'état-major", "les FDS"), read as a
 * mention of the state whose forces were named last, else of the article's home state.
 * Apart from the role rules because it adds mentions rather than reading them.
 */
import { actorById, belligerentIdOf, loadLexicon, type ActorMention, type Token } from '../lexicon/index.ts';
import type { DocMention } from './actors-context.ts';

/**
 * The state whose forces the article is about: the one most often named with a military or
 * official noun ("l'armée du Burkina", "Nigerian troops") or through its forces (FAMa, AFRICOM).
 * Null when none is, or when two tie.
 */
function homeState(named: DocMention[], bodyEnd: number): string | null {
  const counts = new Map<string, number>();
  for (const m of named) {
    if (m.span[0] >= bodyEnd) continue;
    const lex = loadLexicon();
    const root = belligerentIdOf(m.actor.id);
    if (lex.entries.get(root)?.kind !== 'state') continue;
    if (m.actor.kind === 'force' || m.roles.official) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
}

/** Punctuation that ends a clause between a country and a force. */
const CLAUSE_BREAK = /[,;:.!?()—–]/u;

/**
 * "the army", "l'état-major", "les FDS" not next to a country: a mention of the state whose
 * forces or officials were named last before it (in the same or the two previous sentences,
 * or later in the same sentence), else of the document's home state.
 */
export function genericForces(text: string, tokens: Token[], named: DocMention[], bodyEnd: number, tokenSentence: number[]): ActorMention[] {
  const { roles, entries } = loadLexicon();
  const found = roles.generic_forces.find(tokens);
  // the states' roles (read lazily) that say whose "army" it is are only read for an "army"
  // that needs them
  let home: string | null = null;
  let official: DocMention[] | null = null;
  const out: ActorMention[] = [];
  for (const g of found) {
    if (tokens[g.first].start >= bodyEnd) break;
    // "l'armée malienne", "Mali's army": a country next to the force names whose force it is;
    // not one in another clause ("dans le centre du Mali, a indiqué l'état-major")
    const gStart = tokens[g.first].start;
    const gEnd = tokens[g.end - 1].end;
    if (named.some((m) => m.tokens[1] > g.first - 3 && m.tokens[0] < g.end + 3 && !CLAUSE_BREAK.test(text.slice(Math.min(m.span[1], gEnd), Math.max(m.span[0], gStart))))) continue;
    if (official === null) {
      home = homeState(named, bodyEnd);
      official = named.filter((m) => entries.get(belligerentIdOf(m.actor.id))?.kind === 'state' && (m.actor.kind === 'force' || m.roles.official));
    }
    const sentence = tokenSentence[g.first];
    let near: DocMention | null = null;
    for (const m of official) {
      const before = m.tokens[1] <= g.first && m.sentence >= sentence - 2;
      const laterSame = m.tokens[0] >= g.end && m.sentence === sentence;
      if (before && (!near || near.tokens[0] > g.first || m.tokens[1] > near.tokens[1])) near = m;
      else if (laterSame && !near) near = m;
    }
    const id = near ? belligerentIdOf(near.actor.id) : home;
    const actor = id ? actorById(id) : null;
    if (!actor) continue;
    const span: [number, number] = [gStart, gEnd];
    out.push({ actor, span, text: text.slice(span[0], span[1]), via: 'name', tokens: [g.first, g.end], generic: true } as ActorMention);
  }
  return out;
}
